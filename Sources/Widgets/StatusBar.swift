import TerminalCore

/// A line of segments: some from the left, some from the right, separated by " │ ".
///
/// When the line is too narrow the right-hand segments are dropped first, then the
/// left ones are cut, so the most important facts stay visible.
public struct StatusBar: Sendable {
    public var leading: [String]
    public var trailing: [String]
    public var style: Style

    public init(leading: [String], trailing: [String] = [], style: Style = .reverse) {
        self.leading = leading
        self.trailing = trailing
        self.style = style
    }

    public func draw(row: Int, in buffer: inout Buffer) {
        let rect = Rect(x: 0, y: row, width: buffer.width, height: 1)
        buffer.fill(rect, with: " ", style: style)
        let left = " " + leading.joined(separator: " │ ")
        var right = trailing.joined(separator: " │ ")
        if !right.isEmpty { right += " " }
        let leftWidth = CharacterWidth.of(left)
        if leftWidth + 2 + CharacterWidth.of(right) > rect.width { right = "" }
        Label.draw(left, in: rect, style: style, into: &buffer)
        if !right.isEmpty {
            Label.draw(right, in: rect, alignment: .trailing, style: style, into: &buffer)
        }
    }
}
