import TerminalCore
import XCTest

final class StyledTextTests: XCTestCase {
    func testRowsShowTextThenRunsOfStyles() {
        // Given a row with a true-colour run, an indexed cell and a bold default run
        var buffer = Buffer(size: Size(width: 6, height: 1))
        buffer.write("▀▀▀", x: 0, y: 0, style: Style(foreground: .rgb(255, 16, 0), background: .rgb(0, 0, 10)))
        buffer.write("x", x: 3, y: 0, style: Style(foreground: .indexed(196)))
        buffer.write("ok", x: 4, y: 0, style: .bold)
        // When shown with styles
        let text = TextSnapshot.styledText(of: buffer)
        // Then equal neighbours are one run, colours compact, attributes as letters
        XCTAssertEqual(text, "|▀▀▀xok|\n  0-2 #ff1000/#00000a; 3 196/-; 4-5 -/- b")
    }

    func testARectangleIsShownFromItsOwnOrigin() {
        var buffer = Buffer(size: Size(width: 5, height: 3))
        buffer.fill(Rect(x: 1, y: 1, width: 2, height: 1), with: "#", style: Style(background: .indexed(4), attributes: [.dim, .reverse]))
        let text = TextSnapshot.styledText(of: buffer, in: Rect(x: 1, y: 1, width: 3, height: 1))
        XCTAssertEqual(text, "|## |\n  0-1 -/4 dr; 2 -/-")
    }
}
