import Domain
import Foundation
import Screens
import TerminalCore
import Testing

/// The spans screen's keys, driven through the task screen as the app drives them.
@Suite struct SpansUpdateTests {
    typealias F = SpansFixture

    // MARK: moving

    @Test func wordKeysMoveOneTokenAndStopAtTheEnds() {
        // Given the first WNUT post, the cursor on its first word
        var state = F.state(F.redondo)
        #expect(F.cursorWord(state) == "You")
        // When moving forward with w, l and the right arrow
        F.press(.character("w"), .character("l"), .right, into: &state)
        // Then the cursor is three tokens on, the apostrophe being a token of its own
        #expect(F.cursorWord(state) == "ve")
        // When moving back with b, h and the left arrow, one more than there is room for
        F.press(.character("b"), .character("h"), .left, .left, into: &state)
        // Then it stops at the first token, with nothing said
        #expect(F.cursorWord(state) == "You")
        #expect(state.message == nil)
        // And at the far end too
        for _ in 0..<30 { F.press(.character("w"), into: &state) }
        #expect(F.cursorWord(state) == "Compton")
    }

    @Test func lineKeysKeepTheColumnAndHomeEndGoToTheLineEnds() {
        // Given the post wrapped to a 36-column text pane (a 40-column terminal)
        var state = F.state(F.redondo, size: Size(width: 40, height: 24))
        F.press(.character("w"), .character("w"), into: &state)  // "'" at column 11
        let work = F.work(state)
        #expect(work.layout.width == 36)
        #expect(work.layout.lineCount == 3)
        // When moving down a line
        F.press(.character("j"), into: &state)
        // Then the cursor is on the second line, on the token at or left of the same column
        let down = F.work(state)
        #expect(down.layout.line(ofCharacter: down.text.tokens[down.cursor].lowerBound) == 1)
        let column = Int(down.layout.columns[down.text.tokens[down.cursor].lowerBound])
        #expect(column <= 11)
        #expect(F.cursorWord(state) == ".")
        // When going down again and back up with the arrows
        F.press(.down, .up, .up, into: &state)
        // Then it is back where it started, the column kept across lines
        #expect(F.cursorWord(state) == "'")
        // When End, then Home
        F.press(.end, into: &state)
        #expect(F.cursorWord(state) == "Redondo")
        F.press(.home, into: &state)
        #expect(F.cursorWord(state) == "You")
    }

    @Test func pageKeysMoveAndScrollByAPage() {
        // Given all six posts, twenty times over, on an 80x24 screen
        let text = Array(repeating: F.conll(F.posts).text, count: 20).joined(separator: "\n")
        var state = F.state(text)
        let rows = F.work(state).layout.lineCount
        #expect(rows > 100)
        // When paging down twice
        F.press(.pageDown, .pageDown, into: &state)
        // Then the text has scrolled and the cursor is on a line that is on screen
        let work = F.work(state)
        let line = work.layout.line(ofCharacter: work.text.tokens[work.cursor].lowerBound)
        #expect(work.scroll > 0)
        #expect(line >= work.scroll && line < work.scroll + 9)
        // When paging up past the top
        F.press(.pageUp, .pageUp, .pageUp, into: &state)
        // Then the cursor is back on the first line, the text at the top
        #expect(F.work(state).scroll == 0)
        #expect(F.work(state).layout.line(ofCharacter: F.work(state).text.tokens[F.work(state).cursor].lowerBound) == 0)
    }

    // MARK: tagging

    @Test func aSelectionTaggedByDigitBecomesOneSpan() {
        // Given the cursor on "Redondo"
        var state = F.state(F.redondo)
        for _ in 0..<6 { F.press(.character("w"), into: &state) }
        #expect(F.cursorWord(state) == "Redondo")
        // When selecting two more words and pressing 2 (location)
        F.press(.character("v"), .character("w"), .right, into: &state)
        #expect(F.work(state).anchor == 6)
        F.type("2", into: &state)
        // Then the three words are one location span, in scalar offsets, and the selection is done
        #expect(F.spans(state) == ["location:Redondo Beach Blvd"])
        #expect(F.work(state).spans == [EntitySpan(start: 26, end: 44, label: "location")])
        #expect(F.work(state).anchor == nil)
        #expect(state.message == nil)
    }

