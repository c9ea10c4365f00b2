import TerminalCore

/// A vertical list with one highlighted row, scrolled to keep it in view.
public struct SelectionList: Sendable {
    public var items: [String]
    public var selected: Int
    public var highlight: Style

    public init(items: [String], selected: Int, highlight: Style = .reverse) {
        self.items = items
        self.selected = selected
        self.highlight = highlight
    }

    /// The first item shown so `selected` is visible in `height` rows.
    public static func firstVisible(selected: Int, count: Int, height: Int) -> Int {
        guard height > 0, count > height else { return 0 }
        return min(max(0, selected - height + 1), count - height)
    }

    public func draw(in rect: Rect, into buffer: inout Buffer) {
        let first = Self.firstVisible(selected: selected, count: items.count, height: rect.height)
        for row in 0..<min(rect.height, items.count - first) {
            let index = first + row
            let line = Rect(x: rect.x, y: rect.y + row, width: rect.width, height: 1)
            let isSelected = index == selected
            if isSelected { buffer.fill(line, style: highlight) }
            Label.draw((isSelected ? "▸ " : "  ") + items[index], in: line, style: isSelected ? highlight : .plain, into: &buffer)
        }
    }

    /// Moves a selection by a key: arrows, j/k, Home/End, PgUp/PgDn. Nil if the key is not a move.
    public static func move(_ selected: Int, count: Int, key: Key, page: Int = 10) -> Int? {
        guard count > 0 else { return nil }
        let target: Int
        switch key {
        case .up, .character("k"): target = selected - 1
        case .down, .character("j"): target = selected + 1
        case .home: target = 0
        case .end: target = count - 1
        case .pageUp: target = selected - page
        case .pageDown: target = selected + page
        default: return nil
        }
        return min(max(0, target), count - 1)
    }
}
