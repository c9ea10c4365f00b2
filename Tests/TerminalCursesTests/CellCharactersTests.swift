import Testing
@testable import TerminalCurses

private func scalars(_ values: [UInt32]) -> [Int32] { values.map { Int32(bitPattern: $0) } }

@Suite("CellCharacters")
struct CellCharactersTests {
    @Test func narrowAndWideCharactersEndInZero() {
        #expect(CellCharacters.wideCharacters(for: "a", capacity: 5) == scalars([0x61, 0]))
        #expect(CellCharacters.wideCharacters(for: "中", capacity: 5) == scalars([0x4E2D, 0]))
        #expect(CellCharacters.wideCharacters(for: "😀", capacity: 5) == scalars([0x1F600, 0]))
    }

    @Test func combiningMarksFollowTheirBase() {
        #expect(CellCharacters.wideCharacters(for: "e\u{301}", capacity: 5) == scalars([0x65, 0x301, 0]))
    }

    @Test("empty or control-only text becomes a space", arguments: ["", "\n", "\t", "\u{1B}", "\u{9B}"])
    func controlBecomesSpace(text: String) {
        #expect(CellCharacters.wideCharacters(for: text, capacity: 5) == scalars([0x20, 0]))
    }

    @Test func loneMarkSitsOnASpace() {
        #expect(CellCharacters.wideCharacters(for: "\u{301}", capacity: 5) == scalars([0x20, 0x301, 0]))
    }

    @Test func tooManyMarksAreCutToTheCapacity() {
        // Given a base and six marks, When ncurses holds five characters per cell
        let text = "a" + String(repeating: "\u{301}", count: 6)
        let characters = CellCharacters.wideCharacters(for: text, capacity: 5)
        // Then the base and four marks, then the terminating zero
        #expect(characters.count == 6)
        #expect(characters.first == 0x61)
        #expect(characters.last == 0)
    }
}
