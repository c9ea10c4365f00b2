import TerminalCore

/// A multi-line text editor: the text, the cursor, undo, and how it wraps and scrolls.
///
/// A pure value: `handle` applies a key, `draw` paints it. The text is kept as grapheme
/// clusters (`Character`), so the cursor never lands inside an emoji or an accented
/// letter, and widths come from `CharacterWidth`, so CJK and emoji take two columns.
/// Wrapping and scrolling need the size the editor is drawn at; the owner sets
/// `viewport` to it (from the screen's layout) so the keys that move by displayed line
/// and by page, and the scroll that keeps the cursor visible, agree with the drawing.
///
/// Keys: characters insert; Enter a new line; Backspace/Delete (and Ctrl-D) delete;
/// ← → by character; Ctrl-B / Ctrl-F by word (the key decoder reports Ctrl-← and Alt-b
/// as plain ← and Esc-then-b, so those cannot be used); ↑ ↓ by displayed line keeping
/// the column; Home/End and Ctrl-A/Ctrl-E to the start and end of the line (the whole
/// line up to its line break, not the wrapped row); PgUp/PgDn by a page; Ctrl-W deletes
/// the word before the cursor, Ctrl-U to the start of the line, Ctrl-K to its end;
/// Ctrl-Z undoes and Ctrl-Y redoes (a run of typing is one step); a paste is inserted as
/// text with its line breaks normalised. Tab and Esc are not the editor's: the owner
/// uses them to move focus.
public struct TextEditor: Equatable, Sendable {
    public private(set) var characters: [Character]
    /// Where the cursor is: an index into `characters`, 0...count.
    public private(set) var cursor: Int
    public var maximumLength: Int
    /// Shown dim when the text is empty.
    public var placeholder: String
    /// The size the editor is drawn at, for moving by displayed line and by page.
    public var viewport: Size {
        didSet { scrollToCursor() }
    }
    /// The first displayed row in view.
    public private(set) var scrollTop = 0

    /// The column the cursor keeps when moving up and down through shorter lines.
    private var goalColumn: Int?
    private var undoStack: [Snapshot] = []
    private var redoStack: [Snapshot] = []
    private var lastEdit: EditKind?

    private struct Snapshot: Equatable, Sendable {
        var characters: [Character]
        var cursor: Int
    }

    private enum EditKind: Equatable, Sendable {
        case typing, deletingBack, deletingForward
    }

    /// Most undo steps kept; older ones are dropped.
    public static let undoLimit = 200

    public init(text: String = "", maximumLength: Int = 10_000, placeholder: String = "", viewport: Size = Size(width: 40, height: 5)) {
        self.characters = Array(TextEditor.normalised(text).prefix(maximumLength))
        self.cursor = self.characters.count
        self.maximumLength = maximumLength
        self.placeholder = placeholder
        self.viewport = viewport
        scrollToCursor()
    }

    public var text: String { String(characters) }
    public var isEmpty: Bool { characters.isEmpty }
    public var canUndo: Bool { !undoStack.isEmpty }
    public var canRedo: Bool { !redoStack.isEmpty }

    /// Line breaks as `\n` only: a pasted `\r\n` (one grapheme in Swift) or a lone `\r` would
    /// otherwise be a character the cursor cannot see.
    static func normalised(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        var afterCarriageReturn = false
        for scalar in text.unicodeScalars {
            if scalar == "\r" {
                scalars.append("\n")
                afterCarriageReturn = true
                continue
            }
            if !(scalar == "\n" && afterCarriageReturn) { scalars.append(scalar) }
            afterCarriageReturn = false
        }
        return String(scalars)
    }

    // MARK: Keys

