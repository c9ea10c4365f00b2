import Curriculum
import TerminalCore
import Widgets

/// A lesson's Markdown laid out as styled lines at a width, for `PagedText` to page.
///
/// Each block is laid out on its own at the width it has, then its container puts its
/// marks before every line: a quote its "│ ", a list item its bullet or number on the
/// first line and spaces as wide on the rest, so nesting is prefixes added up. Blocks
/// are one blank line apart, except the items of a tight list and the paragraphs in them.
/// The terminal has no italic everywhere, so emphasis is underlined; strikethrough is
/// dim between tildes, for the same reason.
public enum LessonLayout {
    /// The laid-out lesson, and where its images stand.
    public struct Result: Equatable, Sendable {
        public var lines: [StyledLine]
        /// Each image block's placeholder line and the file it names, for a screen that
        /// draws the image itself with the imagery renderer.
        public var images: [Image]

        public struct Image: Equatable, Sendable {
            public var line: Int
            public var source: String
            public var alt: String

            public init(line: Int, source: String, alt: String) {
                self.line = line
                self.source = source
                self.alt = alt
            }
        }
    }

    public static let headingMarkStyle = Style(foreground: .cyan, attributes: .bold)
    public static let codeStyle = Style(foreground: .cyan)
    public static let ruleStyle = Style.dim
    public static let linkTargetStyle = Style.dim
    public static let imageStyle = Style(foreground: .magenta)

    /// The whole lesson laid out at `width`.
    public static func layout(_ document: MarkdownDocument, width: Int) -> Result {
        var progress = Progress(document, width: width)
        progress.complete()
        return Result(lines: progress.lines, images: progress.images)
    }

    /// A lesson laid out one top-level block at a time, as far as the reader has gone.
    ///
    /// Wrapping costs microseconds a line, so a lesson of thousands of lines laid out whole
    /// would take tens of milliseconds to open, while a reader sees one page. The screen
    /// lays out what the page and the next need, and the rest when something needs all of
    /// it (a search, End). Blocks come out exactly as `layout` makes them: the same lines,
    /// the same image places.
    public struct Progress: Equatable, Sendable {
        public let width: Int
        public private(set) var lines: [StyledLine] = []
        public private(set) var images: [Result.Image] = []
        /// The top-level blocks laid out so far.
        public private(set) var blocksDone = 0
        private let blocks: [MarkdownBlock]
        /// How much text each block holds, for guessing the lines still to come.
        private let weights: [Int]
        private let totalWeight: Int
        private var weightDone = 0

        public init(_ document: MarkdownDocument, width: Int) {
            self.width = max(1, width)
            blocks = document.blocks
            weights = document.blocks.map(LessonLayout.weight(of:))
            totalWeight = weights.reduce(0, +)
        }

        public var isComplete: Bool { blocksDone == blocks.count }

        /// Lays out blocks until there are at least `count` lines or none are left.
        public mutating func extend(toAtLeast count: Int) {
            while !isComplete, lines.count < count {
                if blocksDone > 0 { lines.append(.blank) }
                lines += LessonLayout.block(blocks[blocksDone], width: width, tight: false, images: &images, firstLine: lines.count)
                weightDone += weights[blocksDone]
                blocksDone += 1
            }
        }

        public mutating func complete() { extend(toAtLeast: .max) }

        /// The text not yet laid out, in `weight` units (about characters).
        public var remainingWeight: Int { totalWeight - weightDone }

        /// Lines the whole lesson will have: exact once complete, until then the lines so
        /// far scaled by the text still to lay out.
        public var expectedLineCount: Int {
            guard !isComplete else { return lines.count }
            guard weightDone > 0 else { return lines.count + (blocks.count - blocksDone) }
            return max(lines.count + 1, Int((Double(lines.count) * Double(totalWeight) / Double(weightDone)).rounded()))
        }
    }

