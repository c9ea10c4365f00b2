import Testing
import TerminalCore
import Widgets

@Suite("SelectionList")
struct SelectionListTests {
    @Test("moves by key and stays in range", arguments: [
        (2, Key.up, 1), (2, .character("k"), 1), (2, .down, 3), (2, .character("j"), 3),
        (0, .up, 0), (4, .down, 4), (3, .home, 0), (1, .end, 4), (1, .pageUp, 0), (3, .pageDown, 4), (4, .pageUp, 1),
    ])
    func move(from selected: Int, key: Key, to expected: Int) {
        #expect(SelectionList.move(selected, count: 5, key: key, page: 3) == expected)
    }

    @Test func otherKeysAndEmptyListsAreNotMoves() {
        #expect(SelectionList.move(1, count: 5, key: .enter) == nil)
        #expect(SelectionList.move(1, count: 5, key: .character("x")) == nil)
        #expect(SelectionList.move(0, count: 0, key: .down) == nil)
    }

    @Test func pageMovesByThePageSize() {
        #expect(SelectionList.move(1, count: 50, key: .pageDown, page: 10) == 11)
        #expect(SelectionList.move(11, count: 50, key: .pageUp, page: 10) == 1)
    }

    @Test func drawsTheSelectedRowHighlightedWithAMarker() {
        var buffer = Buffer(size: Size(width: 8, height: 3))
        SelectionList(items: ["one", "two", "three"], selected: 1).draw(in: buffer.area, into: &buffer)
        #expect(buffer.text == "  one   \n▸ two   \n  three ")
        #expect(buffer[0, 1].style == .reverse)
        #expect(buffer[7, 1].style == .reverse)
        #expect(buffer[2, 0].style == .plain)
    }

    @Test func scrollsToKeepTheSelectionInView() {
        // Given five items in two rows, When the fourth is selected
        var buffer = Buffer(size: Size(width: 6, height: 2))
        SelectionList(items: ["a", "b", "c", "d", "e"], selected: 3).draw(in: buffer.area, into: &buffer)
        // Then the rows show the third and fourth
        #expect(buffer.text == "  c   \n▸ d   ")
        #expect(SelectionList.firstVisible(selected: 3, count: 5, height: 2) == 2)
        #expect(SelectionList.firstVisible(selected: 4, count: 5, height: 2) == 3)
        #expect(SelectionList.firstVisible(selected: 1, count: 2, height: 5) == 0)
    }
}
