import CNCurses
import TerminalCore

extension CursesBackend {
    /// Writes the cells that changed since the last frame, places the cursor, refreshes.
    ///
    /// ncurses compares its own screen copy too, but skipping unchanged cells here
    /// saves building thousands of `cchar_t` per keystroke.
    public func draw(_ buffer: Buffer) {
        guard !isRestored else { return }
        if previousFrame?.size != buffer.size {
            // Nothing of an older, differently sized frame may stay on screen.
            _ = erase()
        }
        let rows = Int(ld_lines()), columns = Int(ld_cols())
        // A frame drawn for a larger screen, just before the resize event arrives: leave
        // out what does not fit, whole wide characters included, as ncurses would wrap them.
        for change in buffer.changes(since: previousFrame)
        where change.y < rows && change.x + max(1, Int(change.cell.width)) <= columns {
            put(change.cell, x: change.x, y: change.y)
        }
        placeCursor(buffer.cursor, rows: rows, columns: columns)
        _ = refresh()
        previousFrame = buffer
    }

    private func put(_ cell: Cell, x: Int, y: Int) {
        let style = colorPairs.cursesStyle(for: cell.style) { definition in
            init_extended_pair(definition.number, definition.foreground, definition.background) == OK
        }
        let attributes = CursesAttributes.bits(for: style.attributes)
        var pair = style.pair
        var character = cchar_t()
        let text = CellCharacters.wideCharacters(for: cell.text, capacity: Int(ld_ccharw_max()))
        // The pair goes through `opts`: the short argument cannot hold extended pair numbers.
        if setcchar(&character, text, attributes, Int16(clamping: pair), &pair) != OK {
            _ = setcchar(&character, [wchar_t(0x20), 0], attributes, Int16(clamping: pair), &pair)
        }
        // ERR at the bottom-right cell only means the cursor could not move past it.
        _ = mvadd_wch(Int32(y), Int32(x), &character)
    }

    private func placeCursor(_ cursor: Point?, rows: Int, columns: Int) {
        if let cursor, (0..<columns).contains(cursor.x), (0..<rows).contains(cursor.y) {
            _ = move(Int32(cursor.y), Int32(cursor.x))
            setCursorVisible(true)
        } else {
            setCursorVisible(false)
        }
    }

    private func setCursorVisible(_ visible: Bool) {
        guard visible != cursorVisible else { return }
        _ = curs_set(visible ? 1 : 0)
        cursorVisible = visible
    }
}