    @Test func aMnemonicTagsTheWordUnderTheCursorWithNoSelection() {
        // Given the types' letters: person r, location o, corporation c, product d, creative-work t, group g
        let keys = try! F.wnut.labelKeys()
        #expect(keys.letters == ["r", "o", "c", "d", "t", "g"])
        var state = F.state(F.redondo)
        for _ in 0..<16 { F.press(.character("w"), into: &state) }
        // When pressing o on "Gardena", and upper-case O on "Compton"
        F.type("o", into: &state)
        F.press(.character("w"), .character("w"), into: &state)
        F.type("O", into: &state)
        // Then each word is a location span
        #expect(F.spans(state) == ["location:Gardena", "location:Compton"])
    }

    @Test func escapeAndVAgainDropTheSelection() {
        var state = F.state(F.redondo)
        F.press(.character("v"), .character("w"), .escape, into: &state)
        #expect(F.work(state).anchor == nil)
        F.press(.character("v"), .character("w"), .character("v"), into: &state)
        #expect(F.work(state).anchor == nil)
        // And a type key then tags the cursor's word only
        F.type("1", into: &state)
        #expect(F.spans(state) == ["person:'"])
    }

    @Test func anOverlapIsRefusedWithASentenceUnlessTheProjectAllowsIt() {
        // Given "Redondo Beach Blvd" tagged as a location
        var state = F.state(F.redondo)
        for _ in 0..<6 { F.press(.character("w"), into: &state) }
        F.press(.character("v"), .character("w"), .character("w"), into: &state)
        F.type("2", into: &state)
        // When tagging "Beach" as a person
        F.press(.character("b"), into: &state)
        F.type("1", into: &state)
        // Then it is refused, saying with what it overlaps and what to do
        #expect(F.spans(state) == ["location:Redondo Beach Blvd"])
        #expect(state.message == "That overlaps “Redondo Beach Blvd” (location), and this project does not allow overlapping spans: delete it with x or move its edges first.")

        // Given the same in a project that allows overlaps
        var nested = F.state(F.redondo, project: F.wnutOverlapping)
        for _ in 0..<6 { F.press(.character("w"), into: &nested) }
        F.press(.character("v"), .character("w"), .character("w"), into: &nested)
        F.type("2", into: &nested)
        F.press(.character("b"), into: &nested)
        F.type("1", into: &nested)
        // Then both spans are kept
        #expect(F.spans(nested) == ["location:Redondo Beach Blvd", "person:Beach"])
        #expect(nested.message == nil)
    }

    @Test func anotherTypeOnTheSameStretchChangesItsType() {
        var state = F.state(F.redondo)
        for _ in 0..<16 { F.press(.character("w"), into: &state) }
        F.type("1", into: &state)
        F.type("2", into: &state)
        #expect(F.spans(state) == ["location:Gardena"])
        F.type("2", into: &state)
        #expect(state.message == "“Gardena” is already tagged as location.")
    }

    // MARK: deleting and jumping

    @Test func xDeletesTheSpanUnderTheCursorAndSaysSoWhenThereIsNone() {
        // Given the post with the model's spans
        let (text, spans) = F.conll([F.posts[0]])
        var state = F.state(text, prediction: spans)
        #expect(F.spans(state) == ["location:Redondo Beach Blvd", "location:Gardena", "location:Compton"])
        // When pressing x on "You"
        F.type("x", into: &state)
        // Then nothing is deleted and the message says why
        #expect(F.spans(state).count == 3)
        #expect(state.message == "There is no span under the cursor to delete.")
        // When pressing x on "Beach", inside the first span
        for _ in 0..<7 { F.press(.character("w"), into: &state) }
        F.type("x", into: &state)
        // Then that span is gone
        #expect(F.spans(state) == ["location:Gardena", "location:Compton"])
    }

