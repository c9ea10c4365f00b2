/// A grid of cells that screens draw into; only a backend turns it into terminal output.
///
/// Writes outside the buffer are clipped, never a crash: a screen drawn into a tiny
/// terminal loses what does not fit.
public struct Buffer: Equatable, Sendable {
    public private(set) var size: Size
    public private(set) var cells: [Cell]
    /// Where the backend should leave the cursor, if it should show one.
    public var cursor: Point?

    public init(size: Size) {
        self.size = Size(width: max(0, size.width), height: max(0, size.height))
        self.cells = Array(repeating: .blank, count: self.size.width * self.size.height)
    }

    public var width: Int { size.width }
    public var height: Int { size.height }
    public var area: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        get {
            guard contains(x: x, y: y) else { return .blank }
            return cells[y * width + x]
        }
        set {
            guard contains(x: x, y: y) else { return }
            cells[y * width + x] = newValue
        }
    }

    public func contains(x: Int, y: Int) -> Bool { x >= 0 && y >= 0 && x < width && y < height }

    /// Fills a rectangle with one character and style.
    ///
    /// Filling over half of a wide character blanks its other half, as `write` does.
    public mutating func fill(_ rect: Rect, with text: String = " ", style: Style = .plain) {
        let visible = clipped(rect)
        for y in visible.y..<visible.maxY {
            for x in visible.x..<visible.maxX {
                clearWide(at: x, y: y)
                self[x, y] = Cell(text, style: style)
            }
        }
    }

    /// Writes text from `(x, y)` but not past `limit` (exclusive); returns the column after it.
    ///
    /// A wide character that would straddle the limit is left out. Control characters
    /// are drawn as spaces so a stray tab or newline in data cannot break the layout.
    @discardableResult
    public mutating func write(_ text: some StringProtocol, x: Int, y: Int, style: Style = .plain, limit: Int? = nil) -> Int {
        let end = min(limit ?? width, width)
        var column = x
        guard y >= 0, y < height else { return column }
        for character in text {
            var shown = String(character)
            var columns = CharacterWidth.of(character)
            // C0, DEL and C1 controls: C1 ones (U+0080-U+009F) have no width and would
            // otherwise be glued to the previous cell and reach the terminal raw.
            if character.unicodeScalars.allSatisfy({ $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) }) {
                shown = " "
                columns = 1
            }
            if columns == 0 {
                // A mark joins the character this call wrote before it, never text
                // that was already left of `x`.
                if column > x, column > 0, column - 1 < end {
                    var previous = self[column - 1, y]
                    if previous.isContinuation, column - 2 >= 0 { previous = self[column - 2, y]; previous.text += shown; self[column - 2, y] = previous } else { previous.text += shown; self[column - 1, y] = previous }
                }
                continue
            }
            if column + columns > end { break }
            if column >= 0 {
                clearWide(at: column, y: y)
                self[column, y] = Cell(shown, style: style, width: UInt8(columns))
                if columns == 2 {
                    clearWide(at: column + 1, y: y)
                    self[column + 1, y] = .continuation(style: style)
                }
            }
            column += columns
        }
        return column
    }

    /// Applies a style to cells already written, keeping their text.
    public mutating func setStyle(_ style: Style, in rect: Rect) {
        let visible = clipped(rect)
        for y in visible.y..<visible.maxY {
            for x in visible.x..<visible.maxX {
                cells[y * width + x].style = style
            }
        }
    }

    /// The part of `rect` inside the buffer; empty, never an invalid range, when it lies outside.
    private func clipped(_ rect: Rect) -> Rect {
        let left = min(max(0, rect.x), width), top = min(max(0, rect.y), height)
        let right = max(left, min(width, rect.maxX)), bottom = max(top, min(height, rect.maxY))
        return Rect(x: left, y: top, width: right - left, height: bottom - top)
    }

    /// Overwriting half of a wide character blanks its other half, as terminals do.
    private mutating func clearWide(at x: Int, y: Int) {
        guard contains(x: x, y: y) else { return }
        let cell = self[x, y]
        if cell.isContinuation, x > 0 { self[x - 1, y] = Cell(" ", style: self[x - 1, y].style) }
        if cell.width == 2, x + 1 < width { self[x + 1, y] = Cell(" ", style: cell.style) }
    }

    /// The screen as plain text, one line per row, trailing spaces kept.
    public var text: String {
        (0..<height).map { line($0) }.joined(separator: "\n")
    }

    /// One row as plain text.
    public func line(_ y: Int) -> String {
        var out = ""
        for x in 0..<width {
            let cell = self[x, y]
            if !cell.isContinuation { out += cell.text }
        }
        return out
    }
}
