import Testing
import TerminalCore

/// Decodes a whole byte string in one call, as when a terminal sends a sequence at once.
private func keys(_ text: String) -> [Key] {
    var decoder = KeyDecoder()
    return decoder.decode(Array(text.utf8))
}

private func keys(_ bytes: [UInt8]) -> [Key] {
    var decoder = KeyDecoder()
    return decoder.decode(bytes)
}

@Suite("KeyDecoder")
struct KeyDecoderTests {
    @Test("arrows in CSI form", arguments: [
        ("\u{1B}[A", Key.up), ("\u{1B}[B", .down), ("\u{1B}[C", .right), ("\u{1B}[D", .left),
    ])
    func arrowsCSI(sequence: String, expected: Key) {
        // Given a terminal in normal cursor mode, When it sends ESC [ letter, Then one arrow
        #expect(keys(sequence) == [expected])
    }

    @Test("arrows in SS3 form (application cursor mode)", arguments: [
        ("\u{1B}OA", Key.up), ("\u{1B}OB", .down), ("\u{1B}OC", .right), ("\u{1B}OD", .left),
    ])
    func arrowsSS3(sequence: String, expected: Key) {
        #expect(keys(sequence) == [expected])
    }

    @Test("arrows with Ctrl or Alt still arrive as arrows; with Shift as shifted arrows", arguments: [
        ("\u{1B}[1;5A", Key.up), ("\u{1B}[1;2B", .shiftDown), ("\u{1B}[1;3C", .right), ("\u{1B}[1;5D", .left),
        ("\u{1B}[1;2A", .shiftUp), ("\u{1B}[1;2C", .shiftRight), ("\u{1B}[1;2D", .shiftLeft), ("\u{1B}[1;6B", .down),
    ])
    func modifiedArrows(sequence: String, expected: Key) {
        #expect(keys(sequence) == [expected])
    }

    @Test("Home in every spelling", arguments: ["\u{1B}[H", "\u{1B}OH", "\u{1B}[1~", "\u{1B}[7~"])
    func home(sequence: String) {
        #expect(keys(sequence) == [.home])
    }

    @Test("End in every spelling", arguments: ["\u{1B}[F", "\u{1B}OF", "\u{1B}[4~", "\u{1B}[8~"])
    func end(sequence: String) {
        #expect(keys(sequence) == [.end])
    }

    @Test("PgUp, PgDn, Insert, Delete", arguments: [
        ("\u{1B}[5~", Key.pageUp), ("\u{1B}[6~", .pageDown), ("\u{1B}[2~", .insert), ("\u{1B}[3~", .delete),
    ])
    func editingKeys(sequence: String, expected: Key) {
        #expect(keys(sequence) == [expected])
    }

    @Test("F1-F4 in xterm SS3 form", arguments: zip(["\u{1B}OP", "\u{1B}OQ", "\u{1B}OR", "\u{1B}OS"], 1...4))
    func functionKeysSS3(sequence: String, number: Int) {
        #expect(keys(sequence) == [.function(number)])
    }

    @Test("F1-F4 in CSI letter form", arguments: zip(["\u{1B}[P", "\u{1B}[Q", "\u{1B}[R", "\u{1B}[S", "\u{1B}[1;2P"], [1, 2, 3, 4, 1]))
    func functionKeysCSILetter(sequence: String, number: Int) {
        #expect(keys(sequence) == [.function(number)])
    }

    @Test("F1-F12 in tilde form (rxvt and xterm)", arguments: zip(
        ["11", "12", "13", "14", "15", "17", "18", "19", "20", "21", "23", "24"], 1...12
    ))
    func functionKeysTilde(code: String, number: Int) {
        #expect(keys("\u{1B}[\(code)~") == [.function(number)])
    }

    @Test("F1-F5 in Linux console form", arguments: zip(["A", "B", "C", "D", "E"], 1...5))
    func functionKeysLinuxConsole(letter: String, number: Int) {
        #expect(keys("\u{1B}[[\(letter)") == [.function(number)])
    }

    @Test("Enter as CR, LF and keypad SS3 M", arguments: [[UInt8(0x0D)], [0x0A], Array("\u{1B}OM".utf8)])
    func enter(bytes: [UInt8]) {
        #expect(keys(bytes) == [.enter])
    }

    @Test func tabAndShiftTab() {
        #expect(keys([0x09]) == [.tab])
        #expect(keys("\u{1B}[Z") == [.backTab])
    }

    @Test("Backspace as DEL and as BS", arguments: [UInt8(0x7F), 0x08])
    func backspace(byte: UInt8) {
        #expect(keys([byte]) == [.backspace])
    }

    /// Ctrl-H, Ctrl-I, Ctrl-J and Ctrl-M send the same bytes as Backspace, Tab and Enter.
    static let controlLetters = Array("abcdefgklnopqrstuvwxyz")

    @Test("Ctrl with a letter", arguments: controlLetters)
    func controlLetter(letter: Character) {
        // Given the byte a terminal sends for Ctrl+letter (letter - 0x60)
        let byte = UInt8(letter.asciiValue! - 0x60)
        // When decoded, Then it is that control key
        #expect(keys([byte]) == [.control(letter)])
    }

