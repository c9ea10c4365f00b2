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
        var right = trailing.joined(separator: " │ ")
        if !right.isEmpty { right += " " }
        // When both do not fit, leading items go first, last one first: the trailing
        // side holds what must always show (the sync state), and goes only if alone it
        // is too wide.
        var shown = leading
        func left() -> String { " " + shown.joined(separator: " │ ") }
        while shown.count > 1, CharacterWidth.of(left()) + 2 + CharacterWidth.of(right) > rect.width { shown.removeLast() }
        let left = left()
        if CharacterWidth.of(left) + 2 + CharacterWidth.of(right) > rect.width { right = "" }
        Label.draw(left, in: rect, style: style, into: &buffer)
        if !right.isEmpty {
            Label.draw(right, in: rect, alignment: .trailing, style: style, into: &buffer)
        }
    }
}
