import TerminalCore

extension Rect {
    /// The rectangle's size, for an editor's or a pane's viewport.
    var size: Size { Size(width: width, height: height) }
}
