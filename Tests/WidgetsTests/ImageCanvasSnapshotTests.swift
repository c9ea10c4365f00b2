import TerminalCore
import Widgets
import XCTest

/// The canvas on a real Landsat picture, as text with colours, at 80x24 and 50x15, at
/// each colour depth, through chafa (refined) and the half blocks (fast).
final class ImageCanvasSnapshotTests: XCTestCase {
    /// Two buildings and a prediction over the fields in the picture's lower right, in its pixels.
    static let shapes: [OverlayShape] = [
        OverlayShape(points: [.init(x: 100.5, y: 40.25), .init(x: 130.75, y: 40.25), .init(x: 130.75, y: 62.5), .init(x: 100.5, y: 62.5)], closed: true, color: .rgb(255, 60, 60), emphasis: .selected, highlightedVertex: 2),
        OverlayShape(points: [.init(x: 60.3, y: 70.1), .init(x: 85.8, y: 66.4), .init(x: 90.2, y: 88.9), .init(x: 63.0, y: 86.0)], closed: true, color: .rgb(255, 220, 0)),
        OverlayShape(points: [.init(x: 20.5, y: 10.5), .init(x: 50.5, y: 10.5), .init(x: 50.5, y: 30.5), .init(x: 20.5, y: 30.5)], closed: true, color: .rgb(0, 200, 255), emphasis: .prediction),
    ]

    func render(_ image: PixelImage, cells: Size, depth: ColorDepth, quality: CanvasQuality, overlay: [OverlayShape] = [], cursor: OverlayCursor? = nil) -> Buffer {
        var buffer = Buffer(size: cells)
        ImageCanvas.draw(image, overlay: overlay, cursor: cursor, in: buffer.area, depth: depth, quality: quality, into: &buffer)
        return buffer
    }

    func testRefinedAtEveryDepthAt80x24() throws {
        // Given the 160x96 Landsat picture, When chafa draws it at 80x24 at each depth
        let image = try CanvasFixtures.landsat160x96()
        for depth in ColorDepth.allCases {
            let buffer = render(image, cells: Size(width: 80, height: 24), depth: depth, quality: .refined)
            // Then the text and colours are the recorded ones
            CanvasFixtures.assertSnapshot(TextSnapshot.styledText(of: buffer), named: "canvas-refined-\(depth)-80x24")
        }
    }

    func testRefinedAtEveryDepthAt50x15() throws {
        let image = try CanvasFixtures.landsat100x60()
        for depth in ColorDepth.allCases {
            let buffer = render(image, cells: Size(width: 50, height: 15), depth: depth, quality: .refined)
            CanvasFixtures.assertSnapshot(TextSnapshot.styledText(of: buffer), named: "canvas-refined-\(depth)-50x15")
        }
    }

    func testFastWithShapesAt80x24() throws {
        let image = try CanvasFixtures.landsat160x96()
        for depth in [ColorDepth.trueColor, .indexed8, .monochrome] {
            let buffer = render(image, cells: Size(width: 80, height: 24), depth: depth, quality: .fast, overlay: Self.shapes, cursor: OverlayCursor(point: .init(x: 75.5, y: 50.5)))
            CanvasFixtures.assertSnapshot(TextSnapshot.styledText(of: buffer), named: "canvas-fast-shapes-\(depth)-80x24")
        }
    }

    func testRefinedWithShapesAt80x24() throws {
        let image = try CanvasFixtures.landsat160x96()
        for depth in [ColorDepth.trueColor, .indexed256] {
            let buffer = render(image, cells: Size(width: 80, height: 24), depth: depth, quality: .refined, overlay: Self.shapes, cursor: OverlayCursor(point: .init(x: 75.5, y: 50.5)))
            CanvasFixtures.assertSnapshot(TextSnapshot.styledText(of: buffer), named: "canvas-refined-shapes-\(depth)-80x24")
        }
    }

    func testTheSceneEdgeOfNoDataShowsAsTheTerminalBackground() throws {
        // Given the picture, whose upper-left corner lies outside the Landsat scene (alpha 0)
        let image = try CanvasFixtures.landsat160x96()
        XCTAssertEqual(image[0, 0].alpha, 0)
        for quality in [CanvasQuality.fast, .refined] {
            // When drawn in true colour
            let buffer = render(image, cells: Size(width: 80, height: 24), depth: .trueColor, quality: quality)
            // Then the top-left cell has the terminal's own background, and the middle a picture
            XCTAssertEqual(buffer[0, 0].style.background, .terminalDefault, "\(quality)")
            guard case .rgb = buffer[40, 12].style.foreground else { return XCTFail("\(quality): the middle cell should have a true colour, not \(buffer[40, 12].style)") }
        }
    }

    func testMonochromeStillShowsThePicture() throws {
        // Given the picture, When drawn without colour
        let image = try CanvasFixtures.landsat160x96()
        for quality in [CanvasQuality.fast, .refined] {
            let buffer = render(image, cells: Size(width: 80, height: 24), depth: .monochrome, quality: quality)
            // Then no cell carries a colour, yet the symbols vary: the picture is in their shapes
            XCTAssertTrue(buffer.cells.allSatisfy { $0.style.foreground == .terminalDefault && $0.style.background == .terminalDefault })
            let symbols = Set(buffer.cells.map(\.text))
            XCTAssertGreaterThanOrEqual(symbols.count, 3, "\(quality): \(symbols)")
            let blank = buffer.cells.filter { $0.text == " " }.count
            XCTAssertTrue((200..<1800).contains(blank), "\(quality): \(blank) blank cells of 1920 is no picture")
        }
    }
}
