import TerminalCore

/// A full-width line with centred text on a coloured background: the classification
/// banner at the top and bottom of every screen.
public enum BannerBar {
    public static func draw(_ text: String, row: Int, style: Style, into buffer: inout Buffer) {
        let rect = Rect(x: 0, y: row, width: buffer.width, height: 1)
        buffer.fill(rect, with: " ", style: style)
        Label.draw(text, in: rect, alignment: .center, style: style, into: &buffer)
    }
}
