import Testing
import TerminalCore

private let start: [UInt8] = [0x1B, 0x5B, 0x32, 0x30, 0x30, 0x7E]  // ESC [ 2 0 0 ~
private let end: [UInt8] = [0x1B, 0x5B, 0x32, 0x30, 0x31, 0x7E]    // ESC [ 2 0 1 ~

@Suite("KeyDecoder bracketed paste")
struct KeyDecoderPasteTests {
    @Test func wholePasteInOneReadIsOnePaste() {
        // Given a paste with a command letter, an arrow sequence and Esc inside
        var decoder = KeyDecoder()
        let bytes = start + Array("q\u{1B}[Ax".utf8) + end
        // When it is decoded
        let keys = decoder.decode(bytes)
        // Then it is one paste holding the bytes as text, no keys
        #expect(keys == [.paste("q\u{1B}[Ax")])
        #expect(!decoder.hasPendingBytes)
        #expect(!decoder.isInsidePaste)
    }

    @Test func keysBeforeAndAfterAPasteStayKeys() {
        var decoder = KeyDecoder()
        let keys = decoder.decode(Array("a".utf8) + start + Array("b".utf8) + end + [0x1B, 0x5B, 0x42])
        #expect(keys == [.character("a"), .paste("b"), .down])
    }

    @Test func pasteSplitAtEveryByteIsStillOnePaste() {
        // Given a paste of multi-byte text, When every byte arrives in its own read
        let bytes = start + Array("é中\r\n😀".utf8) + end
        var decoder = KeyDecoder()
        var keys: [Key] = []
        for byte in bytes { keys += decoder.decode([byte]) }
        // Then one paste, with the terminal's CR LF turned into a newline
        #expect(keys == [.paste("é中\n😀")])
        #expect(!decoder.hasPendingBytes)
    }

    @Test("end marker split across two reads", arguments: 1..<6)
    func endMarkerSplit(at split: Int) {
        var decoder = KeyDecoder()
        let first = decoder.decode(start + Array("hi".utf8) + end.prefix(split))
        #expect(first == [])
        #expect(decoder.isInsidePaste)
        let second = decoder.decode(Array(end.dropFirst(split)) + Array("z".utf8))
        #expect(second == [.paste("hi"), .character("z")])
    }

    @Test func partOfAnEndMarkerThatIsNotOneStaysInThePaste() {
        var decoder = KeyDecoder()
        _ = decoder.decode(start + Array("a".utf8) + [0x1B, 0x5B, 0x32])
        let keys = decoder.decode(Array("x".utf8) + end)
        #expect(keys == [.paste("a\u{1B}[2x")])
    }

    @Test func aPauseInsideAPasteFlushesNothing() {
        // Given a paste whose end has not arrived, with an Esc as its last byte so far
        var decoder = KeyDecoder()
        _ = decoder.decode(start + Array("ab".utf8) + [0x1B])
        // When input pauses, Then no Esc and no keys come out, and the backend has nothing to time out
        #expect(!decoder.hasPendingBytes)
        #expect(decoder.flushPendingEscape() == [])
        #expect(decoder.decode(Array("[201~".utf8)) == [.paste("ab")])
    }

    @Test func startMarkerSplitAcrossReadsStartsAPaste() {
        var decoder = KeyDecoder()
        #expect(decoder.decode(Array(start.prefix(3))) == [])
        #expect(decoder.decode(Array(start.dropFirst(3)) + Array("q".utf8)) == [])
        #expect(decoder.decode(end) == [.paste("q")])
    }

    @Test func emptyPasteIsAnEmptyPaste() {
        var decoder = KeyDecoder()
        #expect(decoder.decode(start + end) == [.paste("")])
    }

    @Test func invalidUTF8InAPasteBecomesReplacementCharacters() {
        var decoder = KeyDecoder()
        #expect(decoder.decode(start + [0x61, 0xFF, 0x62] + end) == [.paste("a\u{FFFD}b")])
    }

    @Test func pasteWithoutAnEndStopsAtTheLongestPaste() {
        // Given a paste whose end marker was lost
        var decoder = KeyDecoder()
        let chunk = [UInt8](repeating: UInt8(ascii: "x"), count: KeyDecoder.longestPaste)
        // When the longest paste has arrived, Then it ends, and later typing is keys again
        let keys = decoder.decode(start + chunk)
        #expect(keys.count == 1)
        #expect(!decoder.isInsidePaste)
        #expect(decoder.decode(Array("k".utf8)) == [.character("k")])
    }

    @Test func strayEndMarkerIsIgnored() {
        var decoder = KeyDecoder()
        #expect(decoder.decode(end + Array("a".utf8)) == [.character("a")])
    }
}