    /// Applies a key; false when the key is not an editing key (Tab, Esc, function keys).
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .character(let character):
            insert(Array(TextEditor.normalised(String(character))), as: character == "\n" ? nil : .typing)
        case .enter:
            insert(["\n"], as: nil)
        case .paste(let pasted):
            insert(Array(TextEditor.normalised(pasted)), as: nil)
        case .backspace, .control("h"):
            guard cursor > 0 else { break }
            replace(cursor - 1..<cursor, with: [], as: .deletingBack)
        case .delete, .control("d"):
            guard cursor < characters.count else { break }
            replace(cursor..<cursor + 1, with: [], as: .deletingForward)
        case .control("w"):
            let start = wordStart(before: cursor)
            if start < cursor { replace(start..<cursor, with: [], as: nil) }
        case .control("u"):
            let start = lineStart(of: cursor)
            if start < cursor { replace(start..<cursor, with: [], as: nil) }
        case .control("k"):
            let end = lineEnd(of: cursor)
            if end > cursor { replace(cursor..<end, with: [], as: nil) }
        case .left: move(to: cursor - 1)
        case .right: move(to: cursor + 1)
        case .control("b"): move(to: wordStart(before: cursor))
        case .control("f"): move(to: wordEnd(after: cursor))
        case .home, .control("a"): move(to: lineStart(of: cursor))
        case .end, .control("e"): move(to: lineEnd(of: cursor))
        case .up: moveRows(-1)
        case .down: moveRows(1)
        case .pageUp: moveRows(-max(1, viewport.height - 1))
        case .pageDown: moveRows(max(1, viewport.height - 1))
        case .control("z"): undo()
        case .control("y"): redo()
        default:
            return false
        }
        scrollToCursor()
        return true
    }

    /// Puts the cursor at a character index (clamped to the text), as a move.
    public mutating func moveCursor(to index: Int) {
        move(to: index)
        scrollToCursor()
    }

    public mutating func undo() {
        guard let previous = undoStack.popLast() else { return }
        redoStack.append(Snapshot(characters: characters, cursor: cursor))
        restore(previous)
    }

    public mutating func redo() {
        guard let next = redoStack.popLast() else { return }
        undoStack.append(Snapshot(characters: characters, cursor: cursor))
        restore(next)
    }

    private mutating func restore(_ snapshot: Snapshot) {
        characters = snapshot.characters
        cursor = snapshot.cursor
        lastEdit = nil
        goalColumn = nil
        scrollToCursor()
    }

    private mutating func insert(_ inserted: [Character], as kind: EditKind?) {
        let room = max(0, maximumLength - characters.count)
        guard room > 0, !inserted.isEmpty else { return }
        replace(cursor..<cursor, with: Array(inserted.prefix(room)), as: kind)
    }

    /// One edit: a new undo step unless it continues a run of the same kind (typing, or
    /// deleting one way) with no move in between.
    private mutating func replace(_ range: Range<Int>, with new: [Character], as kind: EditKind?) {
        if kind == nil || kind != lastEdit {
            undoStack.append(Snapshot(characters: characters, cursor: cursor))
            if undoStack.count > TextEditor.undoLimit { undoStack.removeFirst() }
        }
        redoStack = []
        characters.replaceSubrange(range, with: new)
        cursor = range.lowerBound + new.count
        lastEdit = kind
        goalColumn = nil
    }

    private mutating func move(to index: Int) {
        cursor = min(max(0, index), characters.count)
        lastEdit = nil
        goalColumn = nil
    }

    private mutating func moveRows(_ delta: Int) {
        let lines = TextEditor.layout(characters, width: wrapWidth(viewport.width))
        let (row, column) = TextEditor.position(of: cursor, in: lines, characters: characters)
        let goal = goalColumn ?? column
        let target = min(max(0, row + delta), lines.count - 1)
        if target == row {
            // Past the first or last row: go to its start or end, as most editors do.
            cursor = delta < 0 ? lines[row].start : lines[row].end
        } else {
            cursor = TextEditor.index(atColumn: goal, of: lines[target], characters: characters)
        }
        lastEdit = nil
        goalColumn = goal
    }

    private func isWordCharacter(_ character: Character) -> Bool {
        !(character.isWhitespace || character.isPunctuation || character.isSymbol)
    }

    /// The start of the word before `index`, skipping the spaces before it first.
    private func wordStart(before index: Int) -> Int {
        var position = index
        while position > 0, !isWordCharacter(characters[position - 1]) { position -= 1 }
        while position > 0, isWordCharacter(characters[position - 1]) { position -= 1 }
        return position
    }

    private func wordEnd(after index: Int) -> Int {
        var position = index
        while position < characters.count, !isWordCharacter(characters[position]) { position += 1 }
        while position < characters.count, isWordCharacter(characters[position]) { position += 1 }
        return position
    }

    private func lineStart(of index: Int) -> Int {
        var position = index
        while position > 0, characters[position - 1] != "\n" { position -= 1 }
        return position
    }

    private func lineEnd(of index: Int) -> Int {
        var position = index
        while position < characters.count, characters[position] != "\n" { position += 1 }
        return position
    }

    private mutating func scrollToCursor() {
        let lines = TextEditor.layout(characters, width: wrapWidth(viewport.width))
        scrollTop = TextEditor.firstRow(scrollTop, cursorRow: TextEditor.position(of: cursor, in: lines, characters: characters).row, rows: viewport.height, lineCount: lines.count)
    }

    // MARK: Layout

    /// Columns a character takes as `Buffer.write` draws it: a control character (a pasted
    /// tab) is drawn as one space, so it takes one column, not the none wcwidth gives it.
    public static func columns(_ character: Character) -> Int {
        if character.unicodeScalars.allSatisfy({ $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) }) { return 1 }
        return CharacterWidth.of(character)
    }

    /// One displayed row: `characters[start..<end]`, without the line break that ends it.
    public struct Line: Equatable, Sendable {
        public var start: Int
        public var end: Int
        /// The row ends at a line break or the end of the text, not at a soft wrap.
        public var endsParagraph: Bool
    }

    /// One column is kept free at the right for the cursor after the last character.
    func wrapWidth(_ width: Int) -> Int { max(1, width - 1) }

    /// Soft-wraps the text to `width` columns, breaking after the last space that fits,
    /// or inside a word longer than a row. A wide character is never split.
    public static func layout(_ characters: [Character], width: Int) -> [Line] {
        var lines: [Line] = []
        var start = 0
        var columns = 0
        var lastBreak: Int?
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "\n" {
                lines.append(Line(start: start, end: index, endsParagraph: true))
                start = index + 1
                columns = 0
                lastBreak = nil
                index += 1
                continue
            }
            let characterWidth = TextEditor.columns(character)
            if columns + characterWidth > width, index > start {
                if character == " " {
                    // A space that does not fit hangs at the end of the row.
                    lines.append(Line(start: start, end: index + 1, endsParagraph: false))
                    start = index + 1
                    columns = 0
                    lastBreak = nil
                    index += 1
                    continue
                }
                let breakAt = lastBreak ?? index
                lines.append(Line(start: start, end: breakAt, endsParagraph: false))
                start = breakAt
                columns = characters[breakAt..<index].reduce(0) { $0 + TextEditor.columns($1) }
                lastBreak = nil
                continue
            }
            columns += characterWidth
            if character == " " { lastBreak = index + 1 }
            index += 1
        }
        lines.append(Line(start: start, end: characters.count, endsParagraph: true))
        return lines
    }

    /// The displayed row and column of a cursor index; at a soft wrap the cursor shows
    /// at the start of the next row.
    public static func position(of index: Int, in lines: [Line], characters: [Character]) -> (row: Int, column: Int) {
        for (row, line) in lines.enumerated() where index >= line.start && (index < line.end || (index == line.end && line.endsParagraph)) {
            let column = characters[line.start..<index].reduce(0) { $0 + TextEditor.columns($1) }
            return (row, column)
        }
        let last = lines.count - 1
        return (last, characters[lines[last].start..<lines[last].end].reduce(0) { $0 + TextEditor.columns($1) })
    }

    /// The index in a row nearest to `column` without passing it.
    static func index(atColumn column: Int, of line: Line, characters: [Character]) -> Int {
        var used = 0
        var index = line.start
        // A soft-wrapped row's end is the next row's start: stop one before it.
        let last = line.endsParagraph ? line.end : max(line.start, line.end - 1)
        while index < last {
            let width = TextEditor.columns(characters[index])
            if used + width > column { break }
            used += width
            index += 1
        }
        return index
    }

    /// The first row to show so the cursor's row is in view, moving as little as possible.
    static func firstRow(_ current: Int, cursorRow: Int, rows: Int, lineCount: Int) -> Int {
        let rows = max(1, rows)
        var first = min(current, max(0, lineCount - rows))
        if cursorRow < first { first = cursorRow }
        if cursorRow >= first + rows { first = cursorRow - rows + 1 }
        return max(0, first)
    }

    // MARK: Drawing

    /// Draws the text wrapped into `rect`; when focused, returns where the cursor belongs.
    @discardableResult
    public func draw(in rect: Rect, focused: Bool, style: Style = .plain, into buffer: inout Buffer) -> Point? {
        guard rect.width > 0, rect.height > 0 else { return nil }
        buffer.fill(rect, with: " ", style: style)
        if characters.isEmpty {
            if !placeholder.isEmpty {
                Label.draw(placeholder, in: Rect(x: rect.x + (focused ? 1 : 0), y: rect.y, width: rect.width - (focused ? 1 : 0), height: 1), style: .dim, into: &buffer)
            }
            return focused ? Point(x: rect.x, y: rect.y) : nil
        }
        let lines = TextEditor.layout(characters, width: wrapWidth(rect.width))
        let cursorAt = TextEditor.position(of: cursor, in: lines, characters: characters)
        let first = TextEditor.firstRow(scrollTop, cursorRow: cursorAt.row, rows: rect.height, lineCount: lines.count)
        for (offset, line) in lines.dropFirst(first).prefix(rect.height).enumerated() {
            buffer.write(String(characters[line.start..<line.end]), x: rect.x, y: rect.y + offset, style: style, limit: rect.maxX)
        }
        guard focused else { return nil }
        return Point(x: rect.x + min(cursorAt.column, rect.width - 1), y: rect.y + cursorAt.row - first)
    }
}
