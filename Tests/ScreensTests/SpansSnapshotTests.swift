import Domain
import Foundation
import Screens
import TerminalCore
import Testing

/// The spans screen as text, through `TaskScreen.render`, at 80x24 and 160x48 (the list
/// below the text, then beside it).
@Suite struct SpansSnapshotTests {
    static let sizes = [Size(width: 80, height: 24), Size(width: 160, height: 48)]

    /// Builds the state for each size (its body sized for it), then compares the screen.
    func check(_ name: String, _ make: (Size) -> TaskScreen.State) {
        for size in Self.sizes {
            let buffer = SpansFixture.render(make(size), size: size)
            let mismatch = TextSnapshot.mismatch(buffer.text, named: "spans-\(name)-\(size)", testFile: #filePath)
            #expect(mismatch == nil, "\(mismatch ?? "")")
        }
    }

    @Test func wnutPostsWithTheModelsSpansAndTheCursorOnOne() {
        // Given six WNUT posts with their tags as the model's answer, one span edited
        check("wnut") { size in
            let (text, spans) = SpansFixture.conll(SpansFixture.posts)
            var state = SpansFixture.state(text, prediction: spans, size: size)
            SpansFixture.type("nn", into: &state)
            SpansFixture.type("}}", into: &state)
            SpansFixture.type("nnnn", into: &state)
            return state
        }
    }

    @Test func aSelectionBeingMade() {
        check("selecting") { size in
            var state = SpansFixture.state(SpansFixture.redondo, size: size)
            SpansFixture.type("wwwwwwvww", into: &state)
            return state
        }
    }

    @Test func cjkEmojiAndCombiningMarksLineUp() {
        // Given the mixed post with the tower, the flag and Émile tagged, the cursor on the family
        check("mixed") { size in
            var state = SpansFixture.state(SpansFixture.mixed, size: size)
            SpansFixture.type("vwwww2", into: &state)
            for _ in 0..<6 { _ = TaskScreen.update(&state, .key(.character("w"))) }
            while SpansFixture.cursorWord(state) != "🇯🇵" { _ = TaskScreen.update(&state, .key(.character("w"))) }
            SpansFixture.type("2", into: &state)
            while SpansFixture.cursorWord(state) != "E\u{301}mile" { _ = TaskScreen.update(&state, .key(.character("w"))) }
            SpansFixture.type("1", into: &state)
            while SpansFixture.cursorWord(state) != "👨‍👩‍👧" { _ = TaskScreen.update(&state, .key(.character("b"))) }
            return state
        }
    }

    @Test func aLongTextScrolledWithARefusal() {
        check("long") { size in
            let (text, spans) = SpansFixture.conll(SpansFixture.posts)
            var state = SpansFixture.state(Array(repeating: text, count: 8).joined(separator: "\n"), prediction: spans, size: size)
            _ = TaskScreen.update(&state, .key(.pageDown))
            _ = TaskScreen.update(&state, .key(.pageDown))
            SpansFixture.type("x", into: &state)
            return state
        }
    }

    @Test func noSpansYetAndTheHelp() {
        check("empty") { size in SpansFixture.state(SpansFixture.redondo, size: size) }
        check("help") { size in
            var state = SpansFixture.state(SpansFixture.redondo, size: size)
            SpansFixture.type("?", into: &state)
            return state
        }
    }
}
