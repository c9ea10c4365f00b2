import Testing
import TerminalCore
@testable import TerminalCurses

/// Records the pairs `ColorPairs` asks ncurses to define, and can refuse them.
final class PairRecorder {
    var definitions: [ColorPairDefinition] = []
    var accepts = true

    func define(_ definition: ColorPairDefinition) -> Bool {
        definitions.append(definition)
        return accepts
    }
}

@Suite("ColorPairs")
struct ColorPairsTests {
    let recorder = PairRecorder()

    @Test func defaultColoursUsePairZeroAndDefineNothing() {
        var pairs = ColorPairs(capability: .indexed256(pairCount: 65536))
        let style = pairs.cursesStyle(for: .bold, define: recorder.define)
        #expect(style == CursesStyle(pair: 0, attributes: .bold))
        #expect(recorder.definitions.isEmpty)
    }

    @Test func firstColouredStyleDefinesPairOneWithDefaultAsMinusOne() {
        var pairs = ColorPairs(capability: .indexed256(pairCount: 65536))
        let style = pairs.cursesStyle(for: Style(foreground: .indexed(202)), define: recorder.define)
        #expect(style == CursesStyle(pair: 1, attributes: []))
        #expect(recorder.definitions == [ColorPairDefinition(number: 1, foreground: 202, background: -1)])
    }

    @Test func sameColoursReuseTheirPairWhateverTheAttributes() {
        // Given a pair already defined for yellow on blue
        var pairs = ColorPairs(capability: .indexed256(pairCount: 65536))
        let plain = Style(foreground: .yellow, background: .blue)
        _ = pairs.cursesStyle(for: plain, define: recorder.define)
        // When the same colours come bold
        let bold = pairs.cursesStyle(for: plain.with(.bold), define: recorder.define)
        // Then the pair is reused and only the attributes differ
        #expect(bold == CursesStyle(pair: 1, attributes: .bold))
        #expect(recorder.definitions.count == 1)
        #expect(pairs.definedCount == 1)
    }

    @Test func newCombinationsGetTheNextNumbers() {
        var pairs = ColorPairs(capability: .indexed256(pairCount: 65536))
        let numbers = [
            Style(foreground: .red), Style(background: .red), Style(foreground: .red, background: .black), Style(foreground: .red),
        ].map { pairs.cursesStyle(for: $0, define: recorder.define).pair }
        #expect(numbers == [1, 2, 3, 1])
        #expect(recorder.definitions.map(\.background) == [-1, 1, 0])
    }

    @Test func pairNumbersGoPast32767WithExtendedPairs() {
        var pairs = ColorPairs(capability: .indexed256(pairCount: 65536))
        var last: Int32 = 0
        for foreground in 0...255 {
            for background in 0...130 {
                last = pairs.cursesStyle(for: Style(foreground: .indexed(UInt8(foreground)), background: .indexed(UInt8(background))), define: recorder.define).pair
            }
        }
        #expect(last == 256 * 131)
        #expect(last > 32767)
    }

    @Test func basicTerminalsGetTheNearestBasicColours() {
        // Given an 8-colour terminal
        var pairs = ColorPairs(capability: .basic8(pairCount: 64))
        // When a 256-colour red and a bright red are drawn
        let cubeRed = pairs.cursesStyle(for: Style(foreground: .indexed(196)), define: recorder.define)
        let brightRed = pairs.cursesStyle(for: Style(foreground: .indexed(9)), define: recorder.define)
        // Then both are basic red, sharing one pair
        #expect(recorder.definitions == [ColorPairDefinition(number: 1, foreground: 1, background: -1)])
        #expect(cubeRed.pair == 1)
        #expect(brightRed.pair == 1)
    }