    /// About how many characters a block shows, with one for its own line: cheap to count
    /// (no wrapping, no text joined), and close enough to share out the lines still to come.
    static func weight(of block: MarkdownBlock) -> Int {
        switch block {
        case .heading(_, let inlines), .paragraph(let inlines):
            return 1 + weight(of: inlines)
        case .list(let list):
            return list.items.reduce(1) { sum, item in sum + item.reduce(0) { $0 + weight(of: $1) } }
        case .blockQuote(let children):
            return children.reduce(1) { $0 + weight(of: $1) }
        case .codeBlock(_, let text):
            return 1 + text.utf8.count
        case .thematicBreak:
            return 1
        case .table(let table):
            return ([table.header] + table.rows).joined().reduce(1) { $0 + weight(of: $1) }
        case .image(let source, let alt):
            return 1 + source.utf8.count + alt.utf8.count
        }
    }

    static func weight(of inlines: [MarkdownInline]) -> Int {
        inlines.reduce(0) { sum, inline in
            switch inline {
            case .text(let text), .code(let text): sum + text.utf8.count
            case .emphasis(let children), .strong(let children), .strikethrough(let children), .link(let children, _): sum + weight(of: children)
            case .image(let alt, _): sum + alt.utf8.count
            case .softBreak, .lineBreak: sum + 1
            }
        }
    }

    /// Every image block's file, in the order the lesson shows them, nested ones too: what
    /// a screen asks pixels for before the lines holding them are laid out.
    public static func imageSources(of blocks: [MarkdownBlock]) -> [String] {
        blocks.flatMap { block -> [String] in
            switch block {
            case .image(let source, _): return [source]
            case .list(let list): return list.items.flatMap { imageSources(of: $0) }
            case .blockQuote(let children): return imageSources(of: children)
            default: return []
            }
        }
    }

    /// Blocks one under another, a blank line between them unless `tight`.
    ///
    /// `firstLine` is where the first of these lines lands in the whole lesson, so the
    /// images found inside can say which line holds them.
    static func blocks(_ blocks: [MarkdownBlock], width: Int, tight: Bool, images: inout [Result.Image], firstLine: Int) -> [StyledLine] {
        var lines: [StyledLine] = []
        for (index, block) in blocks.enumerated() {
            if index > 0, !tight { lines.append(.blank) }
            lines += self.block(block, width: width, tight: tight, images: &images, firstLine: firstLine + lines.count)
        }
        return lines
    }

    static func block(_ block: MarkdownBlock, width: Int, tight: Bool, images: inout [Result.Image], firstLine: Int) -> [StyledLine] {
        switch block {
        case .heading(let level, let inlines):
            var style = Style.bold
            if level <= 2 { style = style.with(.underline) }
            let mark = StyledRun(String(repeating: "#", count: max(1, level)) + " ", style: headingMarkStyle)
            let text = runs(inlines, style: style)
            return StyledLine.wrapping(text, width: width, firstPrefix: [mark], hangingPrefix: [StyledRun(String(repeating: " ", count: max(1, level) + 1))])
        case .paragraph(let inlines):
            return StyledLine.wrapping(runs(inlines, style: .plain), width: width)
        case .list(let list):
            return self.list(list, width: width, images: &images, firstLine: firstLine)
        case .blockQuote(let children):
            let inner = blocks(children, width: width - 2, tight: false, images: &images, firstLine: firstLine)
            return inner.map { $0.prefixed(by: [StyledRun("│ ", style: ruleStyle)]) }
        case .codeBlock(let info, let text):
            return codeBlock(info: info, text: text, width: width)
        case .thematicBreak:
            return [StyledLine(String(repeating: "─", count: width), style: ruleStyle)]
        case .table(let table):
            return tableLines(table, width: width)
        case .image(let source, let alt):
            images.append(Result.Image(line: firstLine, source: source, alt: alt))
            let description = alt.isEmpty ? "[image: \(source)]" : "[image: \(alt) — \(source)]"
            return StyledLine.wrapping([StyledRun(description, style: imageStyle)], width: width)
        }
    }

