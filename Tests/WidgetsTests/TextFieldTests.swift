import Testing
import TerminalCore
import Widgets

@Suite("TextField")
struct TextFieldTests {
    @Test func typingBackspaceAndClear() {
        var field = TextField()
        var handled: [Bool] = []
        for key in [Key.character("a"), .character("b"), .character("c"), .backspace] { handled.append(field.handle(key)) }
        #expect(field.text == "ab")
        handled.append(field.handle(.control("u")))
        #expect(field.text == "")
        handled.append(field.handle(.backspace))
        #expect(handled.allSatisfy { $0 })
        let enter = field.handle(.enter), up = field.handle(.up)
        #expect(!enter && !up)
    }

    @Test func pasteIsInsertedAsOneLine() {
        // Given a field, When three lines are pasted
        var field = TextField(text: "x")
        let handled = field.handle(.paste("one\ntwo\r\nthree"))
        #expect(handled)
        // Then they are joined by spaces, and no key of the paste ran as a command
        #expect(field.text == "xone two three")
    }

    @Test func pasteAndTypingStopAtTheMaximumLength() {
        var field = TextField(maximumLength: 5)
        _ = field.handle(.paste("abcdefgh"))
        #expect(field.text == "abcde")
        _ = field.handle(.character("z"))
        #expect(field.text == "abcde")
    }

    @Test func drawsUnderlinedAndReturnsTheCursorWhenFocused() {
        var buffer = Buffer(size: Size(width: 8, height: 1))
        let cursor = TextField(text: "abc").draw(in: buffer.area, focused: true, into: &buffer)
        #expect(buffer.line(0) == "abc     ")
        #expect(cursor == Point(x: 3, y: 0))
        #expect(buffer.cells.allSatisfy { $0.style == .underline })
        var other = Buffer(size: Size(width: 8, height: 1))
        #expect(TextField(text: "abc").draw(in: other.area, focused: false, into: &other) == nil)
    }

    @Test func masksASecret() {
        var buffer = Buffer(size: Size(width: 6, height: 1))
        TextField(text: "pw12", isMasked: true).draw(in: buffer.area, focused: false, into: &buffer)
        #expect(buffer.line(0) == "••••  ")
    }

    @Test func longTextShowsItsTailWithRoomForTheCursor() {
        var buffer = Buffer(size: Size(width: 5, height: 1))
        let cursor = TextField(text: "abcdefg").draw(in: buffer.area, focused: true, into: &buffer)
        #expect(buffer.line(0) == "defg ")
        #expect(cursor == Point(x: 4, y: 0))
    }

    @Test func wideTextScrollsByWholeCharacters() {
        var buffer = Buffer(size: Size(width: 6, height: 1))
        let cursor = TextField(text: "中文日本").draw(in: buffer.area, focused: true, into: &buffer)
        #expect(buffer.line(0) == "日本  ")
        #expect(cursor == Point(x: 4, y: 0))
    }
}
