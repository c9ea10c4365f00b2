import TerminalCore
@testable import Widgets
import XCTest

/// Shapes over the real picture: visible through both paths, and each emphasis distinct.
final class ImageCanvasOverlayTests: XCTestCase {
    let cells = Size(width: 80, height: 24)
    let box: [OverlayPoint] = [.init(x: 100.5, y: 40.25), .init(x: 130.75, y: 40.25), .init(x: 130.75, y: 62.5), .init(x: 100.5, y: 62.5)]

    func render(_ overlay: [OverlayShape], quality: CanvasQuality, depth: ColorDepth = .trueColor) throws -> Buffer {
        var buffer = Buffer(size: cells)
        ImageCanvas.draw(try CanvasFixtures.landsat160x96(), overlay: overlay, in: buffer.area, depth: depth, quality: quality, into: &buffer)
        return buffer
    }

    func changedCells(_ a: Buffer, _ b: Buffer) -> Int { zip(a.cells, b.cells).filter { $0 != $1 }.count }

    func testEachEmphasisChangesTheCellsItCrossesAndTheSelectedMost() throws {
        for quality in [CanvasQuality.fast, .refined] {
            // Given the picture without shapes
            let bare = try render([], quality: quality)
            // When the same box is drawn with each emphasis
            let counts = try [OverlayEmphasis.prediction, .normal, .selected, .drawing].map { emphasis in
                changedCells(bare, try render([OverlayShape(points: box, closed: true, color: .rgb(255, 60, 60), emphasis: emphasis)], quality: quality))
            }
            let (prediction, normal, selected, drawing) = (counts[0], counts[1], counts[2], counts[3])
            // Then the outline's cells change: the box is 15x6 cells, about 38 on its edge
            XCTAssertGreaterThanOrEqual(normal, 34, "\(quality)")
            // A dashed prediction changes fewer; selected and drawn ones, thicker with halos, more
            XCTAssertLessThan(prediction, normal, "\(quality)")
            XCTAssertGreaterThan(selected, normal, "\(quality)")
            XCTAssertGreaterThan(drawing, normal, "\(quality)")
            // And the inside of the box is the picture still
            let inside = try render([OverlayShape(points: box, closed: true, color: .rgb(255, 60, 60), emphasis: .selected)], quality: quality)
            XCTAssertEqual(inside[57, 12], bare[57, 12], "\(quality)")
        }
    }

    func testAThinEdgeAtASubCellPositionSurvivesChafa() throws {
        // Given a normal line one pixel wide through the middle of a cell row (y = 50.5 is
        // the third of the four pixel rows of cell row 12), across the water
        let line = OverlayShape(points: [.init(x: 44.5, y: 50.5), .init(x: 76.5, y: 50.5)], closed: false, color: .rgb(255, 255, 0))
        let bare = try render([], quality: .refined)
        let drawn = try render([line], quality: .refined)
        // Then chafa keeps it in nearly every cell it crosses: 16 cells, columns 22-38 in row 12
        let crossed = (23..<38).filter { drawn[$0, 12] != bare[$0, 12] }.count
        XCTAssertGreaterThanOrEqual(crossed, 14)
        // And in those cells one of the two colours is yellow mixed with the water (the
        // line covers most of one sextant row): red and green at least 128, blue at most
        // 64, where the water is about (5, 40, 60)
        let yellowish = (23..<38).filter { column in
            [drawn[column, 12].style.foreground, drawn[column, 12].style.background].contains { color in
                guard case .rgb(let red, let green, let blue) = color else { return false }
                return red >= 128 && green >= 128 && blue <= 64
            }
        }.count
        XCTAssertGreaterThanOrEqual(yellowish, 14)
        // And the rows above and below are untouched
        XCTAssertEqual((23..<38).filter { drawn[$0, 10] != bare[$0, 10] || drawn[$0, 14] != bare[$0, 14] }.count, 0)
    }

