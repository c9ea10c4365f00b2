import Curriculum
import Domain
import Foundation
import Screens
import TerminalCore
import Widgets
import XCTest

/// The lesson reader on the real "LabelDesk basics" keys lesson, parsed by cmark-gfm.
final class LessonScreenTests: XCTestCase {
    static let lessonURL = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Training/labeldesk-basics/lessons/01-keys.md")

    private func lesson(_ size: Size, marking: Marking = .unclassified) throws -> LessonScreen.State {
        let document = MarkdownParser.parse(try String(contentsOf: Self.lessonURL, encoding: .utf8))
        return LessonScreen.State(title: document.title ?? "?", document: document, marking: marking, size: size)
    }

    private func assertSnapshot(_ state: LessonScreen.State, named name: String, file: StaticString = #filePath, line: UInt = #line) -> Buffer {
        let buffer = Fixture.render(state.size) { LessonScreen.render(state, into: &$0) }
        let mismatch = TextSnapshot.mismatch(buffer.text, named: name, testFile: "\(file)")
        XCTAssertNil(mismatch, mismatch ?? "", file: file, line: line)
        return buffer
    }

    func testTheLessonOpensAtItsTopUnderTheBanners() throws {
        for size in Fixture.sizes {
            // Given the keys lesson opened at this size; when drawn
            let buffer = assertSnapshot(try lesson(size), named: "lesson-top-\(size)")
            // Then the banners, the title, the first heading and the status row show
            XCTAssertTrue(buffer.line(0).contains("UNCLASSIFIED"))
            XCTAssertTrue(buffer.line(size.height - 1).contains("UNCLASSIFIED"))
            XCTAssertTrue(buffer.line(1).contains("Lesson: The keys of LabelDesk"))
            XCTAssertTrue(buffer.line(2).contains("# The keys of LabelDesk"))
            XCTAssertTrue(buffer.text.contains("line 1-"), buffer.text)
        }
    }

    func testASearchJumpsToItsMatchesAndTheStatusCountsThem() throws {
        for size in Fixture.sizes {
            // Given the lesson, searched for "flag" and stepped to the next match
            var state = try lesson(size)
            for key in [Key.character("/")] + "flag".map(Key.character) + [.enter, .character("n")] {
                XCTAssertEqual(LessonScreen.update(&state, .keyPressed(key)), [])
            }
            // Then the second match is current and on the page
            XCTAssertEqual(state.text.currentMatch, 1)
            let match = state.text.matches[1]
            XCTAssertTrue(state.text.visibleLines.contains(match.line))
            let buffer = assertSnapshot(state, named: "lesson-search-\(size)")
            XCTAssertTrue(buffer.text.contains("2 of \(state.text.matches.count) matches"), buffer.text)
        }
    }

    func testTheEndOfTheLessonShowsTheNextLessonUnderTheGivenMarking() throws {
        for size in Fixture.sizes {
            var state = try lesson(size, marking: .cui)
            XCTAssertEqual(LessonScreen.update(&state, .keyPressed(.end)), [])
            let buffer = assertSnapshot(state, named: "lesson-end-\(size)")
            XCTAssertTrue(buffer.line(0).contains("CUI"))
            XCTAssertTrue(buffer.text.contains("Next: queues and gold items (02-queues.md)."), buffer.text)
            XCTAssertTrue(buffer.text.contains("line \(state.text.lines.count - state.text.pageHeight + 1)-\(state.text.lines.count) of \(state.text.lines.count)"))
        }
    }

