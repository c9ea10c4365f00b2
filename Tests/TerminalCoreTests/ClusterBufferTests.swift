import Testing
import TerminalCore

@Suite("Buffer with grapheme clusters")
struct ClusterBufferTests {
    private func written(_ text: String, width: Int = 8, x: Int = 0, limit: Int? = nil) -> (Buffer, Int) {
        var buffer = Buffer(size: Size(width: width, height: 1))
        let next = buffer.write(text, x: x, y: 0, limit: limit)
        return (buffer, next)
    }

    @Test("one wide cluster in two cells", arguments: ["👨‍👩‍👧", "🇫🇷", "👍🏽", "❤️", "中", "🏴󠁧󠁢󠁳󠁣󠁴󠁿"])
    func wideClusterIsOneUnit(text: String) {
        // Given a cluster of several scalars, When it is written
        let (buffer, next) = written(text + "x")
        // Then it sits whole in one cell, its right half is a continuation, and x follows
        #expect(buffer[0, 0].text == text)
        #expect(buffer[0, 0].width == 2)
        #expect(buffer[1, 0].isContinuation)
        #expect(buffer[2, 0].text == "x")
        #expect(next == 3)
        #expect(buffer.line(0) == text + "x     ")
    }

    @Test func twoFlagsInARowStayTwoFlags() {
        let (buffer, next) = written("🇫🇷🇩🇪")
        #expect(buffer[0, 0].text == "🇫🇷")
        #expect(buffer[2, 0].text == "🇩🇪")
        #expect(next == 4)
    }

    @Test func combiningMarksJoinTheirBaseAndTakeNoCell() {
        let (buffer, next) = written("a\u{301}\u{323}b")
        #expect(buffer[0, 0].text == "a\u{301}\u{323}")
        #expect(buffer[0, 0].width == 1)
        #expect(buffer[1, 0].text == "b")
        #expect(next == 2)
    }

    @Test func loneMarkAfterAControlJoinsTheSpaceDrawnForIt() {
        let (buffer, next) = written("\n\u{301}b")
        #expect(buffer[0, 0].text == " \u{301}")
        #expect(buffer[1, 0].text == "b")
        #expect(next == 2)
    }

    @Test func overwritingTheRightHalfOfAFamilyBlanksItsLeftHalf() {
        var buffer = Buffer(size: Size(width: 4, height: 1))
        buffer.write("👨‍👩‍👧", x: 0, y: 0)
        buffer.write("x", x: 1, y: 0)
        #expect(buffer.line(0) == " x  ")
        #expect(buffer[0, 0] == Cell(" "))
    }

    @Test func wideClusterOverTheSameWideClusterKeepsBothHalves() {
        // Given a flag, When another flag is written on the same two cells
        var buffer = Buffer(size: Size(width: 4, height: 1))
        buffer.write("🇫🇷", x: 0, y: 0)
        buffer.write("🇩🇪", x: 0, y: 0)
        // Then the new flag is whole
        #expect(buffer[0, 0].text == "🇩🇪")
        #expect(buffer[1, 0].isContinuation)
    }

    @Test func wideClusterOverlappingTheNextWideClusterBlanksItsRest() {
        var buffer = Buffer(size: Size(width: 5, height: 1))
        buffer.write("中文", x: 0, y: 0)
        buffer.write("🇫🇷", x: 1, y: 0)
        #expect(buffer.line(0) == " 🇫🇷  ")
        #expect(buffer[3, 0] == Cell(" "))
    }

    @Test func wideClusterCutByTheLimitLeavesASpace() {
        // Given a row of dots, When a flag would straddle the limit
        var buffer = Buffer(size: Size(width: 6, height: 1))
        buffer.write("......", x: 0, y: 0)
        let next = buffer.write("ab🇫🇷", x: 0, y: 0, limit: 3)
        // Then the column before the limit is a space, not half a flag
        #expect(buffer.line(0) == "ab ...")
        #expect(next == 3)
    }

    @Test func wideClusterCutByTheLeftEdgeLeavesASpace() {
        var buffer = Buffer(size: Size(width: 4, height: 1))
        buffer.write("....", x: 0, y: 0)
        buffer.write("中b", x: -1, y: 0)
        #expect(buffer.line(0) == " b..")
    }

    @Test func wideClusterAtTheRightEdgeLeavesASpace() {
        let (buffer, next) = written("abc😀", width: 4)
        #expect(buffer.line(0) == "abc ")
        #expect(next == 4)
    }

