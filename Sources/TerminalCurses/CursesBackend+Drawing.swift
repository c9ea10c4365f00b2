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
        if colorPairs.ranOut {
            // The pair table filled up (true-colour imagery): start it afresh and draw
            // every cell with the new numbers, before the refresh, so nothing flickers.
            colorPairs.reset()
            for change in buffer.changes(since: nil)
            where change.y < rows && change.x + max(1, Int(change.cell.width)) <= columns {
                put(change.cell, x: change.x, y: change.y)
            }
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
        let glyphs = CellCharacters.glyphs(for: cell.text, width: Int(cell.width), capacity: Int(ld_ccharw_max()), repertoire: repertoire)
        for (offset, glyph) in glyphs.enumerated() {
            var character = Self.cursesCharacter(glyph, attributes: attributes, pair: style.pair)
            // ERR at the bottom-right cell only means the cursor could not move past it.
            _ = mvadd_wch(Int32(y), Int32(x + offset), &character)
        }
    }

    /// A `cchar_t` holding every character of the glyph.
    ///
    /// `setcchar` sets attributes and colour from the first character alone, since it
    /// would drop every spacing character after the first; the rest are written into
    /// the cell's character array, which ncurses sends to the terminal as it is.
    static func cursesCharacter(_ glyph: CellCharacters.CursesGlyph, attributes: attr_t, pair: Int32) -> cchar_t {
        var character = cchar_t()
        var pair = pair
        let first = glyph.characters.first ?? 0x20
        // The pair goes through `opts`: the short argument cannot hold extended pair numbers.
        if setcchar(&character, [first, 0], attributes, Int16(clamping: pair), &pair) != OK {
            _ = setcchar(&character, [wchar_t(0x20), 0], attributes, Int16(clamping: pair), &pair)
            return character
        }
        withUnsafeMutableBytes(of: &character.chars) { raw in
            let slots = raw.bindMemory(to: wchar_t.self)
            for index in slots.indices {
                slots[index] = index < glyph.characters.count ? glyph.characters[index] : 0
            }
        }
        return character
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
