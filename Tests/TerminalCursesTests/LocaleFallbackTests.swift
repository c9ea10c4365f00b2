import Testing
@testable import TerminalCurses

@Suite("LocaleFallback")
struct LocaleFallbackTests {
    @Test("UTF-8 in every spelling", arguments: ["UTF-8", "utf8", "UTF8", "utf-8"])
    func utf8Spellings(codeset: String) {
        #expect(LocaleFallback.isUTF8(codeset: codeset))
    }

    @Test("other codesets are not UTF-8", arguments: ["ANSI_X3.4-1968", "ISO-8859-1", "", "UTF-16"])
    func otherCodesets(codeset: String) {
        #expect(!LocaleFallback.isUTF8(codeset: codeset))
    }

    @Test func utf8EnvironmentIsKeptAndTheFallbackIsNeverTried() {
        var tried = false
        let choice = LocaleFallback.choose(environmentCodeset: "UTF-8") { tried = true; return "UTF-8" }
        #expect(choice == .init(repertoire: .unicode, usedFallback: false))
        #expect(!tried)
    }

    @Test func cLocaleFallsBackToCUTF8WhenTheSystemHasIt() {
        // Given LANG unset (ncurses sees ANSI_X3.4-1968), When C.UTF-8 exists
        let choice = LocaleFallback.choose(environmentCodeset: "ANSI_X3.4-1968") { "UTF-8" }
        // Then Unicode is drawn under the fallback
        #expect(choice == .init(repertoire: .unicode, usedFallback: true))
    }

    @Test func noUTF8LocaleAtAllDrawsASCII() {
        let choice = LocaleFallback.choose(environmentCodeset: "ANSI_X3.4-1968") { nil }
        #expect(choice == .init(repertoire: .ascii, usedFallback: false))
    }

    @Test func fallbackThatIsNotUTF8EitherDrawsASCII() {
        let choice = LocaleFallback.choose(environmentCodeset: "ANSI_X3.4-1968") { "ANSI_X3.4-1968" }
        #expect(choice.repertoire == .ascii)
    }
}

@Suite("TerminalSuitability")
struct TerminalSuitabilityTests {
    private let unknownSentence = CursesBackendError.unknownTerminalType("dumb").description

    @Test func dumbTerminalIsRefusedBeforeNcursesStarts() {
        #expect(TerminalSuitability.refusal(term: "dumb") == .unknownTerminalType("dumb"))
        #expect(unknownSentence.contains("TERM=dumb"))
        #expect(unknownSentence.contains("set TERM to one this system knows"))
    }

    @Test func unsetTermIsRefused() {
        #expect(TerminalSuitability.refusal(term: nil) == .unknownTerminalType(""))
    }

    @Test func ordinaryTerminalIsTried() {
        #expect(TerminalSuitability.refusal(term: "xterm-256color") == nil)
        #expect(TerminalSuitability.refusal(term: "xterm-256color", hasCursorAddressing: true) == nil)
    }

    @Test func terminalWithoutCursorAddressingIsRefusedLikeAnUnknownOne() {
        // Given a terminfo entry with no cup, Then the same sentence as an unknown TERM
        let refusal = TerminalSuitability.refusal(term: "printer", hasCursorAddressing: false)
        #expect(refusal == .unknownTerminalType("printer"))
    }
}
