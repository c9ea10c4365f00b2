import TerminalCore
import XCTest

final class PixelImageTests: XCTestCase {
    func testBytesMustMatchTheSize() {
        XCTAssertNil(PixelImage(width: 2, height: 2, rgba: [UInt8](repeating: 0, count: 15)))
        XCTAssertNil(PixelImage(width: -1, height: 2, rgba: []))
        XCTAssertNotNil(PixelImage(width: 2, height: 2, rgba: [UInt8](repeating: 0, count: 16)))
    }

    func testWrongBytesAreRefusedWithASentenceSayingWhatToDo() {
        // Given 15 bytes for a 2x2 picture, When checked, Then the error names both counts
        XCTAssertThrowsError(try PixelImage(checkingWidth: 2, height: 2, rgba: [UInt8](repeating: 0, count: 15))) { error in
            XCTAssertEqual(error as? PixelImageError, .wrongByteCount(width: 2, height: 2, count: 15))
            XCTAssertEqual("\(error)", "A 2x2 picture needs 16 bytes (red, green, blue, alpha for each pixel), but 15 came: read the window again with 4 bands of 8 bits, or give the size the bytes were read at.")
        }
        XCTAssertThrowsError(try PixelImage(checkingWidth: -3, height: 2, rgba: [])) { error in
            XCTAssertEqual("\(error)", "A picture cannot be -3x2 pixels: width and height must be 0 or more.")
        }
        XCTAssertEqual(try PixelImage(checkingWidth: 1, height: 1, rgba: [1, 2, 3, 4])[0, 0], RGBA(red: 1, green: 2, blue: 3, alpha: 4))
    }

    func testPixelsAreRowMajorRGBA() throws {
        // Given bytes where pixel (1, 0) is red and (0, 1) is half-transparent blue
        let bytes: [UInt8] = [0, 0, 0, 255, 255, 0, 0, 255, 0, 0, 255, 128, 9, 9, 9, 255]
        var image = try XCTUnwrap(PixelImage(width: 2, height: 2, rgba: bytes))
        // Then the subscript reads them in that order
        XCTAssertEqual(image[1, 0], RGBA(red: 255, green: 0, blue: 0))
        XCTAssertEqual(image[0, 1], RGBA(red: 0, green: 0, blue: 255, alpha: 128))
        // And outside the image is transparent, and writes there change nothing
        XCTAssertEqual(image[2, 0], RGBA(red: 0, green: 0, blue: 0, alpha: 0))
        image[5, 5] = RGBA(red: 1, green: 2, blue: 3)
        XCTAssertEqual(image.rgba, bytes)
        // When a pixel is set, Then its four bytes change
        image[1, 1] = RGBA(red: 1, green: 2, blue: 3, alpha: 4)
        XCTAssertEqual(Array(image.rgba[12..<16]), [1, 2, 3, 4])
    }

    func testFilledImage() {
        let image = PixelImage(width: 3, height: 1, filledWith: RGBA(red: 10, green: 20, blue: 30))
        XCTAssertEqual(image.rgba, [10, 20, 30, 255, 10, 20, 30, 255, 10, 20, 30, 255])
        XCTAssertTrue(PixelImage(width: 0, height: 5).isEmpty)
    }
}