    @Test("Ctrl-H, Ctrl-I, Ctrl-J, Ctrl-M are the keys that share their bytes")
    func controlLettersSharedWithKeys() {
        #expect(keys([0x08]) == [.backspace])
        #expect(keys([0x09]) == [.tab])
        #expect(keys([0x0A]) == [.enter])
        #expect(keys([0x0D]) == [.enter])
    }

    @Test func controlSpaceIsNul() {
        #expect(keys([0x00]) == [.control(" ")])
    }

    @Test func plainText() {
        #expect(keys("aZ 9") == [.character("a"), .character("Z"), .character(" "), .character("9")])
    }

    @Test("UTF-8 text of two, three and four bytes", arguments: ["é", "中", "😀"])
    func multiByteText(text: String) {
        #expect(keys(text) == [.character(Character(text))])
    }

    @Test("UTF-8 split across two reads", arguments: ["é", "中", "😀"])
    func multiByteSplit(text: String) {
        // Given a character whose bytes arrive in two reads
        let bytes = Array(text.utf8)
        var decoder = KeyDecoder()
        // When the first part arrives, Then nothing is decoded yet and the bytes are held
        #expect(decoder.decode(Array(bytes.prefix(1))) == [])
        #expect(decoder.hasPendingBytes)
        // When the rest arrives, Then the character appears once
        #expect(decoder.decode(Array(bytes.dropFirst())) == [.character(Character(text))])
        #expect(!decoder.hasPendingBytes)
    }

    @Test func escapeSequenceSplitAcrossReads() {
        var decoder = KeyDecoder()
        #expect(decoder.decode(Array("\u{1B}[".utf8)) == [])
        #expect(decoder.decode(Array("1;5".utf8)) == [])
        #expect(decoder.decode(Array("A".utf8)) == [.up])
    }

    @Test func loneEscapeWaitsThenFlushes() {
        // Given a lone Esc byte
        var decoder = KeyDecoder()
        // When decoded, Then it is held: it may start a sequence
        #expect(decoder.decode([0x1B]) == [])
        #expect(decoder.hasPendingBytes)
        // When input pauses, Then it is Esc
        #expect(decoder.flushPendingEscape() == [.escape])
        #expect(!decoder.hasPendingBytes)
    }

    @Test func flushWithNothingPendingGivesNothing() {
        var decoder = KeyDecoder()
        #expect(decoder.flushPendingEscape() == [])
    }

    @Test func escapeTwiceGivesTwoEscapes() {
        var decoder = KeyDecoder()
        let first = decoder.decode([0x1B, 0x1B])
        #expect(first == [.escape])
        #expect(decoder.flushPendingEscape() == [.escape])
    }

    @Test func unfinishedSequenceFlushesAsEscapeThenText() {
        // Given Esc then O typed quickly (not a whole SS3 sequence)
        var decoder = KeyDecoder()
        #expect(decoder.decode(Array("\u{1B}O".utf8)) == [])
        // When input pauses, Then Esc and the letter both arrive
        #expect(decoder.flushPendingEscape() == [.escape, .character("O")])
    }

    @Test func altLetterIsEscapeThenLetter() {
        #expect(keys("\u{1B}x") == [.escape, .character("x")])
    }

    @Test("unknown sequences are skipped and the next key survives", arguments: [
        "\u{1B}[99~", "\u{1B}[1;5X", "\u{1B}Ox", "\u{1B}[?1;2c", "\u{1B}[[Z",
    ])
    func unknownSequenceSkipped(sequence: String) {
        #expect(keys(sequence + "a") == [.character("a")])
        #expect(keys(sequence + "\u{1B}[A") == [.up])
    }

    @Test func invalidUTF8ByteIsSkipped() {
        #expect(keys([0xFF, 0x61]) == [.character("a")])
        #expect(keys([0x80, 0x61]) == [.character("a")])
    }

    @Test func brokenUTF8LeadDoesNotHoldBackTheNextKey() {
        // Given a three-byte lead followed at once by ASCII
        // When decoded, Then the broken lead is dropped and the letter arrives now
        #expect(keys([0xE4, 0x61]) == [.character("a")])
    }

    @Test func controlByteInsideSequenceEndsIt() {
        // Given Esc, '[' then Enter: not a CSI sequence
        // Then Enter is not swallowed
        #expect(keys("\u{1B}[\r") == [.enter])
    }

    @Test func unusedControlBytesAreSkipped() {
        #expect(keys([0x1C, 0x1D, 0x1E, 0x1F, 0x61]) == [.character("a")])
    }

    @Test func severalKeysInOneRead() {
        #expect(keys("ab\u{1B}[Ac\r") == [.character("a"), .character("b"), .up, .character("c"), .enter])
    }

    @Test func overlongParameterListIsSkipped() {
        let sequence = "\u{1B}[" + String(repeating: "1;", count: 30) + "A"
        #expect(keys(sequence + "z").last == .character("z"))
    }

    @Test("Key descriptions name keys for help text", arguments: [
        (Key.control("a"), "Ctrl-A"), (.function(5), "F5"), (.character(" "), "Space"), (.backTab, "Shift-Tab"),
        (.pageDown, "PgDn"), (.character("x"), "x"), (.escape, "Esc"),
    ])
    func descriptions(key: Key, expected: String) {
        #expect(key.description == expected)
    }
}
