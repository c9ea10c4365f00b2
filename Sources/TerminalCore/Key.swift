/// A key a person pressed, decoded from whatever the terminal sent.
public enum Key: Hashable, Sendable, CustomStringConvertible {
    case character(Character)
    case enter, escape, tab, backTab, backspace, delete, insert
    case up, down, left, right, home, end, pageUp, pageDown
    /// Shift with an arrow (`ESC[1;2A`...): the geo screen pans a screen at a time. Other
    /// modifiers on arrows (Ctrl, Alt) still arrive as plain arrows.
    case shiftUp, shiftDown, shiftLeft, shiftRight
    case function(Int)
    /// Ctrl with a letter, lower-case: Ctrl-A is `.control("a")`.
    case control(Character)
    /// Text the terminal delivered as one bracketed paste (`ESC[200~ ... ESC[201~`):
    /// inserted as it is, never read as commands.
    case paste(String)

    public var description: String {
        switch self {
        case .character(" "): return "Space"
        case .character(let c): return String(c)
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .backspace: return "Backspace"
        case .delete: return "Delete"
        case .insert: return "Insert"
        case .up: return "Up"
        case .down: return "Down"
        case .left: return "Left"
        case .right: return "Right"
        case .shiftUp: return "Shift-Up"
        case .shiftDown: return "Shift-Down"
        case .shiftLeft: return "Shift-Left"
        case .shiftRight: return "Shift-Right"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .function(let n): return "F\(n)"
        case .control(let c): return "Ctrl-\(c.uppercased())"
        case .paste(let text): return "pasted \(text.count) characters"
        }
    }
}

/// Something the terminal tells the program.
public enum InputEvent: Hashable, Sendable {
    case key(Key)
    case resize(Size)
}