    @Test func nAndPJumpBetweenSpans() {
        let (text, spans) = F.conll([F.posts[0]])
        var state = F.state(text, prediction: spans)
        F.type("n", into: &state)
        #expect(F.cursorWord(state) == "Redondo")
        F.type("n", into: &state)
        #expect(F.cursorWord(state) == "Gardena")
        F.type("n", into: &state)
        #expect(F.cursorWord(state) == "Compton")
        F.type("n", into: &state)
        #expect(F.cursorWord(state) == "Compton")
        #expect(state.message == "There are no more spans after the cursor.")
        F.type("pp", into: &state)
        #expect(F.cursorWord(state) == "Redondo")
        F.type("p", into: &state)
        #expect(state.message == "There are no spans before the cursor.")
    }

    // MARK: nudging edges

    @Test func bracketsMoveTheStartAndBracesTheEndByOneCharacter() {
        // Given "Redondo Beach Blvd" tagged, the cursor on it
        var state = F.state(F.redondo)
        for _ in 0..<6 { F.press(.character("w"), into: &state) }
        F.press(.character("v"), .character("w"), .character("w"), into: &state)
        F.type("2", into: &state)
        // When the start moves right, then back left
        F.type("]", into: &state)
        #expect(F.spans(state) == ["location:edondo Beach Blvd"])
        F.type("[", into: &state)
        #expect(F.spans(state) == ["location:Redondo Beach Blvd"])
        // When the end moves left, then right twice: the second steps over the space
        F.type("{", into: &state)
        #expect(F.spans(state) == ["location:Redondo Beach Blv"])
        F.type("}}", into: &state)
        #expect(F.spans(state) == ["location:Redondo Beach Blvd ."])
        // When the start moves left from "Redondo": over the space, onto "on"'s last letter
        F.type("[", into: &state)
        #expect(F.spans(state) == ["location:n Redondo Beach Blvd ."])
    }

    @Test func aNudgeThatWouldEmptyOrOverlapIsRefused() {
        // Given "Redondo Beach" and "Blvd" tagged apart
        var state = F.state(F.redondo)
        for _ in 0..<6 { F.press(.character("w"), into: &state) }
        F.press(.character("v"), .character("w"), into: &state)
        F.type("2", into: &state)
        F.press(.character("w"), into: &state)
        F.type("2", into: &state)
        // When the end of "Blvd" moves left four times, the last would empty it
        F.type("{{{", into: &state)
        #expect(F.spans(state) == ["location:Redondo Beach", "location:B"])
        F.type("{", into: &state)
        #expect(state.message == "That would leave the span empty; delete it with x instead.")
        #expect(F.spans(state) == ["location:Redondo Beach", "location:B"])
        // When the end of "Redondo Beach" moves right onto "B"
        F.press(.character("b"), into: &state)
        F.type("}", into: &state)
        // Then it is refused: the two would overlap
        #expect(state.message?.hasPrefix("That overlaps “B” (location)") == true)
        #expect(F.spans(state) == ["location:Redondo Beach", "location:B"])
        // And with no span under the cursor, a nudge says what to do
        F.press(.home, into: &state)
        F.type("]", into: &state)
        #expect(state.message == "Move the cursor onto a span to move its edges.")
    }

    @Test func nudgesMoveByGraphemeClusterInCJKAndAccentedText() {
        // Given the mixed post: 東 京 タ ワ ー で are six tokens
        var state = F.state(F.mixed)
        F.press(.character("v"), .character("w"), .character("w"), .character("w"), .character("w"), into: &state)
        F.type("2", into: &state)
        #expect(F.spans(state) == ["location:東京タワー"])
        // When its end moves left by one
        F.type("{", into: &state)
        // Then one ideograph goes
        #expect(F.spans(state) == ["location:東京タワ"])
        // Given "Zoë" (e and a combining diaeresis) tagged as a person
        while F.cursorWord(state) != "Zoe\u{308}" { F.press(.character("w"), into: &state) }
        F.type("1", into: &state)
        #expect(F.work(state).spans.last == EntitySpan(start: 22, end: 26, label: "person"))
        // When its end moves left by one
        F.type("{", into: &state)
        // Then the whole ë goes, two scalars, not half of it
        #expect(F.work(state).spans.last == EntitySpan(start: 22, end: 24, label: "person"))
        #expect(F.spans(state).last == "person:Zo")
    }

