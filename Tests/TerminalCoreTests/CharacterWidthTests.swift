import Testing
import TerminalCore

@Suite("CharacterWidth")
struct CharacterWidthTests {
    @Test("ASCII takes one column", arguments: Array("aZ09 ~!"))
    func ascii(character: Character) {
        #expect(CharacterWidth.of(character) == 1)
    }

    @Test("East Asian wide and full-width take two", arguments: Array("中文日本한국Ａあカ"))
    func wide(character: Character) {
        #expect(CharacterWidth.of(character) == 2)
    }

    @Test("Emoji take two", arguments: ["😀", "🚀", "👍🏽", "❤️", "👨‍👩‍👧"])
    func emoji(text: String) {
        let character = Character(text)
        #expect(CharacterWidth.of(character) == 2)
    }

    @Test func textStyleHeartIsNarrowAndEmojiStyleIsWide() {
        // Given U+2764 with and without the emoji variation selector
        let text: Character = "\u{2764}"
        let emoji: Character = "\u{2764}\u{FE0F}"
        #expect(CharacterWidth.of(text) == 1)
        #expect(CharacterWidth.of(emoji) == 2)
    }

    @Test func accentedLettersTakeOneColumnPrecomposedOrCombined() {
        let precomposed: Character = "\u{E9}"
        let combined: Character = "e\u{301}"
        #expect(CharacterWidth.of(precomposed) == 1)
        #expect(CharacterWidth.of(combined) == 1)
    }

    @Test("Combining marks, zero-width and control scalars take none", arguments: [
        UInt32(0x0301), 0x0308, 0x20DD, 0x200B, 0x200D, 0x00, 0x07, 0x1B, 0x7F, 0x9B,
    ])
    func zeroWidth(value: UInt32) {
        #expect(CharacterWidth.of(scalar: Unicode.Scalar(value)!) == 0)
    }

    @Test func stringWidthAddsColumns() {
        let text: String = "ab中e\u{301}😀"
        #expect(CharacterWidth.of(text) == 1 + 1 + 2 + 1 + 2)
        let empty: String = ""
        #expect(CharacterWidth.of(empty) == 0)
    }
}

@Suite("CharacterWidth of clusters")
struct ClusterWidthTests {
    @Test("clusters of several scalars take two", arguments: [
        "👨‍👩‍👧", "👨‍👩‍👧‍👦", "🇫🇷", "🇯🇵", "👍🏽", "☝🏽", "❤️", "1️⃣", "🏳️‍🌈", "🧑‍💻",
    ])
    func wideClusters(text: String) {
        #expect(text.count == 1)
        #expect(CharacterWidth.of(Character(text)) == 2)
    }

    @Test func loneRegionalIndicatorTakesOneAsWcwidthSays() {
        #expect(CharacterWidth.of(Character("\u{1F1EB}")) == 1)
    }

    @Test func combiningMarksAddNothing() {
        #expect(CharacterWidth.of(Character("a\u{301}\u{302}\u{303}")) == 1)
        #expect(CharacterWidth.of(Character("中\u{301}")) == 2)
    }

    @Test func loneMarkTakesNoColumn() {
        #expect(CharacterWidth.of(Character("\u{301}")) == 0)
    }

    @Test func controlCharactersTakeTheSpaceTheyAreDrawnAs() {
        #expect(CharacterWidth.of("a\tb") == 3)
        #expect(CharacterWidth.of("a\r\nb") == 3)
    }

    @Test func bidiControlTakesItsMarkWidth() {
        #expect(CharacterWidth.of(Character("\u{202E}")) == 5)
        #expect(CharacterWidth.of("a\u{2066}b") == 7)
    }

    @Test func hangulSyllableFromJamoIsOneWideCluster() {
        let jamo = "\u{1100}\u{1161}\u{11A8}"
        #expect(jamo.count == 1)
        #expect(CharacterWidth.of(jamo) == 2)
    }
}