    @Test func writtenWidthAlwaysMatchesCharacterWidth() {
        let samples = ["a\u{202E}b", "👨‍👩‍👧 ok", "e\u{301}中🇫🇷", "x\u{200B}y", "\u{2066}txt\u{2069}", "tab\there"]
        for sample in samples {
            var buffer = Buffer(size: Size(width: 40, height: 1))
            let next = buffer.write(sample, x: 0, y: 0)
            #expect(next == CharacterWidth.of(sample), "\(sample.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }
}

@Suite("Invisible characters drawn as marks")
struct InvisibleCharacterMarkTests {
    @Test("bidi controls are shown by name, never applied", arguments: [
        ("\u{202A}", "LRE"), ("\u{202B}", "RLE"), ("\u{202C}", "PDF"), ("\u{202D}", "LRO"), ("\u{202E}", "RLO"),
        ("\u{2066}", "LRI"), ("\u{2067}", "RLI"), ("\u{2068}", "FSI"), ("\u{2069}", "PDI"),
        ("\u{200E}", "LRM"), ("\u{200F}", "RLM"), ("\u{061C}", "ALM"),
    ])
    func bidiControl(control: String, name: String) {
        // Given text with a bidi control in it, When it is written
        var buffer = Buffer(size: Size(width: 12, height: 1))
        buffer.write("a" + control + "b", x: 0, y: 0)
        // Then the control is a visible, dim mark and no bidi control reaches the cells
        let expected = "a⟪" + name + "⟫b"
        #expect(buffer.line(0).hasPrefix(expected))
        #expect(buffer[1, 0] == Cell("⟪", style: .dim))
        #expect(buffer[2, 0].style == .dim)
        #expect(buffer[2 + name.count + 1, 0].text == "b")
        #expect(buffer[2 + name.count + 1, 0].style == .plain)
        #expect(!buffer.cells.contains { $0.text.unicodeScalars.contains(control.unicodeScalars.first!) })
    }

    @Test func rightToLeftOverrideCannotDisguiseAFileName() {
        var buffer = Buffer(size: Size(width: 20, height: 1))
        buffer.write("invoice\u{202E}fdp.exe", x: 0, y: 0)
        #expect(buffer.line(0) == "invoice⟪RLO⟫fdp.exe ")
    }

    @Test func markKeepsTheTextStyleAndAddsDim() {
        var buffer = Buffer(size: Size(width: 8, height: 1))
        buffer.write("\u{200F}", x: 0, y: 0, style: .bold)
        #expect(buffer[0, 0].style == Style(attributes: [.bold, .dim]))
    }

    @Test("zero-width characters that make strings differ unseen are shown", arguments: [
        ("\u{200B}", "⟪ZWSP⟫"), ("\u{2060}", "⟪WJ⟫"), ("\u{FEFF}", "⟪BOM⟫"), ("\u{2064}", "⟪U+2064⟫"), ("\u{FFF9}", "⟪U+FFF9⟫"),
    ])
    func zeroWidthFormat(character: String, shown: String) {
        var buffer = Buffer(size: Size(width: 12, height: 1))
        let next = buffer.write(character, x: 0, y: 0)
        #expect(buffer.line(0).hasPrefix(shown))
        #expect(next == shown.count)
    }

    @Test func tagCharactersSmuggledAfterALetterAreSpelledOut() {
        // Given "hi" with "run" hidden in tag characters after it
        let hidden = String(String.UnicodeScalarView("run".unicodeScalars.map { Unicode.Scalar($0.value + 0xE0000)! }))
        var buffer = Buffer(size: Size(width: 16, height: 1))
        buffer.write("hi" + hidden, x: 0, y: 0)
        // Then the tags show decoded, after the letter they rode on
        #expect(buffer.line(0) == "hi⟪TAG:run⟫     ")
    }

    @Test func subdivisionFlagKeepsItsTags() {
        let scotland = "🏴󠁧󠁢󠁳󠁣󠁴󠁿"
        #expect(CharacterWidth.of(Character(scotland)) == 2)
    }

    @Test("line and paragraph separators are drawn as a space", arguments: ["\u{2028}", "\u{2029}"])
    func separators(separator: String) {
        var buffer = Buffer(size: Size(width: 4, height: 1))
        buffer.write("a" + separator + "b", x: 0, y: 0)
        #expect(buffer.line(0) == "a b ")
    }

    @Test func joinersStayInsideTheirCluster() {
        // ZWNJ is part of Persian words: it must not become a mark
        var buffer = Buffer(size: Size(width: 8, height: 1))
        buffer.write("می\u{200C}خواهم", x: 0, y: 0)
        #expect(!buffer.line(0).contains("⟪"))
    }
}

@Suite("Variation selectors")
struct VariationSelectorTests {
    @Test func oneSelectorIsARealVariantAndStaysInvisible() {
        var buffer = Buffer(size: Size(width: 6, height: 1))
        buffer.write("❤️葛\u{E0100}", x: 0, y: 0)
        #expect(buffer[0, 0].text == "❤️")
        #expect(buffer[2, 0].text == "葛\u{E0100}")
        #expect(!buffer.line(0).contains("⟪"))
    }

    @Test func aRunOfSelectorsCarryingDataIsShown() {
        // Given an emoji with three variation selectors hiding bytes after it
        let smuggled = "😀\u{FE01}\u{E0101}\u{E0142}"
        var buffer = Buffer(size: Size(width: 10, height: 1))
        let next = buffer.write(smuggled, x: 0, y: 0)
        // Then the emoji shows, then how many selectors rode on it
        #expect(buffer.line(0) == "😀⟪VS×3⟫  ")
        #expect(next == CharacterWidth.of(smuggled))
    }
}