    func testStylesShowHeadingsCodeQuotesAndTheMatchesOfASearch() throws {
        // Given the lesson at 80x24 searched for "the task"
        var state = try lesson(Size(width: 80, height: 24))
        for key in [Key.character("/")] + "the task".map(Key.character) + [.enter] { _ = LessonScreen.update(&state, .keyPressed(key)) }
        // When drawn, the styled snapshot records each run's colours and attributes
        let buffer = Fixture.render(state.size) { LessonScreen.render(state, into: &$0) }
        let mismatch = TextSnapshot.mismatch(TextSnapshot.styledText(of: buffer), named: "lesson-search-styles-80x24", testFile: #filePath)
        XCTAssertNil(mismatch, mismatch ?? "")
        // The current match is drawn in its own style, the others reversed
        let cells = (0..<buffer.height).flatMap { y in (0..<buffer.width).map { buffer[$0, y] } }
        XCTAssertTrue(cells.contains { $0.style == PagedText.currentMatchStyle })
        XCTAssertTrue(cells.contains { $0.style == PagedText.matchStyle })
    }

    func testTypingASearchShowsThePromptAndTheCursor() throws {
        var state = try lesson(Size(width: 80, height: 24))
        for key: Key in [.character("/"), .character("u"), .character("n")] {
            XCTAssertEqual(LessonScreen.update(&state, .keyPressed(key)), [])
        }
        let buffer = Fixture.render(state.size) { LessonScreen.render(state, into: &$0) }
        // The prompt is on the status row, above the hints, with the cursor after it
        XCTAssertEqual(buffer.line(21), " /un" + String(repeating: " ", count: 76))
        XCTAssertEqual(buffer.cursor, Point(x: 4, y: 21))
    }

    // MARK: - Keys

    func testQAndEscGoBack() throws {
        var state = try lesson(Size(width: 80, height: 24))
        XCTAssertEqual(LessonScreen.update(&state, .keyPressed(.character("q"))), [.back])
        XCTAssertEqual(LessonScreen.update(&state, .keyPressed(.escape)), [.back])
    }

    func testWhileASearchIsTypedQAndEscAreTheSearchs() throws {
        // Given a search being typed
        var state = try lesson(Size(width: 80, height: 24))
        XCTAssertEqual(LessonScreen.update(&state, .keyPressed(.character("/"))), [])
        // Then q is a letter of it, and Esc ends it without leaving
        XCTAssertEqual(LessonScreen.update(&state, .keyPressed(.character("q"))), [])
        XCTAssertEqual(state.text.draft, "q")
        XCTAssertEqual(LessonScreen.update(&state, .keyPressed(.escape)), [])
        XCTAssertNil(state.text.draft)
        // And with a search made, the first Esc clears it and the second goes back
        for key in [Key.character("/")] + "undo".map(Key.character) + [.enter] { _ = LessonScreen.update(&state, .keyPressed(key)) }
        XCTAssertFalse(state.text.matches.isEmpty)
        XCTAssertEqual(LessonScreen.update(&state, .keyPressed(.escape)), [])
        XCTAssertTrue(state.text.matches.isEmpty)
        XCTAssertEqual(LessonScreen.update(&state, .keyPressed(.escape)), [.back])
    }

    func testMovementKeysScrollAndDoNothingElse() throws {
        var state = try lesson(Size(width: 80, height: 24))
        let page = state.text.pageHeight
        let last = state.text.maximumScroll
        XCTAssertGreaterThan(last, page, "the lesson is longer than two pages at 80x24")
        let steps: [(Key, Int)] = [
            (.pageDown, page), (.character(" "), 2 * page), (.pageUp, page), (.character("b"), 0),
            (.down, 1), (.character("j"), 2), (.up, 1), (.character("k"), 0), (.up, 0),
            (.end, last), (.down, last), (.home, 0), (.character("G"), last), (.character("g"), 0),
        ]
        for (key, scroll) in steps {
            XCTAssertEqual(LessonScreen.update(&state, .keyPressed(key)), [], "\(key)")
            XCTAssertEqual(state.text.scroll, scroll, "\(key)")
        }
        // n and N without a search, and keys the screen does not use, change nothing
        for key: Key in [.character("n"), .character("N"), .character("x"), .enter, .tab, .function(5)] {
            XCTAssertEqual(LessonScreen.update(&state, .keyPressed(key)), [], "\(key)")
            XCTAssertEqual(state.text.scroll, 0, "\(key)")
        }
    }

    func testAResizeLaysTheLessonOutAgainAndKeepsTheSearch() throws {
        // Given the lesson at 120x40 searched for "skip"
        var state = try lesson(Size(width: 120, height: 40))
        for key in [Key.character("/")] + "skip".map(Key.character) + [.enter] { _ = LessonScreen.update(&state, .keyPressed(key)) }
        let wideLines = state.text.lines.count
        // When the terminal becomes 80x24
        XCTAssertEqual(LessonScreen.update(&state, .resized(Size(width: 80, height: 24))), [])
        // Then the lines are narrower and more, the page shorter, and the search found again
        XCTAssertGreaterThan(state.text.lines.count, wideLines)
        XCTAssertTrue(state.text.lines.allSatisfy { $0.width <= 78 })
        XCTAssertEqual(state.text.pageHeight, 19)
        XCTAssertEqual(state.text.query, "skip")
        XCTAssertFalse(state.text.matches.isEmpty)
        XCTAssertNotNil(state.text.currentMatch)
    }

    /// Forty copies of the keys lesson, a rule between each: several thousand lines.
    private func longLesson() throws -> MarkdownDocument {
        let one = try String(contentsOf: Self.lessonURL, encoding: .utf8)
        return MarkdownParser.parse(Array(repeating: one, count: 40).joined(separator: "\n\n---\n\n"))
    }

    func testALongLessonOpensWithItsFirstPagesAndTheRestComesAsTheReaderPages() throws {
        for size in Fixture.sizes {
            // Given a lesson thousands of lines long, and the whole of it laid out at once
            let document = try longLesson()
            let whole = LessonLayout.layout(document, width: LessonScreen.textWidth(for: size)).lines
            // When opened
            var state = LessonScreen.State(title: "long", document: document, size: size)
            // Then only its first pages are laid out, exactly as the whole layout begins,
            // and the status guesses the length
            let opened = state.text.lines.count
            XCTAssertGreaterThanOrEqual(opened, 2 * state.text.pageHeight)
            XCTAssertLessThan(opened, whole.count / 10)
            XCTAssertEqual(state.text.lines, Array(whole.prefix(opened)))
            let guess = try XCTUnwrap(state.text.expectedLineCount)
            XCTAssertLessThan(abs(guess - whole.count), whole.count / 4, "guessed \(guess) of \(whole.count)")
            XCTAssertTrue(state.text.status.contains("of about"), state.text.status)
            // When paged down twenty times; then each page drawn is the whole layout's
            for _ in 0..<20 {
                _ = LessonScreen.update(&state, .keyPressed(.pageDown))
                let shown = state.text.visibleLines
                XCTAssertEqual(shown.count, state.text.pageHeight)
                XCTAssertEqual(Array(state.text.lines[shown]), Array(whole[shown]))
            }
            XCTAssertEqual(state.text.scroll, 20 * state.text.pageHeight)
            // When End is pressed; then it is all laid out and the status counts it
            _ = LessonScreen.update(&state, .keyPressed(.end))
            XCTAssertEqual(state.text.lines, whole)
            XCTAssertNil(state.text.expectedLineCount)
            XCTAssertTrue(state.text.status.hasSuffix("of \(whole.count)"), state.text.status)
        }
    }

    func testASearchOnALongLessonFindsMatchesPastWhatWasLaidOut() throws {
        // Given the long lesson just opened
        let size = Size(width: 80, height: 24)
        let document = try longLesson()
        let whole = LessonLayout.layout(document, width: LessonScreen.textWidth(for: size)).lines
        var state = LessonScreen.State(title: "long", document: document, size: size)
        // When searched for "flag" and stepped back past the first match
        for key in [Key.character("/")] + "flag".map(Key.character) + [.enter, .character("N")] { _ = LessonScreen.update(&state, .keyPressed(key)) }
        // Then every match in the whole lesson is found, and N went round to the last one, near the end
        XCTAssertEqual(state.text.matches, PagedText.find("flag", in: whole))
        XCTAssertEqual(state.text.currentMatch, state.text.matches.count - 1)
        XCTAssertGreaterThan(state.text.scroll, whole.count - 100)
        // And a resize keeps it all laid out, the search found again at the new width
        _ = LessonScreen.update(&state, .resized(Size(width: 120, height: 40)))
        XCTAssertNil(state.text.expectedLineCount)
        XCTAssertEqual(state.text.matches.count, PagedText.find("flag", in: LessonLayout.layout(document, width: 118).lines).count)
    }

    func testALessonOpenedAsksForEveryPictureEvenBeyondWhatIsLaidOut() {
        // Given a long lesson whose second picture comes after hundreds of paragraphs
        let filler = (1...400).map { "Paragraph \($0) says something about labeling." }.joined(separator: "\n\n")
        let markdown = "# Pictures\n\n![first](images/a.png)\n\n\(filler)\n\n- ![nested](images/b.png)\n\n![again](images/a.png)"
        var state = LessonScreen.State(title: "Pictures", document: MarkdownParser.parse(markdown), size: Size(width: 80, height: 24))
        XCTAssertFalse(state.layout.isComplete)
        // When the screen starts; then both files are asked for, each once
        let cells = Size(width: 78, height: 17)
        XCTAssertEqual(LessonScreen.start(&state), [.loadPicture(source: "images/a.png", cells: cells), .loadPicture(source: "images/b.png", cells: cells)])
    }
}

/// The Markdown-to-lines mapping, one construct at a time, on documents cmark-gfm parsed.
final class LessonLayoutTests: XCTestCase {
    private func lines(_ markdown: String, width: Int) -> [String] {
        LessonLayout.layout(MarkdownParser.parse(markdown), width: width).lines.map(\.text)
    }

