import TerminalCore

/// A box drawn with Unicode lines, with an optional title in its top edge.
///
/// Unicode rather than the terminal's line-drawing set, which shows as letters under
/// some terminal settings.
public struct Frame: Sendable {
    public var title: String?
    public var style: Style

    public init(title: String? = nil, style: Style = .plain) {
        self.title = title
        self.style = style
    }

    /// Draws the box and returns the area inside it.
    @discardableResult
    public func draw(in rect: Rect, into buffer: inout Buffer) -> Rect {
        guard rect.width >= 2, rect.height >= 2 else { return Rect(x: rect.x, y: rect.y, width: 0, height: 0) }
        buffer.fill(rect, with: " ", style: .plain)
        for x in rect.x + 1..<rect.maxX - 1 {
            buffer.write("─", x: x, y: rect.y, style: style)
            buffer.write("─", x: x, y: rect.maxY - 1, style: style)
        }
        for y in rect.y + 1..<rect.maxY - 1 {
            buffer.write("│", x: rect.x, y: y, style: style)
            buffer.write("│", x: rect.maxX - 1, y: y, style: style)
        }
        buffer.write("┌", x: rect.x, y: rect.y, style: style)
        buffer.write("┐", x: rect.maxX - 1, y: rect.y, style: style)
        buffer.write("└", x: rect.x, y: rect.maxY - 1, style: style)
        buffer.write("┘", x: rect.maxX - 1, y: rect.maxY - 1, style: style)
        if let title, rect.width > 6 {
            let shown = " " + WrappedText.truncate(title, width: rect.width - 6) + " "
            buffer.write(shown, x: rect.x + 2, y: rect.y, style: style.with(.bold), limit: rect.maxX - 2)
        }
        return rect.inset(by: 1)
    }
}
