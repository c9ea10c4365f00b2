import TerminalCore
@testable import TerminalCurses
import XCTest

/// How `.rgb` reaches ncurses at each capability, and how the pair table is recycled.
final class TrueColorPairsTests: XCTestCase {
    func testDirectColourPairsCarryPackedRGB() {
        // Given a direct-colour terminal
        let recorder = PairRecorder()
        var pairs = ColorPairs(capability: .direct(pairCount: 65536))
        // When a true-colour style is drawn
        let style = pairs.cursesStyle(for: Style(foreground: .rgb(0x12, 0x34, 0x56), background: .rgb(255, 255, 255)), define: recorder.define)
        // Then its pair holds the colours packed as 0xRRGGBB
        XCTAssertEqual(style.pair, 1)
        XCTAssertEqual(recorder.definitions, [ColorPairDefinition(number: 1, foreground: 0x123456, background: 0xFFFFFF)])
    }

    func testDirectColourKeepsTheBasicEightAndPacksThePalette() {
        // xterm-direct sends numbers below 8 as SGR 30-37, so those stay indexes...
        XCTAssertEqual(Color.indexed(1).directCursesNumber, 1)
        XCTAssertEqual(Color.terminalDefault.directCursesNumber, -1)
        // ...palette colours above 7 become their RGB: 9 is (255,0,0), 67 is (95,135,175)
        XCTAssertEqual(Color.indexed(9).directCursesNumber, 0xFF0000)
        XCTAssertEqual(Color.indexed(67).directCursesNumber, 0x5F87AF)
        // ...and a true colour that would pack below 8 becomes 8, not a basic colour
        XCTAssertEqual(Color.rgb(0, 0, 5).directCursesNumber, 8)
        XCTAssertEqual(Color.rgb(0, 0, 0).directCursesNumber, 8)
        XCTAssertEqual(Color.rgb(0, 0, 8).directCursesNumber, 8)
    }

    func testTrueColourOn256ColoursUsesTheNearestIndex() {
        let recorder = PairRecorder()
        var pairs = ColorPairs(capability: .indexed256(pairCount: 65536))
        _ = pairs.cursesStyle(for: Style(foreground: .rgb(255, 135, 0), background: .rgb(128, 128, 128)), define: recorder.define)
        XCTAssertEqual(recorder.definitions, [ColorPairDefinition(number: 1, foreground: 208, background: 244)])
        // And two true colours with the same nearest index share the pair
        let again = pairs.cursesStyle(for: Style(foreground: .rgb(250, 140, 5), background: .rgb(127, 129, 128)), define: recorder.define)
        XCTAssertEqual(again.pair, 1)
        XCTAssertEqual(recorder.definitions.count, 1)
    }

    func testTrueColourOn16And8Colours() {
        let recorder = PairRecorder()
        var sixteen = ColorPairs(capability: .basic16(pairCount: 256))
        _ = sixteen.cursesStyle(for: Style(foreground: .rgb(250, 10, 10), background: .indexed(208)), define: recorder.define)
        XCTAssertEqual(recorder.definitions.last, ColorPairDefinition(number: 1, foreground: 9, background: 3))
        var eight = ColorPairs(capability: .basic8(pairCount: 64))
        _ = eight.cursesStyle(for: Style(foreground: .rgb(250, 10, 10), background: .rgb(120, 120, 120)), define: recorder.define)
        XCTAssertEqual(recorder.definitions.last, ColorPairDefinition(number: 1, foreground: 1, background: 7))
    }

    func testAFullTableSaysSoAndStartsAfreshOnReset() {
        // Given a table of three usable pairs, filled
        let recorder = PairRecorder()
        var pairs = ColorPairs(capability: .direct(pairCount: 4))
        for level in 1...3 { _ = pairs.cursesStyle(for: Style(background: .rgb(UInt8(level), 100, 100)), define: recorder.define) }
        XCTAssertFalse(pairs.ranOut)
        // When a fourth combination is asked for
        let fourth = pairs.cursesStyle(for: Style(background: .rgb(4, 100, 100)), define: recorder.define)
        // Then it goes without colour for now and the table reports it ran out
        XCTAssertEqual(fourth, CursesStyle(pair: 0, attributes: .reverse))
        XCTAssertTrue(pairs.ranOut)
        // When the backend resets it, Then numbering starts at 1 again and the flag clears
        pairs.reset()
        XCTAssertFalse(pairs.ranOut)
        XCTAssertEqual(pairs.definedCount, 0)
        XCTAssertEqual(pairs.cursesStyle(for: Style(background: .rgb(4, 100, 100)), define: recorder.define).pair, 1)
        XCTAssertEqual(recorder.definitions.last, ColorPairDefinition(number: 1, foreground: -1, background: 0x046464))
    }
}
