import TerminalCore
import Testing
import Widgets

/// Every key of the text editor, its wrapping, scrolling and drawing.
@Suite struct TextEditorTests {
    /// An editor holding `text` with the cursor at `cursor` (the end when nil).
    func editor(_ text: String, cursor: Int? = nil, width: Int = 21, height: Int = 3, maximumLength: Int = 10_000) -> TextEditor {
        var editor = TextEditor(text: text, maximumLength: maximumLength, viewport: Size(width: width, height: height))
        if let cursor { editor.moveCursor(to: cursor) }
        return editor
    }

    func type(_ text: String, into editor: inout TextEditor) {
        for character in text { let handled = editor.handle(.character(character)); #expect(handled) }
    }

    @Test func charactersInsertAtTheCursor() {
        var editor = editor("held", cursor: 2)
        type("ll", into: &editor)
        #expect(editor.text == "hellld")
        #expect(editor.cursor == 4)
    }

    @Test func enterInsertsALineBreak() {
        var editor = editor("onetwo", cursor: 3)
        do { let handled = editor.handle(.enter); #expect(handled) }
        #expect(editor.text == "one\ntwo")
        #expect(editor.cursor == 4)
    }

    @Test func backspaceAndDeleteRemoveOneGraphemeEachSide() {
        var editor = editor("a👩‍👩‍👧b", cursor: 2)
        do { let handled = editor.handle(.backspace); #expect(handled) }
        #expect(editor.text == "ab")
        do { let handled = editor.handle(.delete); #expect(handled) }
        #expect(editor.text == "a")
        do { let handled = editor.handle(.delete); #expect(handled, "Delete at the end is still the editor's key") }
        #expect(editor.text == "a")
        do { let handled = editor.handle(.control("d")); #expect(handled) }
        _ = editor.handle(.backspace)
        do { let handled = editor.handle(.backspace); #expect(handled) }
        #expect(editor.text.isEmpty)
    }

    @Test func arrowsMoveByGraphemeClusterAndStopAtTheEnds() {
        var editor = editor("é好🧙‍♂️", cursor: 0)
        #expect(editor.characters.count == 3)
        _ = editor.handle(.left)
        #expect(editor.cursor == 0)
        for expected in [1, 2, 3, 3] {
            _ = editor.handle(.right)
            #expect(editor.cursor == expected)
        }
    }

    @Test func ctrlBAndCtrlFMoveByWord() {
        var editor = editor("alpha beta, gamma")
        _ = editor.handle(.control("b"))
        #expect(editor.cursor == 12)
        _ = editor.handle(.control("b"))
        #expect(editor.cursor == 6)
        _ = editor.handle(.control("f"))
        #expect(editor.cursor == 10)
        _ = editor.handle(.control("f"))
        #expect(editor.cursor == 17)
    }

    @Test func ctrlWDeletesTheWordBeforeTheCursorAndItsSpaces() {
        var editor = editor("keep these words  ")
        _ = editor.handle(.control("w"))
        #expect(editor.text == "keep these ")
    }

    @Test func ctrlUAndCtrlKDeleteToTheEdgesOfTheLine() {
        var editor = editor("first\nsecond line\nthird", cursor: 12)
        _ = editor.handle(.control("k"))
        #expect(editor.text == "first\nsecond\nthird")
        _ = editor.handle(.control("u"))
        #expect(editor.text == "first\n\nthird")
        #expect(editor.cursor == 6)
    }

    @Test func homeEndCtrlAAndCtrlEGoToTheLineEdges() {
        var editor = editor("one\ntwo three\nfour", cursor: 6)
        _ = editor.handle(.home)
        #expect(editor.cursor == 4)
        _ = editor.handle(.end)
        #expect(editor.cursor == 13)
        _ = editor.handle(.control("a"))
        #expect(editor.cursor == 4)
        _ = editor.handle(.control("e"))
        #expect(editor.cursor == 13)
    }

    @Test func wrappingBreaksAfterTheLastSpaceThatFits() {
        // Width 11 wraps at 10 columns: one column stays free for the cursor.
        let lines = TextEditor.layout(Array("the quick brown fox"), width: 10)
        let text = Array("the quick brown fox")
        #expect(lines.map { String(text[$0.start..<$0.end]) } == ["the quick ", "brown fox"])
    }

    @Test func aWordLongerThanARowIsBrokenAndWideCharactersStayWhole() {
        let text = Array("好好好好好好")
        let lines = TextEditor.layout(text, width: 5)
        #expect(lines.map { String(text[$0.start..<$0.end]) } == ["好好", "好好", "好好"])
    }

    @Test func upAndDownMoveByDisplayedRowKeepingTheColumn() {
        // Rows at width 10: "the quick " / "brown fox " / "jumps".
        var editor = editor("the quick brown fox jumps", cursor: 7, width: 11)
        _ = editor.handle(.down)
        #expect(editor.cursor == 17)
        _ = editor.handle(.down)
        #expect(editor.cursor == 25, "the short last row: the end, as near as it gets")
        _ = editor.handle(.up)
        #expect(editor.cursor == 17, "the column is kept through the short row")
        _ = editor.handle(.up)
        _ = editor.handle(.up)
        #expect(editor.cursor == 0, "up on the first row goes to its start")
    }

    @Test func upAndDownCountColumnsForWideCharacters() {
        var editor = editor("ab好\n好cd", cursor: 2)
        _ = editor.handle(.down)
        // Column 2 on "好cd" is after 好.
        #expect(editor.cursor == 5)
    }

    @Test func pageUpAndPageDownMoveByAPage() {
        let text = (1...10).map { "line \($0)" }.joined(separator: "\n")
        var editor = editor(text, cursor: 0, height: 4)
        _ = editor.handle(.pageDown)
        #expect(editor.cursor == TextEditor.layout(editor.characters, width: 20)[3].start)
        #expect(editor.scrollTop == 0)
        _ = editor.handle(.pageDown)
        _ = editor.handle(.pageDown)
        #expect(editor.scrollTop == 6, "the cursor on the last row keeps the last page in view")
        _ = editor.handle(.pageUp)
        _ = editor.handle(.pageUp)
        _ = editor.handle(.pageUp)
        _ = editor.handle(.pageUp)
        #expect(editor.cursor == 0)
        #expect(editor.scrollTop == 0)
    }

    @Test func undoTakesBackARunOfTypingInOneStepAndRedoRedoesIt() {
        var editor = editor("")
        type("hello", into: &editor)
        _ = editor.handle(.left)
        type("X", into: &editor)
        #expect(editor.text == "hellXo")
        _ = editor.handle(.control("z"))
        #expect(editor.text == "hello")
        _ = editor.handle(.control("z"))
        #expect(editor.text == "")
        #expect(!editor.canUndo)
        _ = editor.handle(.control("y"))
        #expect(editor.text == "hello")
        _ = editor.handle(.control("y"))
        #expect(editor.text == "hellXo")
        #expect(editor.cursor == 5)
    }

    @Test func aNewEditClearsRedo() {
        var editor = editor("")
        type("ab", into: &editor)
        _ = editor.handle(.control("z"))
        type("c", into: &editor)
        _ = editor.handle(.control("y"))
        #expect(editor.text == "c")
        #expect(!editor.canRedo)
    }

    @Test func aRunOfBackspacesIsOneUndoStep() {
        var editor = editor("abcdef")
        for _ in 0..<3 { _ = editor.handle(.backspace) }
        _ = editor.handle(.control("z"))
        #expect(editor.text == "abcdef")
    }

    @Test func aPasteIsInsertedAsTextWithLineBreaksNormalised() {
        var editor = editor("[]", cursor: 1)
        do { let handled = editor.handle(.paste("one\r\ntwo\rthree q s")); #expect(handled) }
        #expect(editor.text == "[one\ntwo\nthree q s]")
        _ = editor.handle(.control("z"))
        #expect(editor.text == "[]", "a paste is one undo step")
    }

    @Test func theMaximumLengthCutsTypingAndPastes() {
        var editor = editor("abc", maximumLength: 5)
        type("de", into: &editor)
        do { let handled = editor.handle(.character("f")); #expect(handled) }
        #expect(editor.text == "abcde")
        _ = editor.handle(.backspace)
        _ = editor.handle(.paste("XYZ"))
        #expect(editor.text == "abcdX")
    }

    @Test func tabEscapeAndFunctionKeysAreNotTheEditors() {
        var editor = editor("text")
        for key in [Key.tab, .backTab, .escape, .function(1), .insert] {
            do { let handled = editor.handle(key); #expect(!handled) }
        }
        #expect(editor.text == "text")
    }

    @Test func drawWrapsAtWordsAndPutsTheCursorAfterTheText() {
        let editor = editor("the quick brown fox", width: 11)
        var buffer = Buffer(size: Size(width: 11, height: 3))
        let cursor = editor.draw(in: buffer.area, focused: true, into: &buffer)
        #expect(buffer.text == "the quick  \nbrown fox  \n           ")
        #expect(cursor == Point(x: 9, y: 1))
        #expect(editor.draw(in: buffer.area, focused: false, into: &buffer) == nil)
    }

    @Test func drawScrollsToKeepTheCursorVisible() {
        var editor = editor("1\n2\n3\n4\n5", width: 10, height: 2)
        var buffer = Buffer(size: Size(width: 10, height: 2))
        #expect(editor.draw(in: buffer.area, focused: true, into: &buffer) == Point(x: 1, y: 1))
        #expect(buffer.text == "4         \n5         ")
        for _ in 0..<4 { _ = editor.handle(.up) }
        buffer = Buffer(size: Size(width: 10, height: 2))
        #expect(editor.draw(in: buffer.area, focused: true, into: &buffer) == Point(x: 1, y: 0))
        #expect(buffer.text == "1         \n2         ")
    }

    @Test func drawShowsCJKAndEmojiAsTwoColumnUnits() {
        let editor = editor("好🧙‍♂️x", width: 10, height: 1)
        var buffer = Buffer(size: Size(width: 10, height: 1))
        let cursor = editor.draw(in: buffer.area, focused: true, into: &buffer)
        #expect(buffer[0, 0].text == "好")
        #expect(buffer[1, 0].isContinuation)
        #expect(buffer[2, 0].text == "🧙‍♂️")
        #expect(buffer[4, 0].text == "x")
        #expect(cursor == Point(x: 5, y: 0))
    }

    @Test func anEmptyEditorShowsItsPlaceholderDim() {
        var editor = TextEditor(placeholder: "Write here", viewport: Size(width: 20, height: 1))
        editor.maximumLength = 10
        var buffer = Buffer(size: Size(width: 20, height: 1))
        let cursor = editor.draw(in: buffer.area, focused: false, into: &buffer)
        #expect(buffer.line(0).hasPrefix("Write here"))
        #expect(buffer[0, 0].style == .dim)
        #expect(cursor == nil)
    }
}

/// Where the cursor shows at a soft wrap, and spaces that do not fit.
@Suite struct TextEditorWrapTests {
    @Test func aSpaceThatDoesNotFitHangsAtTheEndOfItsRow() {
        let text = Array("abcde fgh")
        let lines = TextEditor.layout(text, width: 5)
        #expect(lines.map { String(text[$0.start..<$0.end]) } == ["abcde ", "fgh"])
    }

    @Test func atASoftWrapTheCursorShowsAtTheStartOfTheNextRow() {
        let text = Array("the quick brown")
        let lines = TextEditor.layout(text, width: 10)
        #expect(TextEditor.position(of: 10, in: lines, characters: text) == (row: 1, column: 0))
        #expect(TextEditor.position(of: 15, in: lines, characters: text) == (row: 1, column: 5))
    }

    @Test func aPastedTabTakesTheOneColumnItIsDrawnIn() {
        var editor = TextEditor(viewport: Size(width: 10, height: 1))
        _ = editor.handle(.paste("a\tb"))
        var buffer = Buffer(size: Size(width: 10, height: 1))
        #expect(editor.draw(in: buffer.area, focused: true, into: &buffer) == Point(x: 3, y: 0))
        #expect(buffer.line(0).hasPrefix("a b"))
    }

    @Test func aLineBreakEndsARowAndAnEmptyLastLineIsARow() {
        let text = Array("ab\n")
        let lines = TextEditor.layout(text, width: 10)
        #expect(lines.count == 2)
        #expect(TextEditor.position(of: 3, in: lines, characters: text) == (row: 1, column: 0))
    }
}
