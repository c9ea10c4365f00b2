import CNCurses
import Testing
import TerminalCore
@testable import TerminalCurses

private typealias Glyph = CellCharacters.CursesGlyph

/// wcwidth as glibc 2.36 answers it for the scalars used here, so the tests do not
/// depend on the machine's locale.
private func libraryWidth(_ scalar: Unicode.Scalar) -> Int {
    switch scalar.value {
    case 0x1F1E6...0x1F1FF, 0x2764, 0x261D: return 1
    case 0x300...0x36F, 0x200D, 0xFE0F, 0xE0000...0xE007F: return 0
    case 0x1F300...0x1F9FF, 0x4E00...0x9FFF: return 2
    default: return 1
    }
}

private func glyphs(_ text: String, width: Int, capacity: Int = 5, repertoire: CellCharacters.Repertoire = .unicode) -> [Glyph] {
    CellCharacters.glyphs(for: text, width: width, capacity: capacity, repertoire: repertoire, terminalWidth: libraryWidth)
}

@Suite("CellCharacters")
struct CellCharactersTests {
    @Test func narrowAndWideCharactersAreOneCursesCell() {
        #expect(glyphs("a", width: 1) == [Glyph("a")])
        #expect(glyphs("中", width: 2) == [Glyph("中")])
        #expect(glyphs("😀", width: 2) == [Glyph("😀")])
    }

    @Test func familyIsOneCursesCellWithEveryScalar() {
        // Given a ZWJ family of five scalars, which setcchar would cut to one face
        let family = "👨‍👩‍👧"
        // Then one ncurses cell carries all five
        #expect(glyphs(family, width: 2) == [Glyph(family)])
        #expect(glyphs(family, width: 2)[0].characters.count == 5)
    }

    @Test func flagIsDrawnAsItsTwoHalvesSoNcursesMovesTwoColumns() {
        #expect(glyphs("🇫🇷", width: 2) == [Glyph("🇫"), Glyph("🇷")])
    }

    @Test func wideClusterWithANarrowFirstScalarIsPadded() {
        // ❤️ and ☝🏽 are one column to the C library, two to us
        #expect(glyphs("❤️", width: 2) == [Glyph("❤️"), Glyph(" ")])
        #expect(glyphs("☝🏽", width: 2) == [Glyph("☝🏽"), Glyph(" ")])
    }

    @Test func clusterTooLongForACellDegradesToItsFirstScalar() {
        // Given a family of four (seven scalars), When a cell holds five
        let family = "👨‍👩‍👧‍👦"
        // Then the first face alone, not a family of three
        #expect(glyphs(family, width: 2) == [Glyph("👨")])
    }

    @Test func tooLongSequenceWithANarrowFirstScalarShowsAnEllipsis() {
        let sequence = "❤️\u{200D}🔥\u{200D}🔥"
        #expect(glyphs(sequence, width: 2) == [Glyph("❤"), Glyph("…")])
    }

    @Test func tooManyCombiningMarksAreCutToTheCapacity() {
        let text = "a" + String(repeating: "\u{301}", count: 6)
        let result = glyphs(text, width: 1)
        #expect(result.count == 1)
        #expect(result[0].characters.count == 5)
        #expect(result[0].characters.first == 0x61)
    }

    @Test func combiningMarksFollowTheirBase() {
        #expect(glyphs("e\u{301}", width: 1) == [Glyph("e\u{301}")])
    }

    @Test("empty or control-only text becomes a space", arguments: ["", "\n", "\t", "\u{1B}", "\u{9B}"])
    func controlBecomesSpace(text: String) {
        #expect(glyphs(text, width: 1) == [Glyph(" ")])
    }

    @Test func loneMarkSitsOnASpace() {
        #expect(glyphs("\u{301}", width: 1) == [Glyph(" \u{301}")])
    }

    @Test func characterTheLibraryThinksWiderThanItsCellIsAReplacementCharacter() {
        #expect(glyphs("中", width: 1) == [Glyph("\u{FFFD}")])
    }

    @Test func everyGlyphFitsACursesCell() {
        for text in ["👨‍👩‍👧‍👦", "🏴󠁧󠁢󠁳󠁣󠁴󠁿", "a" + String(repeating: "\u{301}", count: 9)] {
            for glyph in glyphs(text, width: CharacterWidth.of(Character(text))) {
                #expect(glyph.characters.count <= 5)
            }
        }
    }

    @Test func cursesCharacterKeepsEveryScalarOfTheGlyph() {
        // Given a glyph setcchar alone would cut after the first face
        let character = CursesBackend.cursesCharacter(Glyph("👨‍👩‍👧"), attributes: ld_attr_bold(), pair: 0)
        // Then the cchar_t holds all five scalars and the attributes
        let stored = withUnsafeBytes(of: character.chars) { Array($0.bindMemory(to: wchar_t.self)) }
        #expect(stored == "👨‍👩‍👧".unicodeScalars.map { wchar_t(bitPattern: $0.value) })
        #expect(character.attr & ld_attr_bold() != 0)
    }
}

@Suite("CellCharacters in ASCII")
struct CellCharactersASCIITests {
    @Test("box lines and arrows have ASCII stand-ins", arguments: [
        ("─", "-"), ("│", "|"), ("┌", "+"), ("┘", "+"), ("├", "+"), ("┼", "+"), ("═", "-"), ("╔", "+"),
        ("→", ">"), ("←", "<"), ("▸", ">"), ("•", "*"), ("…", "."), ("·", "."), ("⟪", "<"), ("⟫", ">"),
    ])
    func replacements(text: String, shown: String) {
        #expect(glyphs(text, width: 1, repertoire: .ascii) == [Glyph(shown)])
    }

    @Test func asciiStaysItself() {
        #expect(glyphs("a", width: 1, repertoire: .ascii) == [Glyph("a")])
    }

    @Test func otherNonASCIIIsAQuestionMarkPerColumn() {
        #expect(glyphs("é", width: 1, repertoire: .ascii) == [Glyph("?")])
        #expect(glyphs("中", width: 2, repertoire: .ascii) == [Glyph("?"), Glyph("?")])
        #expect(glyphs("👨‍👩‍👧", width: 2, repertoire: .ascii) == [Glyph("?"), Glyph("?")])
    }

    @Test func framedScreenStillReadsInASCII() {
        // Given a boxed line as a screen draws it
        var buffer = Buffer(size: Size(width: 9, height: 1))
        buffer.write("┌─ é → ┐", x: 0, y: 0)
        // When every cell is drawn in ASCII
        let shown = (0..<buffer.width).filter { !buffer[$0, 0].isContinuation }.flatMap { x in
            glyphs(buffer[x, 0].text, width: Int(buffer[x, 0].width), repertoire: .ascii)
        }.map { String(String.UnicodeScalarView($0.characters.compactMap { Unicode.Scalar(UInt32(bitPattern: $0)) })) }.joined()
        // Then the line keeps its shape
        #expect(shown == "+- ? > + ")
    }
}

@Suite("CellCharacters guard")
struct CellCharactersGuardTests {
    @Test func bidiControlInACellSetDirectlyNeverReachesTheTerminal() {
        // Given a cell set without Buffer.write, holding a right-to-left override
        let result = CellCharacters.glyphs(for: "\u{202E}a", width: 1, capacity: 5) { _ in 1 }
        // Then ncurses gets the letter alone
        #expect(result == [CellCharacters.CursesGlyph("a")])
    }
}