    static func list(_ list: MarkdownList, width: Int, images: inout [Result.Image], firstLine: Int) -> [StyledLine] {
        let lastNumber = list.start + max(0, list.items.count - 1)
        let markerWidth = list.isOrdered ? String(lastNumber).count + 2 : 2
        var lines: [StyledLine] = []
        for (index, item) in list.items.enumerated() {
            if index > 0, !list.isTight { lines.append(.blank) }
            let marker: String
            if list.isOrdered {
                let number = "\(list.start + index)."
                marker = String(repeating: " ", count: max(0, markerWidth - 1 - number.count)) + number + " "
            } else {
                marker = "• "
            }
            var inner = blocks(item, width: width - markerWidth, tight: list.isTight, images: &images, firstLine: firstLine + lines.count)
            if inner.isEmpty { inner = [.blank] }
            let hanging = StyledRun(String(repeating: " ", count: markerWidth))
            for (row, line) in inner.enumerated() {
                lines.append(line.prefixed(by: [row == 0 ? StyledRun(marker, style: .bold) : hanging]))
            }
        }
        return lines
    }

    /// A code block as written: not wrapped, each line after a rule, a line too wide cut
    /// with "…"; its language, when given, on a dim line above.
    static func codeBlock(info: String, text: String, width: Int) -> [StyledLine] {
        let rule = StyledRun("┃ ", style: ruleStyle)
        var lines: [StyledLine] = []
        let language = info.split(separator: " ").first.map(String.init) ?? ""
        if !language.isEmpty { lines.append(StyledLine([rule, StyledRun(language, style: .dim)]).truncated(to: width)) }
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            // A tab would draw as one space: four keep the code's indentation readable.
            let shown = line.map { $0 == "\t" ? "    " : String($0) }.joined()
            lines.append(StyledLine([rule, StyledRun(shown, style: codeStyle)]).truncated(to: width))
        }
        return lines
    }

    /// Inlines as styled runs; `style` is what the enclosing inlines have made so far.
    static func runs(_ inlines: [MarkdownInline], style: Style) -> [StyledRun] {
        var runs: [StyledRun] = []
        for inline in inlines {
            switch inline {
            case .text(let text): runs.append(StyledRun(text, style: style))
            case .emphasis(let children): runs += self.runs(children, style: style.with(.underline))
            case .strong(let children): runs += self.runs(children, style: style.with(.bold))
            case .strikethrough(let children):
                runs.append(StyledRun("~", style: style.with(.dim)))
                runs += self.runs(children, style: style.with(.dim))
                runs.append(StyledRun("~", style: style.with(.dim)))
            case .code(let code):
                var codeStyle = Self.codeStyle
                codeStyle.attributes.formUnion(style.attributes)
                runs.append(StyledRun(code, style: codeStyle))
            case .link(let children, let url):
                runs += self.runs(children, style: style.with(.underline))
                if !linkTextNamesTarget(MarkdownInline.plainText(of: children), url: url) {
                    runs.append(StyledRun(" (\(url))", style: linkTargetStyle))
                }
            case .image(let alt, let url):
                let description = alt.isEmpty ? "[image: \(url)]" : "[image: \(alt) — \(url)]"
                runs.append(StyledRun(description, style: imageStyle))
            case .softBreak: runs.append(StyledRun(" ", style: style))
            case .lineBreak: runs.append(StyledRun("\n", style: style))
            }
        }
        return runs
    }

    /// Whether a link's text already says where it goes: the URL itself, or what an
    /// autolink shows of it (an address without its "mailto:", a "www." one without "http://").
    static func linkTextNamesTarget(_ text: String, url: String) -> Bool {
        text == url || "mailto:" + text == url || "http://" + text == url || "https://" + text == url
    }
}