    @Test func theCursorTakesAFamilyEmojiAndAFlagAsOneToken() {
        var state = F.state(F.mixed)
        for _ in 0..<6 { F.press(.character("w"), into: &state) }
        #expect(F.cursorWord(state) == "👨‍👩‍👧")
        while F.cursorWord(state) != "🇯🇵" { F.press(.character("w"), into: &state) }
        F.type("2", into: &state)
        F.press(.character("w"), into: &state)
        F.type("2", into: &state)
        F.press(.character("v"), .character("b"), into: &state)
        #expect(F.spans(state) == ["location:🇯🇵", "location:Japan"])
    }

    // MARK: predictions and the answer

    @Test func thePredictionIsPreFilledMarkedAsTheModelsAndSubmittedAsIs() {
        // Given all six posts with the WNUT tags as the model's answer
        let (text, spans) = F.conll(F.posts)
        var state = F.state(text, prediction: spans)
        #expect(F.work(state).spans == spans.sorted())
        #expect(F.work(state).modelSpans == Set(spans))
        // When submitting at once
        let effects = F.press(.enter, into: &state)
        // Then the answer is the model's spans, sorted, and counted as accepted
        guard case .save(let decision)? = effects.first else {
            Issue.record("Enter did not submit: \(effects), \(state.message ?? "")")
            return
        }
        #expect(decision.answer == .spans(spans.sorted()))
        #expect(decision.predictionAccepted == true)
    }

    @Test func anEditedPredictionIsSubmittedAsEditedAndNotAccepted() {
        let (text, spans) = F.conll([F.posts[0]])
        var state = F.state(text, prediction: spans)
        F.type("n", into: &state)
        F.type("x", into: &state)
        let effects = F.press(.enter, into: &state)
        guard case .save(let decision)? = effects.first else {
            Issue.record("Enter did not submit: \(effects)")
            return
        }
        #expect(decision.answer == .spans(Array(spans.sorted().dropFirst())))
        #expect(decision.predictionAccepted == false)
    }

    @Test func noSpansIsAValidAnswerButAnOpenSelectionIsNot() {
        var state = F.state(F.redondo)
        F.type("v", into: &state)
        #expect(F.press(.enter, into: &state).isEmpty)
        #expect(state.message == "Finish the selection first: press a type's key to tag it, or Esc to cancel it.")
        let effects = F.press(.escape, .enter, into: &state)
        guard case .save(let decision)? = effects.first else {
            Issue.record("Enter did not submit: \(effects)")
            return
        }
        #expect(decision.answer == .spans([]))
    }

    @Test func predictedSpansOfUnknownTypesOrPastTheTextAreDropped() {
        let state = F.state("Kimmel 2015 ?", prediction: [
            EntitySpan(start: 0, end: 6, label: "person"), EntitySpan(start: 0, end: 6, label: "villain"), EntitySpan(start: 7, end: 40, label: "product"),
        ])
        #expect(F.spans(state) == ["person:Kimmel"])
    }

    @Test func overlappingPredictionsInAProjectWithoutOverlapsAreRefusedAtSubmit() {
        var state = F.state("Hillary Clinton will never be president", prediction: [
            EntitySpan(start: 0, end: 15, label: "person"), EntitySpan(start: 8, end: 15, label: "group"),
        ])
        #expect(F.press(.enter, into: &state).isEmpty)
        #expect(state.message?.hasPrefix("These spans cannot be submitted: spans 0-15 (person) and 8-15 (group) overlap") == true)
    }

    // MARK: layout and drawing

    @Test func aResizeLaysTheTextOutAgainAtTheNextKey() {
        var state = F.state(F.redondo)
        #expect(F.work(state).layout.width == 74)
        state.bodySize = TaskScreen.bodySize(for: Size(width: 160, height: 48))
        F.press(.character("w"), into: &state)
        #expect(F.work(state).layout.width == 160 - 53 - 4)
    }

