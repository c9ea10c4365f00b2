/// GIFT's escapes: `\~ \= \# \{ \} \:` for the control characters themselves, `\n` for
/// a line break and `\\` for a backslash.
///
/// Moodle swaps each escape for a placeholder (`&&058;` for `\:` and so on) before it
/// splits a question up, and back after. Here each escape becomes one private-use
/// character, so a question keeps one character per character and its positions still
/// point at the lines of the file. `\\` becomes a plain backslash that escapes nothing:
/// `\\{` is a backslash and then a brace that opens the answers, as in Moodle. A
/// backslash before anything else stays a backslash.
enum GIFTEscapes {
    private static let escapable: [(written: Character, meaning: Character, placeholder: Character)] = [
        (":", ":", "\u{F8F0}"), ("#", "#", "\u{F8F1}"), ("=", "=", "\u{F8F2}"), ("{", "{", "\u{F8F3}"),
        ("}", "}", "\u{F8F4}"), ("~", "~", "\u{F8F5}"), ("n", "\n", "\u{F8F6}"),
    ]

    /// One line with its escapes replaced by placeholders.
    static func protect(_ line: String) -> String {
        var result = ""
        var index = line.startIndex
        while index < line.endIndex {
            let character = line[index]
            let next = line.index(after: index)
            guard character == "\\", next < line.endIndex else {
                result.append(character)
                index = next
                continue
            }
            if line[next] == "\\" {
                result.append("\\")
            } else if let escape = escapable.first(where: { $0.written == line[next] }) {
                result.append(escape.placeholder)
            } else {
                result.append("\\")
                result.append(line[next])
            }
            index = line.index(after: next)
        }
        return result
    }

    /// Text with its placeholders turned back into what the escapes meant.
    static func restore(_ text: Substring) -> String {
        var result = ""
        for character in text {
            if let escape = escapable.first(where: { $0.placeholder == character }) {
                result.append(escape.meaning)
            } else {
                result.append(character)
            }
        }
        return result
    }
}
