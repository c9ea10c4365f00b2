import CCmark
import Foundation

/// Reads Markdown with cmark-gfm, the reference CommonMark parser, and GitHub's tables,
/// strikethrough and autolinks, into a `MarkdownDocument`.
///
/// Every text is Markdown of some kind, so parsing cannot fail: what is not markup is
/// text. The parser walks cmark's tree with its iterator, not by recursion, so a deeply
/// nested file cannot exhaust the stack; each container entered opens a frame that
/// collects its children, and leaving it turns the frame into a value for its parent.
/// Raw HTML, block or inline, becomes the text it was written as.
public enum MarkdownParser {
    /// The GitHub extensions lessons use. Footnotes and task lists are left out: a lesson
    /// has no use for them, and their syntax then reads as the text it is.
    static let extensionNames = ["table", "strikethrough", "autolink"]

    public static func parse(_ text: String) -> MarkdownDocument {
        _ = extensionsRegistered
        // One parse at a time in the process: cmark-gfm turns each attached extension's
        // characters (`~`, `|`) on in its one global table of special characters while it
        // parses inlines and off again at the end, so a parse beside another lost its
        // strikethrough now and then (the many-threads test saw it in a fresh clone).
        parsing.lock()
        defer { parsing.unlock() }
        guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else {
            fatalError("cmark_parser_new returned nil: cmark-gfm could not allocate a parser")
        }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            guard let syntax = cmark_find_syntax_extension(name) else {
                fatalError("cmark-gfm has no \(name) extension after registering its core extensions")
            }
            cmark_parser_attach_syntax_extension(parser, syntax)
        }
        var source = text
        source.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { cmark_parser_feed(parser, $0, bytes.count) }
        }
        guard let root = cmark_parser_finish(parser) else {
            fatalError("cmark_parser_finish returned nil: cmark-gfm could not allocate the document")
        }
        defer { cmark_node_free(root) }
        return MarkdownDocument(blocks: TreeWalk(root: root).blocks())
    }

    /// cmark-gfm's registration of its extensions sets a plain C flag; a Swift static is
    /// initialised once, under a lock, so parses on many threads register once.
    private static let extensionsRegistered: Void = cmark_gfm_core_extensions_ensure_registered()
    private static let parsing = NSLock()
}

/// One walk over a parsed tree. The tree belongs to the caller, who frees it.
private struct TreeWalk {
    let root: OpaquePointer

    /// What a container has collected of its children so far.
    private struct Frame {
        let node: OpaquePointer
        var blocks: [MarkdownBlock] = []
        var inlines: [MarkdownInline] = []
        var items: [[MarkdownBlock]] = []
        var cells: [[MarkdownInline]] = []
        var header: [[MarkdownInline]]?
        var rows: [[[MarkdownInline]]] = []
    }

    /// A finished node, as its parent takes it.
    private enum Built {
        case block(MarkdownBlock)
        case inline(MarkdownInline)
        case item([MarkdownBlock])
        case cell([MarkdownInline])
        case row(isHeader: Bool, [[MarkdownInline]])
        /// The content of a container this walk does not know, taken by its parent as its own.
        case blocks([MarkdownBlock])
        case inlines([MarkdownInline])
        case nothing
    }

