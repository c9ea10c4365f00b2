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
        let firstRoom = max(1, width - StyledLine(firstPrefix).width)
        let hangingRoom = max(1, width - StyledLine(hangingPrefix).width)
        var lines: [StyledLine] = []
        var current: [StyledRun] = []
        var used = 0
        var room: Int { lines.isEmpty ? firstRoom : hangingRoom }

        func endLine() {
            lines.append(StyledLine(current).prefixed(by: lines.isEmpty ? firstPrefix : hangingPrefix))
            current = []
            used = 0
        }
        func append(_ character: Character, _ style: Style) {
            if let last = current.last, last.style == style {
                current[current.count - 1].text.append(character)
            } else {
                current.append(StyledRun(String(character), style: style))
            }
        }
        func place(word: [(Character, Style)], wordWidth: Int, space: Style?) {
            if used > 0, let space {
                if used + 1 + wordWidth <= room {
                    append(" ", space)
                    used += 1
                } else {
                    endLine()
                }
            }
            for (character, style) in word {
                let columns = CharacterWidth.of(character)
                if used > 0, used + columns > room { endLine() }
                append(character, style)
                used += columns
            }
        }

        var word: [(Character, Style)] = []
        var wordWidth = 0
        var pendingSpace: Style?
        var sawWord = false
        func flushWord() {
            guard !word.isEmpty else { return }
            place(word: word, wordWidth: wordWidth, space: sawWord ? pendingSpace : nil)
            sawWord = true
            word = []
            wordWidth = 0
            pendingSpace = nil
        }
        for run in runs {
            for character in run.text {
                if character.isNewline {
                    flushWord()
                    endLine()
                    sawWord = false
                    pendingSpace = nil
                } else if character == " " || character == "\t" {
                    flushWord()
                    if pendingSpace == nil { pendingSpace = run.style }
                } else {
                    word.append((character, run.style))
                    wordWidth += CharacterWidth.of(character)
                }
            }
        }
        flushWord()
        if !current.isEmpty || lines.isEmpty { endLine() }
        return lines
    }
}
