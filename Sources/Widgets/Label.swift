import TerminalCore

/// How a line of text sits in its row.
public enum Alignment: Sendable {
    case leading, center, trailing
}

/// Draws one line of text into a row, aligned and cut to fit.
public enum Label {
    public static func draw(_ text: String, in rect: Rect, alignment: Alignment = .leading, style: Style = .plain, into buffer: inout Buffer) {
        guard rect.height > 0, rect.width > 0 else { return }
        let shown = WrappedText.truncate(text, width: rect.width)
        let width = CharacterWidth.of(shown)
        let x: Int = switch alignment {
        case .leading: rect.x
        case .center: rect.x + (rect.width - width) / 2
        case .trailing: rect.maxX - width
        }
        buffer.write(shown, x: x, y: rect.y, style: style, limit: rect.maxX)
    }

    /// Draws paragraphs wrapped to the rectangle; returns how many rows they took.
    @discardableResult
    public static func drawWrapped(_ text: String, in rect: Rect, style: Style = .plain, into buffer: inout Buffer) -> Int {
        let lines = WrappedText.lines(text, width: rect.width)
        for (index, line) in lines.prefix(rect.height).enumerated() {
            buffer.write(line, x: rect.x, y: rect.y + index, style: style, limit: rect.maxX)
        }
        return min(lines.count, rect.height)
    }
}
