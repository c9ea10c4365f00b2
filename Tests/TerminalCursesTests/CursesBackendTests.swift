import Foundation
import Testing
import TerminalCore
@testable import TerminalCurses

@Suite("CursesBackend")
struct CursesBackendTests {
    @Test(
        "refuses to start without a terminal, with a sentence that says what to do",
        .enabled(if: isatty(STDIN_FILENO) == 0 || isatty(STDOUT_FILENO) == 0, "needs redirected stdin or stdout")
    )
    func refusesWithoutATerminal() {
        #expect(throws: CursesBackendError.notATerminal) { try CursesBackend() }
        #expect(CursesBackendError.notATerminal.description
            == "LabelDesk needs a terminal: run it in a terminal window, not with its input or output redirected.")
    }

    @Test func unknownTerminalTypeNamesTheVariable() {
        #expect(CursesBackendError.unknownTerminalType("vt9000").description.contains("TERM=vt9000"))
        #expect(CursesBackendError.unknownTerminalType("").description.contains("TERM=(not set)"))
    }

    @Test("poll timeouts round up so a short wait is never zero", arguments: [
        (Duration.zero, Int32(0)), (.nanoseconds(1), 1), (.milliseconds(25), 25),
        (.microseconds(24_001), 25), (.seconds(2), 2000), (.milliseconds(-3), 0),
    ])
    func pollTimeoutRounding(duration: Duration, expected: Int32) {
        #expect(CursesBackend.roundedUpMilliseconds(duration) == expected)
    }
}
