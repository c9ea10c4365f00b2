import TerminalCore
import Widgets
import XCTest

/// The fast path on a synthetic 4x8 picture (2x2 cells), every value worked out by hand.
final class HalfBlocksTests: XCTestCase {
    /// Cell (0,0): upper half three (200,100,0) and one (0,100,0), lower half (10,20,30).
    /// Cell (1,0): upper half transparent, lower white. Cell (0,1): all transparent.
    /// Cell (1,1): upper half two (100,0,0) opaque and two (0,0,200) at alpha 128; lower black.
    static func picture() -> PixelImage {
        var image = PixelImage(width: 4, height: 8, filledWith: RGBA(red: 0, green: 0, blue: 0, alpha: 0))
        for y in 0..<2 { for x in 0..<2 { image[x, y] = RGBA(red: 200, green: 100, blue: 0) } }
        image[1, 1] = RGBA(red: 0, green: 100, blue: 0)
        for y in 2..<4 { for x in 0..<2 { image[x, y] = RGBA(red: 10, green: 20, blue: 30) } }
        for y in 2..<4 { for x in 2..<4 { image[x, y] = RGBA(red: 255, green: 255, blue: 255) } }
        image[2, 4] = RGBA(red: 100, green: 0, blue: 0)
        image[3, 4] = RGBA(red: 100, green: 0, blue: 0)
        image[2, 5] = RGBA(red: 0, green: 0, blue: 200, alpha: 128)
        image[3, 5] = RGBA(red: 0, green: 0, blue: 200, alpha: 128)
        for y in 6..<8 { for x in 2..<4 { image[x, y] = RGBA(red: 0, green: 0, blue: 0) } }
        return image
    }

    func draw(_ depth: ColorDepth, image: PixelImage = picture(), size: Size = Size(width: 2, height: 2)) -> Buffer {
        var buffer = Buffer(size: size)
        ImageCanvas.draw(image, overlay: [], in: buffer.area, depth: depth, quality: .fast, into: &buffer)
        return buffer
    }

    func testTrueColourAveragesEachHalfWeighedByAlpha() {
        // When drawn in true colour
        let buffer = draw(.trueColor)
        // Then the upper half is the mean (150,100,0) over the lower (10,20,30)
        XCTAssertEqual(buffer[0, 0], Cell("▀", style: Style(foreground: .rgb(150, 100, 0), background: .rgb(10, 20, 30))))
        // A transparent upper half leaves a lower half block on the terminal's background
        XCTAssertEqual(buffer[1, 0], Cell("▄", style: Style(foreground: .rgb(255, 255, 255))))
        // A wholly transparent cell is blank
        XCTAssertEqual(buffer[0, 1], .blank)
        // Alpha weighs: red 100*255*2 / (255*2 + 128*2) = 66.6, blue 200*128*2 / 766 = 66.8
        XCTAssertEqual(buffer[1, 1], Cell("▀", style: Style(foreground: .rgb(67, 0, 67), background: .rgb(0, 0, 0))))
    }

    func testIndexedDepthsTakeTheNearestColour() {
        // (150,100,0): cube (135,95,0) = 16 + 72 + 6 = 94; (10,20,30): grey 18 (233) beats cube black
        let indexed256 = draw(.indexed256)
        XCTAssertEqual(indexed256[0, 0].style, Style(foreground: .indexed(94), background: .indexed(233)))
        // Among 16: red (205,0,0) at 13025 is nearest; (10,20,30) is a grey: black
        let indexed16 = draw(.indexed16)
        XCTAssertEqual(indexed16[0, 0].style, Style(foreground: .indexed(1), background: .indexed(0)))
        XCTAssertEqual(indexed16[1, 0].style, Style(foreground: .indexed(15)))
        let indexed8 = draw(.indexed8)
        XCTAssertEqual(indexed8[0, 0].style, Style(foreground: .indexed(1), background: .indexed(0)))
        XCTAssertEqual(indexed8[1, 0].style, Style(foreground: .indexed(7)))
    }

    func testMonochromeLightsHalvesBrighterThanThePicturesMean() {
        // Luminances 103, 18 | -, 255 | -, - | 27, 0: mean 80, so only 103 and 255 are lit
        let buffer = draw(.monochrome)
        XCTAssertEqual(buffer.line(0), "▀▄")
        XCTAssertEqual(buffer.line(1), "  ")
        XCTAssertTrue(buffer.cells.allSatisfy { $0.style == .plain })
    }

    func testAPictureOfAnotherSizeIsSampledToFit() {
        // Given one pixel for a 3x2 rectangle, Then every cell shows it in both halves
        let buffer = draw(.trueColor, image: PixelImage(width: 1, height: 1, filledWith: RGBA(red: 1, green: 2, blue: 3)), size: Size(width: 3, height: 2))
        XCTAssertTrue(buffer.cells.allSatisfy { $0 == Cell("▀", style: Style(foreground: .rgb(1, 2, 3), background: .rgb(1, 2, 3))) })
    }

    func testOnlyTheRectangleIsDrawnAndAnEmptyPictureBlanksIt() {
        // Given a buffer full of text
        var buffer = Buffer(size: Size(width: 6, height: 3))
        for y in 0..<3 { buffer.write("abcdef", x: 0, y: y) }
        // When a picture is drawn into the middle 2x2
        ImageCanvas.draw(Self.picture(), overlay: [], in: Rect(x: 2, y: 1, width: 2, height: 2), depth: .trueColor, quality: .fast, into: &buffer)
        // Then the rest is untouched
        XCTAssertEqual(buffer.line(0), "abcdef")
        XCTAssertEqual(buffer.line(1), "ab▀▄ef")
        XCTAssertEqual(buffer.line(2), "ab ▀ef")
        // When an empty picture is drawn there, Then the rectangle is blank
        ImageCanvas.draw(PixelImage(width: 0, height: 0), overlay: [], in: Rect(x: 2, y: 1, width: 2, height: 2), depth: .trueColor, quality: .refined, into: &buffer)
        XCTAssertEqual(buffer.line(1), "ab  ef")
    }

    func testTheChosenResolutionIsTwoByFourPixelsACell() {
        XCTAssertEqual(ImageCanvas.pixelsPerCell.x, 2)
        XCTAssertEqual(ImageCanvas.pixelsPerCell.y, 4)
    }
}