    func testHeadingsShowTheirLevelAndAreBold() {
        let layout = LessonLayout.layout(MarkdownParser.parse("# One\n\n### Three *it*"), width: 40)
        XCTAssertEqual(layout.lines.map(\.text), ["# One", "", "### Three it"])
        XCTAssertEqual(layout.lines[0].runs.last, StyledRun("One", style: Style(attributes: [.bold, .underline])))
        XCTAssertEqual(layout.lines[2].runs.last, StyledRun("it", style: Style(attributes: [.bold, .underline])))
        XCTAssertEqual(layout.lines[2].runs[1], StyledRun("Three ", style: .bold))
    }

    func testNestedListsHangTheirTextUnderItself() {
        let markdown = "1. first item that wraps\n   - inner one that wraps too\n2. second\n"
        XCTAssertEqual(lines(markdown, width: 16), [
            "1. first item",
            "   that wraps",
            "   • inner one",
            "     that wraps",
            "     too",
            "2. second",
        ])
    }

    func testTenItemsAlignTheirNumbersAndALooseListKeepsItsBlankLines() {
        let ten = (1...10).map { "\($0). x" }.joined(separator: "\n")
        XCTAssertEqual(lines(ten, width: 20).first, " 1. x")
        XCTAssertEqual(lines(ten, width: 20).last, "10. x")
        XCTAssertEqual(lines("- a\n\n- b", width: 20), ["• a", "", "• b"])
    }

