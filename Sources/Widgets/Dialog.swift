import TerminalCore

/// A framed box centred over whatever is behind it, sized to its content.
public enum Dialog {
    /// Draws the frame and returns the area inside it, with one column of padding.
    public static func draw(title: String, contentWidth: Int, contentHeight: Int, in area: Rect, into buffer: inout Buffer) -> Rect {
        let box = area.centered(width: contentWidth + 4, height: contentHeight + 2)
        let inside = Frame(title: title, style: .bold).draw(in: box, into: &buffer)
        return inside.inset(horizontal: 1, vertical: 0)
    }
}
