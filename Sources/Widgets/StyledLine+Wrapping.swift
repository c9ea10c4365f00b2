import TerminalCore

extension StyledLine {
    /// Word-wraps styled text to `width` columns, each line after a prefix: `firstPrefix`
    /// on the first line, `hangingPrefix` on the rest (a list item's bullet, then the
    /// spaces that keep its text aligned under itself).
    ///
    /// Words break at spaces, which a wrap hides; a run of spaces between words shows as
    /// one. A "\n" in a run starts a new line. A word wider than the room is broken
    /// between characters, never inside one. Widths count columns, so wide characters
    /// wrap where they end on screen.
    public static func wrapping(_ runs: [StyledRun], width: Int, firstPrefix: [StyledRun] = [], hangingPrefix: [StyledRun] = []) -> [StyledLine] {
        var wrapper = Wrapper(width: width, firstPrefix: firstPrefix, hangingPrefix: hangingPrefix)
        for run in runs { wrapper.add(run) }
        return wrapper.finish()
    }
}

/// The state of one wrap: the lines made, the line being filled, and the word being read.
///
/// A word is kept as slices of its runs, so a word that fits (nearly all of them) is
/// measured once and copied whole; only a word wider than the room is placed character
/// by character. Runs of printable ASCII, most of any lesson, are read byte by byte,
/// where a character is a byte and a column; others by `Character`, so a grapheme
/// cluster is never split and wide ones count two columns.
private struct Wrapper {
    let firstRoom: Int
    let hangingRoom: Int
    let firstPrefix: [StyledRun]
    let hangingPrefix: [StyledRun]
    var lines: [StyledLine] = []
    var current: [StyledRun] = []
    var used = 0
    var word: [(text: Substring, style: Style, width: Int)] = []
    var wordWidth = 0
    /// The style of the first space since the last word, which shows if the next word
    /// stays on this line.
    var pendingSpace: Style?
    /// Whether this line of the source (since its start or its last "\n") has had a word.
    var sawWord = false

    init(width: Int, firstPrefix: [StyledRun], hangingPrefix: [StyledRun]) {
        firstRoom = max(1, width - StyledLine(firstPrefix).width)
        hangingRoom = max(1, width - StyledLine(hangingPrefix).width)
        self.firstPrefix = firstPrefix
        self.hangingPrefix = hangingPrefix
    }

    var room: Int { lines.isEmpty ? firstRoom : hangingRoom }

    mutating func add(_ run: StyledRun) {
        if Self.isPlainASCII(run.text) { addASCII(run) } else { addCharacters(run) }
    }

    mutating func finish() -> [StyledLine] {
        flushWord()
        if !current.isEmpty || lines.isEmpty { endLine() }
        return lines
    }

    /// Printable ASCII, spaces, tabs and line ends only: each byte one character.
    static func isPlainASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { ($0 >= 0x20 && $0 < 0x7F) || ($0 >= 0x09 && $0 <= 0x0D) }
    }

    private mutating func addASCII(_ run: StyledRun) {
        let text = run.text
        let bytes = text.utf8
        var start = bytes.startIndex
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            var next = bytes.index(after: index)
            if byte == 0x20 || byte == 0x09 || (byte >= 0x0A && byte <= 0x0D) {
                if start < index { addPiece(text[start..<index], style: run.style, width: bytes.distance(from: start, to: index)) }
                if byte == 0x20 || byte == 0x09 {
                    space(run.style)
                } else {
                    // "\r\n" is one line end, as it is one Character.
                    if byte == 0x0D, next < bytes.endIndex, bytes[next] == 0x0A { next = bytes.index(after: next) }
                    lineEnd()
                }
                start = next
            }
            index = next
        }
        if start < bytes.endIndex { addPiece(text[start...], style: run.style, width: bytes.distance(from: start, to: bytes.endIndex)) }
    }

    private mutating func addCharacters(_ run: StyledRun) {
        let text = run.text
        var start = text.startIndex
        var width = 0
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            if character.isNewline || character == " " || character == "\t" {
                if start < index { addPiece(text[start..<index], style: run.style, width: width) }
                if character.isNewline { lineEnd() } else { space(run.style) }
                start = next
                width = 0
            } else {
                width += CharacterWidth.of(character)
            }
            index = next
        }
        if start < text.endIndex { addPiece(text[start...], style: run.style, width: width) }
    }

    private mutating func addPiece(_ text: Substring, style: Style, width: Int) {
        word.append((text, style, width))
        wordWidth += width
    }

    private mutating func space(_ style: Style) {
        flushWord()
        if pendingSpace == nil { pendingSpace = style }
    }

    private mutating func lineEnd() {
        flushWord()
        endLine()
        sawWord = false
        pendingSpace = nil
    }

    private mutating func endLine() {
        lines.append(StyledLine(current).prefixed(by: lines.isEmpty ? firstPrefix : hangingPrefix))
        current = []
        used = 0
    }

    private mutating func append(_ text: Substring, _ style: Style) {
        if let last = current.last, last.style == style {
            current[current.count - 1].text += text
        } else {
            current.append(StyledRun(String(text), style: style))
        }
    }

    private mutating func flushWord() {
        guard !word.isEmpty else { return }
        if used > 0, sawWord, let space = pendingSpace {
            if used + 1 + wordWidth <= room {
                append(" ", space)
                used += 1
            } else {
                endLine()
            }
        }
        if used + wordWidth <= room {
            for piece in word { append(piece.text, piece.style) }
            used += wordWidth
        } else {
            // Wider than the room: broken between characters.
            for piece in word {
                for character in piece.text {
                    let columns = CharacterWidth.of(character)
                    if used > 0, used + columns > room { endLine() }
                    append(Substring(String(character)), piece.style)
                    used += columns
                }
            }
        }
        sawWord = true
        word.removeAll(keepingCapacity: true)
        wordWidth = 0
        pendingSpace = nil
    }
}
