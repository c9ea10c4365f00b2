import TerminalCore
@testable import Widgets
import XCTest

/// Strokes in pixels: coverage from the distance to the centre line, checked by hand.
final class OverlayRasterizerTests: XCTestCase {
    let white = Color.rgb(255, 255, 255)

    func drawn(_ shapes: [OverlayShape], cursor: OverlayCursor? = nil, on image: PixelImage = PixelImage(width: 24, height: 24)) -> PixelImage {
        var pixels = image
        OverlayRasterizer.draw(shapes, cursor: cursor, into: &pixels)
        return pixels
    }

    func testALineOnAPixelCentreFillsItAndTintsItsNeighbours() {
        // Given a vertical normal line (width 1.25) down x = 2.5, the centre of column 2
        let pixels = drawn([OverlayShape(points: [.init(x: 2.5, y: 0), .init(x: 2.5, y: 20)], closed: false, color: white)])
        // Then column 2 is covered wholly; columns 1 and 3, their centres 1 away, by
        // 1.125 - 1 = 0.125, which is 32/256 of white: 32; column 0 not at all
        XCTAssertEqual(pixels[2, 10].red, 255)
        XCTAssertEqual(pixels[1, 10].red, 32)
        XCTAssertEqual(pixels[3, 10].red, 32)
        XCTAssertEqual(pixels[0, 10].red, 0)
        XCTAssertEqual(pixels[4, 10].red, 0)
    }

    func testALineBetweenPixelsIsSharedBetweenThemNotSnapped() {
        // Given the same line half a pixel right, on the edge between columns 2 and 3
        let pixels = drawn([OverlayShape(points: [.init(x: 3, y: 0), .init(x: 3, y: 20)], closed: false, color: white)])
        // Then both are covered 1.125 - 0.5 = 0.625 (160/256 of white: 159), the next ones none
        XCTAssertEqual(pixels[2, 10].red, 159)
        XCTAssertEqual(pixels[3, 10].red, 159)
        XCTAssertEqual(pixels[1, 10].red, 0)
        XCTAssertEqual(pixels[4, 10].red, 0)
    }

    func testPredictionsAreDashedFourOnThreeOff() {
        // Given a prediction along row 2 from x = 0.5: pixel x's centre is x along the line
        let pixels = drawn([OverlayShape(points: [.init(x: 0.5, y: 2.5), .init(x: 20.5, y: 2.5)], closed: false, color: white, emphasis: .prediction)])
        let lit = (0..<21).map { pixels[$0, 2].red == 255 }
        // Then pixels 0-3 are drawn, 4-6 not, 7-10 drawn, 11-13 not...
        XCTAssertEqual(lit, (0..<21).map { $0 % 7 < 4 })
    }

    func testTheSelectedShapeIsThickerBrighterAndHasVertexMarkers() {
        let points: [OverlayPoint] = [.init(x: 4.5, y: 4.5), .init(x: 18.5, y: 4.5), .init(x: 18.5, y: 18.5)]
        let grey = PixelImage(width: 24, height: 24, filledWith: RGBA(red: 100, green: 100, blue: 100))
        let normal = drawn([OverlayShape(points: points, closed: true, color: .rgb(200, 0, 0))], on: grey)
        let selected = drawn([OverlayShape(points: points, closed: true, color: .rgb(200, 0, 0), emphasis: .selected)], on: grey)
        // The centre of an edge: the class colour, or 35% of the way to white (219, 89, 89)
        XCTAssertEqual(normal[11, 4], RGBA(red: 200, green: 0, blue: 0))
        XCTAssertEqual(selected[11, 4], RGBA(red: 219, green: 89, blue: 89))
        // The row beside the edge, its centre 1 away: normal covers it by 0.125 (32/256 of
        // red over grey: 113, 88, 88). Selected first lays its halo (width 4, black at alpha
        // 200: 201/256 of it, leaving 21), then covers it by 0.625 (160/256): 145
        XCTAssertEqual(normal[11, 3], RGBA(red: 113, green: 88, blue: 88))
        XCTAssertEqual(selected[11, 3], RGBA(red: 145, green: 64, blue: 64))
        // Two rows off: normal leaves the picture, selected's halo covers it by 0.5 (100/256): 61
        XCTAssertEqual(normal[11, 2], RGBA(red: 100, green: 100, blue: 100))
        XCTAssertEqual(selected[11, 2], RGBA(red: 61, green: 61, blue: 61))
        // And more pixels change in all
        let changed = { (image: PixelImage) in (0..<(24 * 24)).filter { image[$0 % 24, $0 / 24] != grey[$0 % 24, $0 / 24] }.count }
        XCTAssertGreaterThan(Double(changed(selected)), 1.5 * Double(changed(normal)))
    }

