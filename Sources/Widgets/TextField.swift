import TerminalCore

/// A one-line text input: what was typed, and whether to show it masked.
public struct TextField: Equatable, Sendable {
    public var text: String
    public var isMasked: Bool
    public var maximumLength: Int

    public init(text: String = "", isMasked: Bool = false, maximumLength: Int = 128) {
        self.text = text
        self.isMasked = isMasked
        self.maximumLength = maximumLength
    }

    /// Applies an editing key; returns false when the key is not an edit.
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .character(let character):
            if text.count < maximumLength { text.append(character) }
            return true
        case .paste(let pasted):
            // One line: a paste's line breaks would end the field's input.
            let line = pasted.split(whereSeparator: \.isNewline).joined(separator: " ")
            text += line.prefix(max(0, maximumLength - text.count))
            return true
        case .backspace:
            if !text.isEmpty { text.removeLast() }
            return true
        case .control("u"):
            text = ""
            return true
        default:
            return false
        }
    }

    /// Draws the field; when focused, returns where the cursor belongs.
    @discardableResult
    public func draw(in rect: Rect, focused: Bool, into buffer: inout Buffer) -> Point? {
        let shown = isMasked ? String(repeating: "•", count: text.count) : text
        let style: Style = .underline
        buffer.fill(rect, with: " ", style: style)
        let visible = rect.width - 1
        var tail = shown
        while CharacterWidth.of(tail) > visible, !tail.isEmpty { tail.removeFirst() }
        let end = buffer.write(tail, x: rect.x, y: rect.y, style: style, limit: rect.maxX)
        return focused ? Point(x: end, y: rect.y) : nil
    }
}
