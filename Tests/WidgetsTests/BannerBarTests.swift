import Testing
import TerminalCore
import Widgets

@Suite("BannerBar")
struct BannerBarTests {
    private let secret = Style(foreground: .white, background: .red, attributes: .bold)

    @Test func fillsTheRowAndCentresTheMarking() {
        // Given a row of other text, When the banner is drawn over it
        var buffer = Buffer(size: Size(width: 16, height: 2))
        buffer.write("xxxxxxxxxxxxxxxx", x: 0, y: 1)
        BannerBar.draw("SECRET", row: 1, style: secret, into: &buffer)
        // Then the whole row is the banner, text centred, in the banner's colours
        #expect(buffer.line(1) == "     SECRET     ")
        #expect((0..<16).allSatisfy { buffer[$0, 1].style == secret })
        #expect(buffer.line(0) == String(repeating: " ", count: 16))
    }

    @Test func markingWiderThanTheRowIsCut() {
        var buffer = Buffer(size: Size(width: 8, height: 1))
        BannerBar.draw("TOP SECRET//NOFORN", row: 0, style: secret, into: &buffer)
        #expect(buffer.line(0) == "TOP SEC…")
    }

    @Test func hiddenBidiControlInAMarkingIsShown() {
        // A marking cannot be reversed on screen by a control character inside it
        var buffer = Buffer(size: Size(width: 20, height: 1))
        BannerBar.draw("SECRET\u{202E}", row: 0, style: secret, into: &buffer)
        #expect(buffer.line(0).contains("SECRET⟪RLO⟫"))
    }
}
