import TerminalCore

/// A framed, word-wrapped text that scrolls on its own: one of several panes on a screen.
///
/// The owner keeps the scroll offset; `draw` clamps it, so an offset past the end shows
/// the last page rather than nothing. A "3-12 of 40 lines" mark sits in the bottom edge
/// when the text does not fit, so a labeler knows there is more to read.
public struct ScrollPane: Sendable {
    public var title: String?
    public var text: String
    /// Drawn instead of the text, dim, when the text is empty or only white space.
    public var emptyText: String
    /// The frame's style: the owner marks the focused pane with it.
    public var frameStyle: Style

    public init(title: String?, text: String, emptyText: String = "(empty)", frameStyle: Style = .plain) {
        self.title = title
        self.text = text
        self.emptyText = emptyText
        self.frameStyle = frameStyle
    }

    /// The wrapped lines at a pane of this outer width (frame and a column of padding each side).
    public func lines(outerWidth: Int) -> [String] {
        WrappedText.lines(text, width: max(1, outerWidth - 4))
    }

    /// The furthest the pane can scroll at this outer size.
    public func maximumScroll(in size: Size) -> Int {
        max(0, lines(outerWidth: size.width).count - max(1, size.height - 2))
    }

    /// Draws the pane; returns the scroll offset actually shown.
    @discardableResult
    public func draw(in rect: Rect, scroll: Int, into buffer: inout Buffer) -> Int {
        let inside = Frame(title: title, style: frameStyle).draw(in: rect, into: &buffer).inset(horizontal: 1, vertical: 0)
        guard inside.width > 0, inside.height > 0 else { return 0 }
        if text.allSatisfy(\.isWhitespace) {
            Label.draw(emptyText, in: inside, style: .dim, into: &buffer)
            return 0
        }
        let lines = WrappedText.lines(text, width: inside.width)
        let first = min(max(0, scroll), max(0, lines.count - inside.height))
        for (row, line) in lines.dropFirst(first).prefix(inside.height).enumerated() {
            buffer.write(line, x: inside.x, y: inside.y + row, limit: inside.maxX)
        }
        if lines.count > inside.height, rect.width > 8 {
            let more = "\(first + 1)-\(min(lines.count, first + inside.height)) of \(lines.count) lines"
            Label.draw(" " + more + " ", in: Rect(x: rect.x + 2, y: rect.maxY - 1, width: rect.width - 4, height: 1), alignment: .trailing, style: frameStyle.with(.dim), into: &buffer)
        }
        return first
    }
}
