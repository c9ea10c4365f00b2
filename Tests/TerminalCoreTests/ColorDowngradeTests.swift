import TerminalCore
import XCTest

/// True colour brought down to 256, 16 and 8 colours, against values worked out by hand
/// from xterm's palette (cube levels 0, 95, 135, 175, 215, 255; greys 8 + 10n).
final class ColorDowngradeTests: XCTestCase {
    func testCubeColoursMapToTheirOwnIndex() {
        // Given the exact RGB of cube entries, When mapped, Then they are those entries
        XCTAssertEqual(Color.nearest256(red: 255, green: 0, blue: 0), 196) // 16 + 36*5
        XCTAssertEqual(Color.nearest256(red: 95, green: 135, blue: 175), 67) // 16 + 36*1 + 6*2 + 3
        XCTAssertEqual(Color.nearest256(red: 0, green: 0, blue: 0), 16)
        XCTAssertEqual(Color.nearest256(red: 255, green: 255, blue: 255), 231)
    }

    func testChannelsSnapToTheNearestUnevenLevel() {
        // With blue at 255 (cube step 5) no grey is near. Red 47 is nearer 0 than 95
        // (47 < 48); 48 is nearer 95; 114 nearer 95 than 135 (19 < 21); 115 nearer 135
        XCTAssertEqual(Color.nearest256(red: 47, green: 0, blue: 255), 16 + 5)
        XCTAssertEqual(Color.nearest256(red: 48, green: 0, blue: 255), 16 + 36 + 5)
        XCTAssertEqual(Color.nearest256(red: 114, green: 0, blue: 255), 16 + 36 + 5)
        XCTAssertEqual(Color.nearest256(red: 115, green: 0, blue: 255), 16 + 72 + 5)
    }

    func testGreysPreferTheGreyRampWhenItIsCloser() {
        // (128,128,128): cube (135,135,135) index 102 at distance 3*49 = 147; grey step
        // round((128-8)/10) = 12 gives 128, distance 0, index 244
        XCTAssertEqual(Color.nearest256(red: 128, green: 128, blue: 128), 244)
        // (100,100,100): cube 95 -> distance 75; grey 98 (step 9) -> distance 12: index 241
        XCTAssertEqual(Color.nearest256(red: 100, green: 100, blue: 100), 241)
        // (3,3,3): cube black at distance 27; grey 8 at distance 75: the cube wins
        XCTAssertEqual(Color.nearest256(red: 3, green: 3, blue: 3), 16)
    }

    func testNearest16AndNearest8UseXtermsBasicPalette() {
        // (250,10,10): bright red (255,0,0) is 25+100+100 = 225 away, red (205,0,0) 2025+200 more
        XCTAssertEqual(Color.nearest16(red: 250, green: 10, blue: 10), 9)
        XCTAssertEqual(Color.nearest8(red: 250, green: 10, blue: 10), 1)
        // (120,120,120), a grey: bright black (127,127,127) at 147 among 16; among 8 black
        // (0) is 43200 away and white (229,229,229) 35643: white, though yellow (205,205,0)
        // is nearer still (28850): greys choose among the greys only
        XCTAssertEqual(Color.nearest16(red: 120, green: 120, blue: 120), 8)
        XCTAssertEqual(Color.nearest8(red: 120, green: 120, blue: 120), 7)
        // (90,90,250): bright blue (92,92,255) among 16; blue (0,0,238) among 8
        XCTAssertEqual(Color.nearest16(red: 90, green: 90, blue: 250), 12)
        XCTAssertEqual(Color.nearest8(red: 90, green: 90, blue: 250), 4)
    }

    func testPaletteRGBOfEachRangeOfIndexes() {
        XCTAssertTrue(Color.paletteRGB(9) == (255, 0, 0))
        XCTAssertTrue(Color.paletteRGB(67) == (95, 135, 175))
        XCTAssertTrue(Color.paletteRGB(232) == (8, 8, 8))
        XCTAssertTrue(Color.paletteRGB(255) == (238, 238, 238))
    }

    func testDowngradedToEachDepth() {
        let orange = Color.rgb(255, 135, 0)
        XCTAssertEqual(orange.downgraded(to: .trueColor), orange)
        XCTAssertEqual(orange.downgraded(to: .indexed256), .indexed(208)) // 16 + 180 + 12
        // (255,135,0) among 16: yellow (205,205,0) 2500+4900 = 7400; bright red 18225; bright yellow 14400
        XCTAssertEqual(orange.downgraded(to: .indexed16), .indexed(3))
        XCTAssertEqual(orange.downgraded(to: .indexed8), .indexed(3))
        XCTAssertNil(orange.downgraded(to: .monochrome))
        // Indexed colours: kept where the terminal has them, through their RGB where not
        XCTAssertEqual(Color.indexed(208).downgraded(to: .indexed256), .indexed(208))
        XCTAssertEqual(Color.indexed(12).downgraded(to: .indexed16), .indexed(12))
        XCTAssertEqual(Color.indexed(208).downgraded(to: .indexed16), .indexed(3))
        XCTAssertEqual(Color.terminalDefault.downgraded(to: .monochrome), .terminalDefault)
    }

    func testNearestBasicOfTrueColour() {
        XCTAssertEqual(Color.rgb(0, 200, 210).nearestBasic, .cyan)
        XCTAssertEqual(Color.rgb(20, 20, 20).nearestBasic, .black)
    }

    func testLuminanceWeighsGreenMost() {
        XCTAssertEqual(Color.luminance(red: 255, green: 255, blue: 255), 255)
        XCTAssertEqual(Color.luminance(red: 0, green: 255, blue: 0), 149) // 587*255/1000
        XCTAssertEqual(Color.luminance(red: 255, green: 0, blue: 0), 76)
        XCTAssertEqual(Color.luminance(red: 0, green: 0, blue: 255), 29)
    }
}