    func testTheVertexUnderTheCursorIsAWhiteSquareRingedDark() {
        let shape = OverlayShape(points: [.init(x: 10.5, y: 10.5), .init(x: 20.5, y: 10.5), .init(x: 20.5, y: 20.5)], closed: true, color: .rgb(0, 0, 200), highlightedVertex: 0)
        let pixels = drawn([shape], on: PixelImage(width: 24, height: 24, filledWith: RGBA(red: 100, green: 100, blue: 100)))
        // Its centre in the class colour, white round it (half 2.5: 8 to 13), black past that (to 14)
        XCTAssertEqual(pixels[10, 10], RGBA(red: 0, green: 0, blue: 200))
        XCTAssertEqual(pixels[12, 12], RGBA(red: 255, green: 255, blue: 255))
        XCTAssertEqual(pixels[8, 8], RGBA(red: 255, green: 255, blue: 255))
        XCTAssertEqual(pixels[13, 13], RGBA(red: 0, green: 0, blue: 0))
        XCTAssertEqual(pixels[7, 7], RGBA(red: 0, green: 0, blue: 0))
        XCTAssertEqual(pixels[6, 6], RGBA(red: 100, green: 100, blue: 100))
    }

    func testTheCursorIsACrosshairAroundAGap() {
        let grey = PixelImage(width: 24, height: 24, filledWith: RGBA(red: 100, green: 100, blue: 100))
        let pixels = drawn([], cursor: OverlayCursor(point: .init(x: 10.5, y: 10.5), color: white, armLength: 6), on: grey)
        // The arms, 2 to 6 pixels out, are white; past them the picture is untouched
        for offset in [2, 4, 5] {
            XCTAssertEqual(pixels[10 + offset, 10].red, 255, "right \(offset)")
            XCTAssertEqual(pixels[10 - offset, 10].red, 255, "left \(offset)")
            XCTAssertEqual(pixels[10, 10 + offset].red, 255, "down \(offset)")
            XCTAssertEqual(pixels[10, 10 - offset].red, 255, "up \(offset)")
        }
        XCTAssertEqual(pixels[19, 10], grey[19, 10])
        // The pixel under the cursor is not painted over, only shaded by the halo's edge
        XCTAssertNotEqual(pixels[10, 10].red, 255)
        XCTAssertGreaterThan(pixels[10, 10].red, 0)
        // Diagonal neighbours stay the picture: it is a cross, not a box
        XCTAssertEqual(pixels[13, 13], grey[13, 13])
    }

    func testAStrokeOverNoDataMakesItVisible() {
        // Given a transparent picture, When a line crosses it
        let pixels = drawn([OverlayShape(points: [.init(x: 2.5, y: 0), .init(x: 2.5, y: 20)], closed: false, color: .rgb(0, 200, 0))], on: PixelImage(width: 6, height: 24, filledWith: RGBA(red: 0, green: 0, blue: 0, alpha: 0)))
        // Then the line's pixel is opaque and its own colour, not darkened by what was under it
        XCTAssertEqual(pixels[2, 10], RGBA(red: 0, green: 200, blue: 0))
        XCTAssertEqual(pixels[1, 10], RGBA(red: 0, green: 200, blue: 0, alpha: 32))
        XCTAssertEqual(pixels[0, 10].alpha, 0)
    }

    func testShapesOutsideThePictureAreClippedAndOddShapesDoNotTrap() {
        // Far outside, a single point, an empty shape, a zero-length segment: no crash, nothing or a dot drawn
        let image = PixelImage(width: 8, height: 8)
        let pixels = drawn([
            OverlayShape(points: [.init(x: -100, y: -100), .init(x: -50, y: 300)], closed: true, color: white),
            OverlayShape(points: [], closed: true, color: white),
            OverlayShape(points: [.init(x: 4.5, y: 4.5)], closed: false, color: white),
            OverlayShape(points: [.init(x: 1e12, y: 1e12), .init(x: 1e12, y: 1e12)], closed: false, color: white, highlightedVertex: 7),
        ], on: image)
        XCTAssertEqual(pixels[4, 4].red, 255)
        XCTAssertEqual(pixels[0, 0].red, 0)
    }
}
