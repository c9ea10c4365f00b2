import Domain
import Foundation
@testable import Screens
import TerminalCore
import Testing

/// The comparison and free-text task screens as text at 80x24 and 160x48 (side by side
/// from 100 columns), with real items; and the styles that carry meaning.
@Suite struct ComparisonFreeTextSnapshotTests {
    static let sizes = [Size(width: 80, height: 24), Size(width: 160, height: 48)]

    /// Renders the state at each size, with the body size the app would set on resize
    /// and the keys pressed after that, and compares each with its snapshot.
    func check(_ name: String, _ make: () -> TaskScreen.State, keys: [Key] = [], typing: String = "") {
        for size in Self.sizes {
            var state = make()
            state.bodySize = TaskScreen.bodySize(for: size)
            for key in keys { _ = TaskScreen.update(&state, .key(key)) }
            state.type(typing)
            let buffer = Fixture.render(size) { TaskScreen.render(state, into: &$0) }
            let mismatch = TextSnapshot.mismatch(buffer.text, named: "\(name)-\(size)", testFile: #filePath)
            #expect(mismatch == nil, "\(mismatch ?? "")")
        }
    }

    func render(_ state: TaskScreen.State, _ size: Size) -> Buffer {
        var state = state
        state.bodySize = TaskScreen.bodySize(for: size)
        return Fixture.render(size) { TaskScreen.render(state, into: &$0) }
    }

    @Test func comparisonFresh() {
        check("comparison-fresh") { ComparisonFixture.state(ComparisonFixture.task(id: ComparisonFixture.taskID(swapped: false))) }
    }

    @Test func comparisonLongResponsesScrolledAndRated() {
        check(
            "comparison-rated", { ComparisonFixture.state(ComparisonFixture.task(RealText.pandaLM[871]!)) },
            keys: [.character("j"), .character("j"), .character("b"), .character("2"), .tab, .tab, .character("5"), .character("6"), .character("7"), .character("7"), .character("r")],
            typing: "B lists the steps in order; A stops half way.")
    }

    @Test func comparisonCJKAndATrueResponseAndAnEmptyOne() {
        check("comparison-cjk") { ComparisonFixture.state(ComparisonFixture.task(RealText.pandaLM[86]!)) }
        check("comparison-true-response") { ComparisonFixture.state(ComparisonFixture.task(RealText.pandaLM[157]!)) }
        check("comparison-empty-response") { ComparisonFixture.state(ComparisonFixture.task(RealText.pandaLM[18]!)) }
    }

    @Test func comparisonRefusal() {
        check("comparison-refused", { ComparisonFixture.state() }, keys: [.character("a"), .character("1"), .enter])
    }

    @Test func freeTextEditing() {
        check("freetext-editing", { FreeTextFixture.state() }, typing: "If you have questions about my rate or the scope, let me know.")
    }

    @Test func freeTextEmojiAndCJKNotEditing() {
        check("freetext-emoji", { FreeTextFixture.state(FreeTextFixture.task(RealText.selfInstruct["user_oriented_task_185"]!)) },
              keys: [], typing: "Harry Potter 🧙‍♂️⚡ (哈利·波特)")
        check("freetext-cjk-refused", { FreeTextFixture.state(FreeTextFixture.task(RealText.selfInstruct["user_oriented_task_125"]!)) },
              keys: [.character("h"), .character("a"), .character("o"), .escape, .enter])
    }

    @Test func freeTextAndComparisonHelp() {
        check("freetext-help", { FreeTextFixture.state() }, keys: [.escape, .character("?")])
        check("comparison-help", { ComparisonFixture.state() }, keys: [.character("?")])
    }

    // MARK: Styles that carry meaning

    /// The first cell of `text` on screen, or nil.
    func find(_ text: String, in buffer: Buffer) -> Point? {
        for y in 0..<buffer.height {
            let line = buffer.line(y)
            guard let range = line.range(of: text) else { continue }
            // Columns, not characters: the line may hold wide characters before the match.
            let column = CharacterWidth.of(line[line.startIndex..<range.lowerBound])
            return Point(x: column, y: y)
        }
        return nil
    }

    @Test func theFocusedPaneIsBoldCyanAndTheOthersPlain() {
        var state = ComparisonFixture.state(ComparisonFixture.task(id: ComparisonFixture.taskID(swapped: false)))
        let size = Size(width: 160, height: 48)
        var buffer = render(state, size)
        let a = try! #require(find("─ A ─", in: buffer))
        let b = try! #require(find("─ B ─", in: buffer))
        #expect(buffer[a.x + 2, a.y].style == ComparisonKind.focusedStyle.with(.bold))
        #expect(buffer[a.x, a.y].style.foreground == .cyan)
        #expect(buffer[b.x, b.y].style == .plain)
        #expect(a.y == b.y, "side by side at 160 columns")
        _ = state.press(.tab)
        buffer = render(state, size)
        #expect(buffer[a.x, a.y].style == .plain)
        #expect(buffer[b.x, b.y].style.foreground == .cyan)
    }

    @Test func theChosenPreferenceIsReverseBoldAndMarked() {
        var state = ComparisonFixture.state()
        _ = state.press(.character("b"), .character("3"))
        let buffer = render(state, Size(width: 80, height: 24))
        let chosen = try! #require(find("(•) B", in: buffer))
        #expect(buffer[chosen.x, chosen.y].style == ComparisonKind.chosenStyle)
        let other = try! #require(find("( ) A", in: buffer))
        #expect(buffer[other.x, other.y].style == .plain)
        #expect(find("B ✓ better (much)", in: buffer) != nil)
        #expect(find("[3 much]", in: buffer) != nil)
        let a = try! #require(find("─ A ─", in: buffer))
        let b = try! #require(find("─ B ✓", in: buffer))
        #expect(b.y > a.y, "stacked at 80 columns")
    }

    @Test func theRationaleEditorPutsTheCursorWhereTypingGoes() {
        var state = ComparisonFixture.state()
        _ = state.press(.character("r"))
        state.type("ab")
        let buffer = render(state, Size(width: 80, height: 24))
        let cursor = try! #require(buffer.cursor)
        #expect(buffer[cursor.x - 2, cursor.y].text == "a")
        #expect(buffer[cursor.x - 1, cursor.y].text == "b")
    }

    @Test func aShortFreeTextAnswersCounterIsBold() {
        var state = FreeTextFixture.state()
        state.type("short")
        let buffer = render(state, Size(width: 80, height: 24))
        let counter = try! #require(find("5 characters (at least 20)", in: buffer))
        #expect(buffer[counter.x, counter.y].style.attributes.contains(.bold))
        state.type(" but now long enough")
        let longer = render(state, Size(width: 80, height: 24))
        let done = try! #require(find("25 characters (at least 20)", in: longer))
        #expect(longer[done.x, done.y].style.attributes.contains(.dim))
    }
}
