import Curriculum
import Foundation
import Testing

/// Markdown through the real cmark-gfm: small cases one construct at a time, and the
/// "LabelDesk basics" keys lesson as it ships.
@Suite("Markdown parsing")
struct MarkdownParserTests {
    private func blocks(_ markdown: String) -> [MarkdownBlock] {
        MarkdownParser.parse(markdown).blocks
    }

    private func paragraph(_ text: String) -> MarkdownBlock { .paragraph([.text(text)]) }

    @Test func nestedListsKeepTheirItemsTightnessAndNumbers() {
        // Given a bullet list with a list inside its first item, and a numbered list from 3
        let markdown = "- one\n  - one a\n  - one b\n- two\n\n3. three\n4. four\n"
        // When parsed
        let parsed = blocks(markdown)
        // Then the inner list belongs to the first item, and the numbered list starts at 3
        let inner = MarkdownList(isOrdered: false, items: [[paragraph("one a")], [paragraph("one b")]], isTight: true)
        #expect(parsed == [
            .list(MarkdownList(isOrdered: false, items: [[paragraph("one"), .list(inner)], [paragraph("two")]], isTight: true)),
            .list(MarkdownList(isOrdered: true, start: 3, items: [[paragraph("three")], [paragraph("four")]], isTight: true)),
        ])
    }

    @Test func aListWithBlankLinesBetweenItemsIsLoose() {
        #expect(blocks("- a\n\n- b") == [.list(MarkdownList(isOrdered: false, items: [[paragraph("a")], [paragraph("b")]], isTight: false))])
    }

    @Test func aTableKeepsItsAlignmentsAndPadsShortRows() {
        // Given a table with no, left, centre and right alignment, and a row of one cell
        let markdown = """
            | Plain | Left | Centre | Right |
            |-------|:-----|:------:|------:|
            | a | *b* | `c` | 4 |
            | only |
            """
        // When parsed
        guard case .table(let table)? = blocks(markdown).first else {
            Issue.record("no table in \(blocks(markdown))")
            return
        }
        // Then the alignments are as marked, and the short row has four cells, three empty
        #expect(table.alignments == [.none, .left, .center, .right])
        #expect(table.header == [[.text("Plain")], [.text("Left")], [.text("Centre")], [.text("Right")]])
        #expect(table.rows == [
            [[.text("a")], [.emphasis([.text("b")])], [.code("c")], [.text("4")]],
            [[.text("only")], [], [], []],
        ])
    }

    @Test func emphasisInsideALinkStaysInsideIt() {
        let parsed = blocks("Read [the *very* **important** page](https://example.org/p \"title\").")
        #expect(parsed == [.paragraph([
            .text("Read "),
            .link([.text("the "), .emphasis([.text("very")]), .text(" "), .strong([.text("important")]), .text(" page")], url: "https://example.org/p"),
            .text("."),
        ])])
    }

    @Test func htmlIsShownAsItsTextNeverInterpreted() {
        // Given an HTML block (a div, with a script inside) and inline HTML in a sentence
        let markdown = "<div class=\"note\">\n<script>alert(1)</script>\n</div>\n\nPress <kbd>q</kbd> to go back."
        // When parsed
        let parsed = blocks(markdown)
        // Then the block is a paragraph of its lines as written, and the inline tags are text
        #expect(parsed == [
            .paragraph([.text("<div class=\"note\">"), .lineBreak, .text("<script>alert(1)</script>"), .lineBreak, .text("</div>")]),
            .paragraph([.text("Press <kbd>q</kbd> to go back.")]),
        ])
    }

    @Test func anImageAloneInItsParagraphIsABlockAndOneInASentenceIsNot() {
        let parsed = blocks("![The harbour at low tide](images/harbour.png)\n\nSee ![a box](images/box.png) here.")
        #expect(parsed == [
            .image(source: "images/harbour.png", alt: "The harbour at low tide"),
            .paragraph([.text("See "), .image(alt: "a box", url: "images/box.png"), .text(" here.")]),
        ])
    }

    @Test func codeBreaksStrikethroughAndAutolinks() {
        // Given a fenced block with an info string, an indented block, a hard and a soft
        // break, GitHub's strikethrough and a bare www address
        let markdown = "```swift\nlet x = 1\n\nprint(x)\n```\n\n    indented\n\nhard  \nbreak\nsoft ~~old~~ see www.example.com now\n\n***"
        // When parsed
        let parsed = blocks(markdown)
        // Then each is what cmark-gfm makes of it
        #expect(parsed == [
            .codeBlock(info: "swift", text: "let x = 1\n\nprint(x)"),
            .codeBlock(info: "", text: "indented"),
            .paragraph([
                .text("hard"), .lineBreak, .text("break"), .softBreak, .text("soft "), .strikethrough([.text("old")]),
                .text(" see "), .link([.text("www.example.com")], url: "http://www.example.com"), .text(" now"),
            ]),
            .thematicBreak,
        ])
    }

    @Test func headingsBlockQuotesAndNothingAtAll() {
        #expect(blocks("") == [])
        #expect(blocks("   \n\n") == [])
        #expect(blocks("Title\n=====\n\n### Three\n\n> quoted\n> > twice") == [
            .heading(level: 1, [.text("Title")]),
            .heading(level: 3, [.text("Three")]),
            .blockQuote([paragraph("quoted"), .blockQuote([paragraph("twice")])]),
        ])
    }

    @Test func deepNestingDoesNotExhaustTheStack() {
        // Given a quote nested far deeper than any lesson would
        let markdown = String(repeating: "> ", count: 1000) + "deep"
        // When parsed
        var block = blocks(markdown).first
        var depth = 0
        while case .blockQuote(let inner)? = block {
            depth += 1
            block = inner.first
        }
        // Then every level is there and the text at the bottom
        #expect(depth == 1000)
        #expect(block == paragraph("deep"))
    }

    @Test func parsesOnManyThreadsAtOnceAgree() async {
        // Given the same text parsed on several tasks at once, each registering the extensions
        let markdown = "| a | b |\n|---|---|\n| 1 | ~~2~~ |"
        let results = await withTaskGroup(of: MarkdownDocument.self) { group in
            // Many, so parses overlap often enough to show a race on cmark-gfm's globals.
            for _ in 0..<200 { group.addTask { MarkdownParser.parse(markdown) } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        // Then every parse found the table
        #expect(results.count == 200)
        #expect(Set(results.map { "\($0)" }).count == 1)
        guard case .table? = results.first?.blocks.first else {
            Issue.record("no table: \(results.first as Any)")
            return
        }
    }
}