    func testQuotesCodeBlocksAndRules() {
        let markdown = "> quoted text\n> > inside\n\n```sh\nlabeldesk course lint Training/labeldesk-basics\n\tindented\n```\n\n---"
        XCTAssertEqual(lines(markdown, width: 30), [
            "│ quoted text",
            "│ ",
            "│ │ inside",
            "",
            "┃ sh",
            "┃ labeldesk course lint Train…",
            "┃     indented",
            "",
            String(repeating: "─", count: 30),
        ])
    }

    func testLinksShowWhereTheyGoUnlessTheirTextSaysItAndImagesNameTheirFile() {
        let markdown = "See [the handbook](https://h.example/s), <https://h.example/a> and www.h.example.\n\n![A harbour chip](images/harbour.png)\n\nInline ![box](b.png) too."
        let layout = LessonLayout.layout(MarkdownParser.parse(markdown), width: 80)
        XCTAssertEqual(layout.lines.map(\.text), [
            "See the handbook (https://h.example/s), https://h.example/a and www.h.example.",
            "",
            "[image: A harbour chip — images/harbour.png]",
            "",
            "Inline [image: box — b.png] too.",
        ])
        XCTAssertEqual(layout.images, [LessonLayout.Result.Image(line: 2, source: "images/harbour.png", alt: "A harbour chip")])
        XCTAssertEqual(layout.lines[0].runs[1], StyledRun("the handbook", style: .underline))
    }

    func testEmphasisStrongCodeAndStrikethroughHaveTheirStyles() {
        let runs = LessonLayout.layout(MarkdownParser.parse("*e* **s** `c` ~~x~~"), width: 40).lines[0].runs
        XCTAssertEqual(runs, [
            StyledRun("e", style: .underline), StyledRun(" "), StyledRun("s", style: .bold), StyledRun(" "),
            StyledRun("c", style: LessonLayout.codeStyle), StyledRun(" "), StyledRun("~x~", style: .dim),
        ])
    }

    func testATableFitsItsColumnsToTheWidthAndCutsCells() {
        let markdown = "| Key | What it does | Right |\n|:--|:--|--:|\n| `s` | skip the task, with a reason | 12 |\n| 東京 | flag | 3 |"
        // Wide enough: each column as wide as its widest cell, the right one aligned right
        XCTAssertEqual(lines(markdown, width: 60), [
            "┌──────┬──────────────────────────────┬───────┐",
            "│ Key  │ What it does                 │ Right │",
            "├──────┼──────────────────────────────┼───────┤",
            "│ s    │ skip the task, with a reason │    12 │",
            "│ 東京 │ flag                         │     3 │",
            "└──────┴──────────────────────────────┴───────┘",
        ])
        // Too narrow: the widest column gives way and its cells are cut with …
        let narrow = lines(markdown, width: 30)
        XCTAssertEqual(narrow, [
            "┌──────┬─────────────┬───────┐",
            "│ Key  │ What it do… │ Right │",
            "├──────┼─────────────┼───────┤",
            "│ s    │ skip the t… │    12 │",
            "│ 東京 │ flag        │     3 │",
            "└──────┴─────────────┴───────┘",
        ])
        XCTAssertTrue(LessonLayout.layout(MarkdownParser.parse(markdown), width: 30).lines.allSatisfy { $0.width <= 30 })
    }

    func testHTMLShowsAsWritten() {
        XCTAssertEqual(lines("<div>\n<b>bold?</b>\n</div>", width: 40), ["<div>", "<b>bold?</b>", "</div>"])
    }
}
