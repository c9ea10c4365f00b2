import Testing
@testable import TerminalCurses

@Suite("TerminalModes")
struct TerminalModesTests {
    private func bytes(_ string: StaticString) -> [UInt8] {
        Array(UnsafeBufferPointer(start: string.utf8Start, count: string.utf8CodeUnitCount))
    }

    @Test func bracketedPasteSequencesAreXtermsPrivateMode2004() {
        #expect(bytes(TerminalModes.bracketedPasteOn) == Array("\u{1B}[?2004h".utf8))
        #expect(bytes(TerminalModes.bracketedPasteOff) == Array("\u{1B}[?2004l".utf8))
    }

    @Test func crashRestoreTurnsBracketedPasteOffToo() {
        // Given the bytes the crash handler writes, Then they switch bracketed paste off
        // first, so the shell a crash leaves behind does not get ESC[200~ around pastes
        let reset = bytes(SignalHandlers.crashReset)
        #expect(reset.starts(with: bytes(TerminalModes.bracketedPasteOff)))
        #expect(reset.count > bytes(TerminalModes.bracketedPasteOff).count)
    }
}
