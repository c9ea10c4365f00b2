/// A lesson's Markdown as values: the blocks and inlines cmark-gfm found, nothing of C left.
///
/// The model holds what a terminal can show and no more. Raw HTML is not a case of its
/// own: the parser keeps it as the text it was written as, so a lesson can never make
/// the station interpret markup. An image that is the whole of a paragraph is a block,
/// because a screen draws it on lines of its own; an image inside a sentence stays an
/// inline and is shown by its description.
public struct MarkdownDocument: Equatable, Sendable {
    public var blocks: [MarkdownBlock]

    public init(blocks: [MarkdownBlock]) {
        self.blocks = blocks
    }

    /// The first heading's text, if the document has one: a lesson's title by default.
    public var title: String? {
        for block in blocks {
            if case .heading(_, let inlines) = block { return MarkdownInline.plainText(of: inlines) }
        }
        return nil
    }
}

/// One block of a Markdown document.
public indirect enum MarkdownBlock: Equatable, Sendable {
    /// A heading, level 1 to 6.
    case heading(level: Int, [MarkdownInline])
    case paragraph([MarkdownInline])
    case list(MarkdownList)
    case blockQuote([MarkdownBlock])
    /// A fenced or indented code block: its info string ("" when none) and its text
    /// without the final line break.
    case codeBlock(info: String, text: String)
    case thematicBreak
    case table(MarkdownTable)
    /// An image standing alone in its paragraph: where the file is, and its description.
    case image(source: String, alt: String)
}

/// A bullet or numbered list.
public struct MarkdownList: Equatable, Sendable {
    public var isOrdered: Bool
    /// The first item's number; 1 for a bullet list.
    public var start: Int
    /// Each item's blocks.
    public var items: [[MarkdownBlock]]
    /// A tight list has no blank lines between its items, and is drawn without them.
    public var isTight: Bool

    public init(isOrdered: Bool, start: Int = 1, items: [[MarkdownBlock]], isTight: Bool) {
        self.isOrdered = isOrdered
        self.start = start
        self.items = items
        self.isTight = isTight
    }
}

/// A GitHub table: a header row, an alignment per column, and the body rows.
///
/// Every row has one cell per column: cmark-gfm pads short rows and drops the cells of
/// long ones, and the parser keeps what it made.
public struct MarkdownTable: Equatable, Sendable {
    public enum Alignment: Equatable, Sendable {
        case none, left, center, right
    }

    public var header: [[MarkdownInline]]
    public var alignments: [Alignment]
    public var rows: [[[MarkdownInline]]]

    public init(header: [[MarkdownInline]], alignments: [Alignment], rows: [[[MarkdownInline]]]) {
        self.header = header
        self.alignments = alignments
        self.rows = rows
    }
}

/// A piece of text inside a block.
public indirect enum MarkdownInline: Equatable, Sendable {
    /// Plain text; neighbouring pieces of text are joined into one.
    case text(String)
    case emphasis([MarkdownInline])
    case strong([MarkdownInline])
    case code(String)
    case link([MarkdownInline], url: String)
    case image(alt: String, url: String)
    /// A line break in the source that is not a hard break: a space when shown.
    case softBreak
    /// A hard line break (two spaces or a backslash at the end of a line).
    case lineBreak
    case strikethrough([MarkdownInline])

    /// Inlines as the words a person reads: no styles, a soft break as a space, a hard one
    /// as a line break, an image as its description.
    public static func plainText(of inlines: [MarkdownInline]) -> String {
        var text = ""
        for inline in inlines {
            switch inline {
            case .text(let words), .code(let words): text += words
            case .emphasis(let children), .strong(let children), .strikethrough(let children), .link(let children, _):
                text += plainText(of: children)
            case .image(let alt, _): text += alt
            case .softBreak: text += " "
            case .lineBreak: text += "\n"
            }
        }
        return text
    }
}