    @Test func basicColoursThatCollideKeepTextVisible() {
        var pairs = ColorPairs(capability: .basic8(pairCount: 64))
        // bright black on black: both become black
        _ = pairs.cursesStyle(for: Style(foreground: .brightBlack, background: .black), define: recorder.define)
        // bright white on white: both become white
        _ = pairs.cursesStyle(for: Style(foreground: .brightWhite, background: .white), define: recorder.define)
        #expect(recorder.definitions == [
            ColorPairDefinition(number: 1, foreground: 7, background: 0),
            ColorPairDefinition(number: 2, foreground: 0, background: 7),
        ])
    }

    @Test func monochromeDropsColoursAndKeepsAttributes() {
        var pairs = ColorPairs(capability: .monochrome)
        let style = pairs.cursesStyle(for: Style(foreground: .red, attributes: [.bold, .underline]), define: recorder.define)
        #expect(style == CursesStyle(pair: 0, attributes: [.bold, .underline]))
        #expect(recorder.definitions.isEmpty)
    }

    @Test func monochromeTurnsAColouredBackgroundIntoReverse() {
        // Given a banner drawn on a coloured background
        var pairs = ColorPairs(capability: .monochrome)
        let banner = Style(foreground: .black, background: .yellow, attributes: .bold)
        // When drawn without colour, Then it is reverse video so it still stands out
        #expect(pairs.cursesStyle(for: banner, define: recorder.define) == CursesStyle(pair: 0, attributes: [.bold, .reverse]))
    }

    @Test func whenPairsRunOutStylesLoseColourButKeepEmphasis() {
        // Given a terminal with pairs 1 and 2 only
        var pairs = ColorPairs(capability: .basic8(pairCount: 3))
        _ = pairs.cursesStyle(for: Style(foreground: .red), define: recorder.define)
        _ = pairs.cursesStyle(for: Style(foreground: .green), define: recorder.define)
        // When a third combination is needed
        let third = pairs.cursesStyle(for: Style(foreground: .black, background: .cyan), define: recorder.define)
        // Then it falls back to no colour, reverse for its background, and defines nothing more
        #expect(third == CursesStyle(pair: 0, attributes: .reverse))
        #expect(recorder.definitions.count == 2)
        // And the pairs already defined keep working
        #expect(pairs.cursesStyle(for: Style(foreground: .green), define: recorder.define).pair == 2)
    }

    @Test func aRefusedPairStopsFurtherDefinitions() {
        var pairs = ColorPairs(capability: .indexed256(pairCount: 65536))
        recorder.accepts = false
        let first = pairs.cursesStyle(for: Style(background: .blue), define: recorder.define)
        let second = pairs.cursesStyle(for: Style(foreground: .red), define: recorder.define)
        #expect(first == CursesStyle(pair: 0, attributes: .reverse))
        #expect(second == CursesStyle(pair: 0, attributes: []))
        #expect(recorder.definitions.count == 1)
    }

    @Test func colourNumbersForNcurses() {
        #expect(Color.terminalDefault.cursesNumber == -1)
        #expect(Color.indexed(0).cursesNumber == 0)
        #expect(Color.indexed(255).cursesNumber == 255)
    }
}

@Suite("ColorPairs without default colours")
struct ColorPairsWithoutDefaultColoursTests {
    @Test func defaultColoursBecomeWhiteOnBlackInPairs() {
        // Given a terminal that refused use_default_colors
        let recorder = PairRecorder()
        var pairs = ColorPairs(capability: .basic8(pairCount: 64), hasDefaultColors: false)
        // When a style sets only one of its colours
        _ = pairs.cursesStyle(for: Style(foreground: .red), define: recorder.define)
        _ = pairs.cursesStyle(for: Style(background: .blue), define: recorder.define)
        // Then the other is white (foreground) or black (background), never -1
        #expect(recorder.definitions == [
            ColorPairDefinition(number: 1, foreground: 1, background: 0),
            ColorPairDefinition(number: 2, foreground: 7, background: 4),
        ])
        // And a style with no colours still uses pair 0
        #expect(pairs.cursesStyle(for: .plain, define: recorder.define).pair == 0)
    }
}