    func testTheCursorShowsInBothPaths() throws {
        for quality in [CanvasQuality.fast, .refined] {
            var bare = Buffer(size: cells), crossed = Buffer(size: cells)
            let image = try CanvasFixtures.landsat160x96()
            ImageCanvas.draw(image, overlay: [], in: bare.area, depth: .indexed256, quality: quality, into: &bare)
            ImageCanvas.draw(image, overlay: [], cursor: OverlayCursor(point: .init(x: 60.5, y: 50.5)), in: crossed.area, depth: .indexed256, quality: quality, into: &crossed)
            // The cross spans 12 pixels each way: 6 cells across, 3 rows down, around cell (30, 12)
            let changed = changedCells(bare, crossed)
            XCTAssertTrue((6...30).contains(changed), "\(quality): \(changed)")
            XCTAssertNotEqual(crossed[32, 12], bare[32, 12], "\(quality)")
            XCTAssertEqual(crossed[40, 12], bare[40, 12], "\(quality)")
        }
    }

    func testChafaCanvasesAreKeptAndReusedBetweenFrames() throws {
        // Given a first frame at a size no other test uses
        let image = PixelImage(width: 62, height: 44, filledWith: RGBA(red: 30, green: 90, blue: 30))
        var buffer = Buffer(size: Size(width: 31, height: 11))
        ImageCanvas.draw(image, overlay: [], in: buffer.area, depth: .indexed256, quality: .refined, into: &buffer)
        let built = ChafaCells.canvasesBuilt
        // When nine more frames are drawn at that size and depth
        for _ in 0..<9 { ImageCanvas.draw(image, overlay: [], in: buffer.area, depth: .indexed256, quality: .refined, into: &buffer) }
        // Then no canvas is built for them
        XCTAssertEqual(ChafaCells.canvasesBuilt, built)
        // And many sizes never keep more than the limit
        for width in 1...6 { ImageCanvas.draw(image, overlay: [], in: Rect(x: 0, y: 0, width: width, height: 3), depth: .trueColor, quality: .refined, into: &buffer) }
        XCTAssertEqual(ChafaCells.canvasesBuilt, built + 6)
        XCTAssertEqual(ChafaCells.canvasesKept, ChafaCells.cacheLimit)
    }

    func testMeasureReportsEveryFrame() {
        // A small timing run of each path: the numbers are the machine's, the shape is ours
        for quality in [CanvasQuality.fast, .refined] {
            let timing = ImageCanvas.measure(cells: Size(width: 20, height: 6), depth: .indexed8, quality: quality, frames: 5)
            XCTAssertEqual(timing.frames, 5)
            XCTAssertLessThanOrEqual(timing.p50, timing.p99)
            XCTAssertGreaterThan(timing.p50, 0)
            XCTAssertTrue(timing.description.hasPrefix("20x6 8 \(quality == .fast ? "fast" : "refined") shapes=0: p50 "), timing.description)
        }
    }
}

final class ImageCanvasPrerenderedTests: XCTestCase {
    func testCellsRenderedAheadOnAnotherThreadPlaceAsDrawingWould() async throws {
        // Given the frame drawn directly into a rectangle of a larger screen
        let image = try CanvasFixtures.landsat160x96()
        let shapes = ImageCanvasSnapshotTests.shapes
        var direct = Buffer(size: Size(width: 90, height: 30))
        direct.write(String(repeating: "界", count: 45), x: 0, y: 5)
        var placed = direct
        let rect = Rect(x: 5, y: 3, width: 80, height: 24)
        ImageCanvas.draw(image, overlay: shapes, in: rect, depth: .trueColor, quality: .refined, into: &direct)
        // When the same canvas is rendered in a detached task and placed
        let rendered = await Task.detached {
            ImageCanvas.render(image, overlay: shapes, cells: Size(width: 80, height: 24), depth: .trueColor, quality: .refined)
        }.value
        ImageCanvas.place(rendered, in: rect, into: &placed)
        // Then the screens are the same, the wide characters the edges cut included
        XCTAssertEqual(placed, direct)
        XCTAssertEqual(placed[4, 5], Cell(" "))
    }
}