    func blocks() -> [MarkdownBlock] {
        guard let iterator = cmark_iter_new(root) else {
            fatalError("cmark_iter_new returned nil: cmark-gfm could not allocate an iterator")
        }
        defer { cmark_iter_free(iterator) }
        var stack: [Frame] = []
        var result: [MarkdownBlock] = []
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            if event == CMARK_EVENT_ENTER {
                if Self.isLeaf(node) {
                    add(leaf(node), to: &stack)
                } else {
                    stack.append(Frame(node: node))
                }
            } else if event == CMARK_EVENT_EXIT {
                guard let frame = stack.popLast() else { continue }
                if frame.node == root {
                    result = frame.blocks
                } else {
                    add(finish(frame), to: &stack)
                }
            }
        }
        return result
    }

    /// Nodes the iterator enters and never exits.
    private static func isLeaf(_ node: OpaquePointer) -> Bool {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT, CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE,
             CMARK_NODE_CODE_BLOCK, CMARK_NODE_HTML_BLOCK, CMARK_NODE_THEMATIC_BREAK, CMARK_NODE_FOOTNOTE_REFERENCE:
            return true
        default:
            return false
        }
    }

    private func leaf(_ node: OpaquePointer) -> Built {
        let literal = Self.string(cmark_node_get_literal(node))
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT, CMARK_NODE_HTML_INLINE, CMARK_NODE_FOOTNOTE_REFERENCE:
            return .inline(.text(literal))
        case CMARK_NODE_SOFTBREAK: return .inline(.softBreak)
        case CMARK_NODE_LINEBREAK: return .inline(.lineBreak)
        case CMARK_NODE_CODE: return .inline(.code(literal))
        case CMARK_NODE_CODE_BLOCK:
            return .block(.codeBlock(info: Self.string(cmark_node_get_fence_info(node)), text: Self.droppingFinalNewline(literal)))
        case CMARK_NODE_HTML_BLOCK:
            // Shown as written, line for line, and never interpreted.
            let lines = Self.droppingFinalNewline(literal).split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            var inlines: [MarkdownInline] = []
            for (index, line) in lines.enumerated() {
                if index > 0 { inlines.append(.lineBreak) }
                if !line.isEmpty { inlines.append(.text(String(line))) }
            }
            return .block(.paragraph(inlines))
        case CMARK_NODE_THEMATIC_BREAK: return .block(.thematicBreak)
        default: return .nothing
        }
    }

    private func finish(_ frame: Frame) -> Built {
        let node = frame.node
        switch cmark_node_get_type(node) {
        case CMARK_NODE_PARAGRAPH:
            if frame.inlines.count == 1, case .image(let alt, let url) = frame.inlines[0] {
                return .block(.image(source: url, alt: alt))
            }
            return .block(.paragraph(frame.inlines))
        case CMARK_NODE_HEADING:
            return .block(.heading(level: Int(cmark_node_get_heading_level(node)), frame.inlines))
        case CMARK_NODE_BLOCK_QUOTE:
            return .block(.blockQuote(frame.blocks))
        case CMARK_NODE_LIST:
            let ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
            let list = MarkdownList(
                isOrdered: ordered, start: ordered ? Int(cmark_node_get_list_start(node)) : 1,
                items: frame.items, isTight: cmark_node_get_list_tight(node) != 0)
            return .block(.list(list))
        case CMARK_NODE_ITEM:
            return .item(frame.blocks)
        case CMARK_NODE_EMPH: return .inline(.emphasis(frame.inlines))
        case CMARK_NODE_STRONG: return .inline(.strong(frame.inlines))
        case CMARK_NODE_LINK: return .inline(.link(frame.inlines, url: Self.string(cmark_node_get_url(node))))
        case CMARK_NODE_IMAGE:
            return .inline(.image(alt: MarkdownInline.plainText(of: frame.inlines), url: Self.string(cmark_node_get_url(node))))
        default:
            break
        }
        // The extensions' nodes have types cmark numbers when it registers them; their
        // names are fixed.
        switch Self.string(cmark_node_get_type_string(node)) {
        case "table":
            let columns = Int(cmark_gfm_extensions_get_table_columns(node))
            var alignments: [MarkdownTable.Alignment] = []
            if let codes = cmark_gfm_extensions_get_table_alignments(node) {
                for column in 0..<columns {
                    switch UInt8(codes[column]) {
                    case UInt8(ascii: "l"): alignments.append(.left)
                    case UInt8(ascii: "c"): alignments.append(.center)
                    case UInt8(ascii: "r"): alignments.append(.right)
                    default: alignments.append(.none)
                    }
                }
            } else {
                alignments = Array(repeating: .none, count: columns)
            }
            return .block(.table(MarkdownTable(header: frame.header ?? [], alignments: alignments, rows: frame.rows)))
        case "table_header": return .row(isHeader: true, frame.cells)
        case "table_row": return .row(isHeader: false, frame.cells)
        case "table_cell": return .cell(frame.inlines)
        case "strikethrough": return .inline(.strikethrough(frame.inlines))
        default:
            // A container this walk does not know (a custom block or inline): its content still shows.
            return frame.blocks.isEmpty ? .inlines(frame.inlines) : .blocks(frame.blocks)
        }
    }

    private func add(_ built: Built, to stack: inout [Frame]) {
        guard !stack.isEmpty else { return }
        let top = stack.count - 1
        switch built {
        case .blocks(let blocks): stack[top].blocks += blocks
        case .inlines(let inlines): inlines.forEach { add(.inline($0), to: &stack) }
        case .block(let block): stack[top].blocks.append(block)
        case .inline(let inline):
            // cmark cuts text at every character that might have opened markup; joined
            // again here, a paragraph reads as one text between its styles.
            if case .text(let more) = inline, case .text(let before)? = stack[top].inlines.last {
                stack[top].inlines[stack[top].inlines.count - 1] = .text(before + more)
            } else {
                stack[top].inlines.append(inline)
            }
        case .item(let blocks): stack[top].items.append(blocks)
        case .cell(let inlines): stack[top].cells.append(inlines)
        case .row(let isHeader, let cells):
            if isHeader { stack[top].header = cells } else { stack[top].rows.append(cells) }
        case .nothing: break
        }
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer)
    }

    private static func droppingFinalNewline(_ text: String) -> String {
        text.last?.isNewline == true ? String(text.dropLast()) : text
    }
}