    @Test func aTaggedSpanIsDrawnInItsTypesColourAndUnderlined() {
        // Given "Gardena" tagged as a location and the cursor moved off it
        var state = F.state(F.redondo)
        for _ in 0..<16 { F.press(.character("w"), into: &state) }
        F.type("2", into: &state)
        F.press(.character("w"), into: &state)
        // When the screen is drawn
        let buffer = F.render(state, size: Size(width: 80, height: 24))
        // Then every cell of "Gardena" has location's colour (blue, 256-colour 74) behind black, underlined
        let location = Style(foreground: .black, background: .indexed(74), attributes: .underline)
        let (x, y) = try! #require(Self.find("Gardena", in: buffer))
        for column in x..<(x + 7) { #expect(buffer[column, y].style == location) }
        // And the space after it is plain; the cursor's "/" is reversed
        #expect(buffer[x + 7, y].style == .plain)
        #expect(buffer[x + 8, y].style == Style(attributes: [.reverse, .bold]))
        // And the legend shows location's key in the same colour
        let (legendX, legendY) = try! #require(Self.find(" 2 o location ", in: buffer))
        #expect(buffer[legendX + 4, legendY].style == Style(foreground: .black, background: .indexed(74)))
    }

    @Test func wideCharactersTakeTwoCellsAndLineUp() {
        // Given the mixed post with its first ideograph tagged
        var state = F.state(F.mixed)
        F.type("2", into: &state)
        let buffer = F.render(state, size: Size(width: 80, height: 24))
        let (x, y) = try! #require(Self.find("東京", in: buffer))
        // Then 東 takes two cells, the second a continuation, both in the span's style with the cursor
        #expect(buffer[x, y].text == "東")
        #expect(buffer[x, y].width == 2)
        #expect(buffer[x + 1, y].isContinuation)
        #expect(buffer[x + 2, y].text == "京")
        #expect(buffer[x, y].style.attributes.contains(.reverse))
        #expect(buffer[x, y].style.background == .indexed(74))
    }

    @Test func beforeTheFirstKeyAfterAResizeTheTextIsDrawnAtTheNewWidth() {
        // Given a task begun for an 80-column body, then the terminal widened to 160 with no key since
        var state = F.state(F.conll(F.posts).text)
        state.bodySize = TaskScreen.bodySize(for: Size(width: 160, height: 48))
        // When drawn
        let buffer = F.render(state, size: Size(width: 160, height: 48))
        // Then the first post is on one line, as the wide layout has it
        #expect(buffer.line(3).contains("borderlines of Gardena / Compton"))
    }

    @Test func aTextWithNoWordsCanOnlyBeSubmittedEmpty() {
        var state = F.state("  \n  ")
        F.type("1", into: &state)
        #expect(state.message == "This task has no words to tag; press Enter to submit it with no entities.")
        let effects = F.press(.character("w"), .enter, into: &state)
        guard case .save(let decision)? = effects.first else {
            Issue.record("Enter did not submit: \(effects)")
            return
        }
        #expect(decision.answer == .spans([]))
        #expect(F.render(state, size: Size(width: 80, height: 24)).text.contains("This task has no words to tag."))
    }

    @Test func aBidiControlInTheTextNeverReachesACellRaw() {
        // Given a post with a right-to-left override in it, tagged
        var state = F.state("pay \u{202E}gnp.exe now")
        F.type("w", into: &state)
        // When drawn
        let buffer = F.render(state, size: Size(width: 80, height: 24))
        // Then no cell holds the override itself
        let raw = (0..<buffer.height).contains { y in (0..<buffer.width).contains { x in buffer[x, y].text.unicodeScalars.contains { $0.value == 0x202E } } }
        #expect(!raw)
        #expect(F.cursorWord(state) == "\u{202E}")
    }

    /// Where a text first appears on screen, in cells.
    static func find(_ text: String, in buffer: Buffer) -> (Int, Int)? {
        for y in 0..<buffer.height {
            var columns: [Int] = []
            var line = ""
            for x in 0..<buffer.width where !buffer[x, y].isContinuation {
                columns.append(x)
                line += buffer[x, y].text
            }
            guard let range = line.range(of: text) else { continue }
            // Cells hold one character each here (no combining marks in what is looked for).
            return (columns[line.distance(from: line.startIndex, to: range.lowerBound)], y)
        }
        return nil
    }
}
