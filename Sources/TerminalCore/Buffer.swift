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
    /// Each grapheme cluster is one unit, shown as `ClusterDisplay` decides: one cell or
    /// two (the second a continuation), control characters as spaces so a stray tab or
    /// newline in data cannot break the layout, invisible bidi and format characters as
    /// dim visible marks so no text can hide or reorder what is read. A wide cluster that
    /// would straddle the limit, or the left edge, leaves a space instead of half a glyph.
    @discardableResult
    public mutating func write(_ text: some StringProtocol, x: Int, y: Int, style: Style = .plain, limit: Int? = nil) -> Int {
        let end = min(limit ?? width, width)
        var column = x
        guard y >= 0, y < height else { return column }
        for character in text {
            // Printable ASCII, most of every screen, needs no cluster walk.
            if let ascii = character.asciiValue, ascii >= 0x20, ascii < 0x7F {
                guard column < end else { return column }
                put(Cell(String(character), style: style), at: column, y: y)
                column += 1
                continue
            }
            for piece in ClusterDisplay.pieces(of: character) {
                switch piece {
                case .attached(let mark):
                    // A mark joins the cluster this call wrote before it, never text
                    // that was already left of `x`.
                    if column > x, column > 0, column - 1 < end {
                        let base = self[column - 1, y].isContinuation ? column - 2 : column - 1
                        if base >= 0 { cells[y * width + base].text += mark }
                    }
                case .blank:
                    guard column < end else { return column }
                    put(Cell(" ", style: style), at: column, y: y)
                    column += 1
                case .mark(let character):
                    guard column < end else { return column }
                    put(Cell(String(character), style: style.with(.dim)), at: column, y: y)
                    column += 1
                case .glyph(let shown, let columns):
                    if column + columns > end {
                        // Half a wide glyph would be a lie: the column left shows a space.
                        if column < end { put(Cell(" ", style: style), at: column, y: y); column += 1 }
                        return column
                    }
                    if columns == 2, column == -1 {
                        put(Cell(" ", style: style), at: 0, y: y)
                    } else if columns == 2 {
                        // Both halves are cleared before either is set, so blanking what
                        // the glyph cuts never reaches the glyph itself.
                        clearWide(at: column, y: y)
                        clearWide(at: column + 1, y: y)
                        cells[y * width + column] = Cell(shown, style: style, width: 2)
                        cells[y * width + column + 1] = .continuation(style: style)
                    } else {
                        put(Cell(shown, style: style, width: 1), at: column, y: y)
                    }
                    column += columns
                }
            }
        }
        return column
    }

    /// Sets one cell, blanking the other half of any wide cluster it cuts; left of the
    /// buffer nothing happens, so text may start at a negative column.
    private mutating func put(_ cell: Cell, at x: Int, y: Int) {
        guard x >= 0, x < width else { return }
        clearWide(at: x, y: y)
        cells[y * width + x] = cell
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

    /// Overwriting half of a wide cluster blanks its other half, as terminals do.
    private mutating func clearWide(at x: Int, y: Int) {
        guard contains(x: x, y: y) else { return }
        let cell = self[x, y]
        if cell.isContinuation, x > 0, self[x - 1, y].width == 2 { self[x - 1, y] = Cell(" ", style: self[x - 1, y].style) }
        if cell.width == 2, x + 1 < width, self[x + 1, y].isContinuation { self[x + 1, y] = Cell(" ", style: cell.style) }
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
