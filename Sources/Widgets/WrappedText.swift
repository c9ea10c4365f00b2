import TerminalCore

/// Word-wraps text to a width in terminal columns.
///
/// Paragraph breaks in the text are kept; words longer than the width are broken
/// where they must be. Widths count columns, so wide characters wrap correctly.
public enum WrappedText {
    public static func lines(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var result: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
                var piece = String(word)
                var pieceWidth = CharacterWidth.of(piece)
                if lineWidth > 0, lineWidth + 1 + pieceWidth <= width {
                    line += " " + piece
                    lineWidth += 1 + pieceWidth
                    continue
                }
                if lineWidth > 0 {
                    result.append(line)
                    line = ""
                    lineWidth = 0
                }
                while pieceWidth > width {
                    let (head, rest) = split(piece, atColumn: width)
                    result.append(head)
                    piece = rest
                    pieceWidth = CharacterWidth.of(piece)
                }
                line = piece
                lineWidth = pieceWidth
            }
            result.append(line)
        }
        return result
    }

    /// Cuts text so the head fits `column` columns; never splits a wide character.
    static func split(_ text: String, atColumn column: Int) -> (String, String) {
        var head = ""
        var used = 0
        var index = text.startIndex
        while index < text.endIndex {
            let width = CharacterWidth.of(text[index])
            if used + width > column { break }
            head.append(text[index])
            used += width
            index = text.index(after: index)
        }
        if head.isEmpty, index < text.endIndex {
            head.append(text[index])
            index = text.index(after: index)
        }
        return (head, String(text[index...]))
    }

    /// Shortens text to fit `width` columns, ending with an ellipsis when cut.
    public static func truncate(_ text: String, width: Int) -> String {
        guard width > 0 else { return "" }
        if CharacterWidth.of(text) <= width { return text }
        return split(text, atColumn: width - 1).0 + "…"
    }
}
