import TerminalCore
import XCTest

final class ColorDepthTests: XCTestCase {
    func testColortermPromisesTrueColourOverA256ColourEntry() {
        // Given TERM=xterm-256color (256 colours) in an emulator that sets COLORTERM
        for promise in ["truecolor", "24bit", "TrueColor"] {
            XCTAssertEqual(ColorDepth.detect(environment: ["COLORTERM": promise], colorCount: 256), .trueColor, promise)
        }
        // Other values promise nothing
        XCTAssertEqual(ColorDepth.detect(environment: ["COLORTERM": "yes"], colorCount: 256), .indexed256)
    }

    func testTheColourCountDecidesOtherwise() {
        XCTAssertEqual(ColorDepth.detect(environment: [:], colorCount: 1 << 24), .trueColor) // xterm-direct
        XCTAssertEqual(ColorDepth.detect(environment: [:], colorCount: 256), .indexed256)
        XCTAssertEqual(ColorDepth.detect(environment: [:], colorCount: 88), .indexed16)
        XCTAssertEqual(ColorDepth.detect(environment: [:], colorCount: 16), .indexed16)
        XCTAssertEqual(ColorDepth.detect(environment: [:], colorCount: 8), .indexed8) // TERM=screen, linux
    }

    func testATerminalWithoutColoursIsMonochromeWhateverItPromises() {
        XCTAssertEqual(ColorDepth.detect(environment: [:], colorCount: 0), .monochrome)
        XCTAssertEqual(ColorDepth.detect(environment: [:], colorCount: 2), .monochrome)
        XCTAssertEqual(ColorDepth.detect(environment: ["COLORTERM": "truecolor"], colorCount: -1), .monochrome)
    }

    func testNoColorAsksForNoneAndAnEmptyOneIsIgnored() {
        XCTAssertEqual(ColorDepth.detect(environment: ["NO_COLOR": "1", "COLORTERM": "truecolor"], colorCount: 256), .monochrome)
        XCTAssertEqual(ColorDepth.detect(environment: ["NO_COLOR": ""], colorCount: 256), .indexed256)
    }
}
