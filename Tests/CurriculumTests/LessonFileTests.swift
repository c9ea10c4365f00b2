import Curriculum
import Domain
import Foundation
import Testing

/// The first lesson of "LabelDesk basics", parsed from `Training/` as it ships.
@Suite("The keys lesson")
struct LessonFileTests {
    static let lessonURL = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Training/labeldesk-basics/lessons/01-keys.md")

    private func lesson() throws -> MarkdownDocument {
        MarkdownParser.parse(try String(contentsOf: Self.lessonURL, encoding: .utf8))
    }

    private func paragraph(_ text: String) -> MarkdownBlock { .paragraph([.text(text)]) }

    @Test func theLessonIsHeadingsParagraphsATableListsAQuoteAndLinks() throws {
        // Given the lesson file; when parsed
        let blocks = try lesson().blocks
        // Then its blocks come in the order written
        let outline = blocks.map { block -> String in
            switch block {
            case .heading(let level, _): "h\(level)"
            case .paragraph: "p"
            case .list(let list): list.isOrdered ? "ol" : "ul"
            case .blockQuote: "quote"
            case .codeBlock: "code"
            case .thematicBreak: "hr"
            case .table: "table"
            case .image: "image"
            }
        }
        #expect(outline == ["h1", "p", "h2", "p", "table", "h2", "p", "ol", "p", "h3", "p", "h2", "quote", "ul", "p", "hr", "p"])
        #expect(try lesson().title == "The keys of LabelDesk")
    }

    @Test func theIntroductionHasStrongEmphasisAndACodeSpan() throws {
        let blocks = try lesson().blocks
        #expect(blocks[1] == .paragraph([
            .text("LabelDesk is worked from the keyboard. This lesson covers the "), .strong([.text("home screen")]), .text(", the"), .softBreak,
            .strong([.text("task screen")]), .text(" every kind of task shares, and the "), .emphasis([.text("security rules")]),
            .text(" of a terminal that"), .softBreak,
            .text("holds classified work. Press "), .code("?"), .text(" on any screen to see its keys."),
        ]))
    }

    @Test func theTableOfHomeKeysIsTheHomeScreensKeys() throws {
        // Given the table under "The home screen"
        guard case .table(let table) = try lesson().blocks[4] else {
            Issue.record("block 4 is not a table")
            return
        }
        // Then it has two left-aligned columns and a row per key of the home screen
        #expect(table.alignments == [.left, .left])
        #expect(table.header == [[.text("Key")], [.text("What it does")]])
        #expect(table.rows.count == 7)
        #expect(table.rows[0] == [[.code("↑"), .text(" "), .code("↓"), .text(" or "), .code("j"), .text(" "), .code("k")], [.text("choose a queue")]])
        #expect(table.rows[2] == [[.code("Enter")], [.text("start labeling the chosen queue")]])
        #expect(table.rows.map { MarkdownInline.plainText(of: $0[1]) } == [
            "choose a queue", "jump in the list", "start labeling the chosen queue", "refresh the queues",
            "show the keys of this screen", "log out", "quit LabelDesk",
        ])
    }

    @Test func theTaskKeysAreANumberedListWithTheSkipReasonsNestedInside() throws {
        guard case .list(let list) = try lesson().blocks[7] else {
            Issue.record("block 7 is not a list")
            return
        }
        #expect(list.isOrdered && list.start == 1 && list.isTight)
        #expect(list.items.count == 5)
        #expect(list.items[0] == [.paragraph([.code("Enter"), .text(" submits your answer and brings the next task.")])])
        // The skip item holds its sentence and a bullet list of reasons
        #expect(list.items[1] == [
            .paragraph([.code("s"), .text(" skips the task. You choose a reason from the project's list, for example:")]),
            .list(MarkdownList(isOrdered: false, items: [
                [paragraph("Unclear or ambiguous,")],
                [paragraph("Not in the language I label,")],
                [paragraph("Text is broken or empty.")],
            ], isTight: true)),
        ])
        // And the reasons it names are the ones the product offers, in its order
        guard case .list(let reasons)? = list.items[1].last else {
            Issue.record("the skip item holds no list")
            return
        }
        #expect(reasons.items.map { item -> String in
            guard case .paragraph(let inlines)? = item.first else { return "?" }
            return String(MarkdownInline.plainText(of: inlines).dropLast())
        } == Array(Project.standardSkipReasons.prefix(3)))
        #expect(list.items.map { item -> String in
            guard case .paragraph(let inlines)? = item.first, case .code(let key)? = inlines.first else { return "?" }
            return key
        } == ["Enter", "s", "f", "u", "q"])
    }

    @Test func theSecurityRulesAreAQuoteAndABulletListAndTheFullRulesALinkToLessonThree() throws {
        let blocks = try lesson().blocks
        #expect(blocks[11] == .heading(level: 2, [.text("Security rules")]))
        #expect(blocks[12] == .blockQuote([.paragraph([
            .text("The banner on the top and bottom line of every screen shows the "), .strong([.text("highest marking")]), .softBreak,
            .text("of what is on the screen. Read it before you read the task."),
        ])]))
        guard case .list(let rules) = blocks[13] else {
            Issue.record("block 13 is not a list")
            return
        }
        #expect(!rules.isOrdered && rules.isTight && rules.items.count == 4)
        #expect(rules.items[0].first.map { block -> Bool in
            guard case .paragraph(let inlines) = block else { return false }
            return inlines.first == .strong([.text("Never copy text off the station.")])
        } == true)
        guard case .paragraph(let handbook) = blocks[14] else {
            Issue.record("block 14 is not a paragraph")
            return
        }
        #expect(handbook.last == .text("."))
        #expect(handbook.dropLast().last == .link([.text("the classified terminal")], url: "03-security.md"))
        #expect(blocks[16] == .paragraph([.text("Next: "), .link([.text("queues and gold items")], url: "02-queues.md"), .text(".")]))
    }
}
