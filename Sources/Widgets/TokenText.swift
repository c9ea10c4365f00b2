import TerminalCore

/// A text as grapheme clusters and the tokens a cursor moves over, measured once.
///
/// Positions are indexes into `characters`: one `Character` is one unit on screen and
/// for a cursor, however many scalars it holds (a family emoji, a flag, a letter with
/// its accents). Laying out to a width (`laidOut(width:)`) is separate, because the
/// text is cut once per task and laid out again only when the width changes.
public struct TokenText: Equatable, Sendable {
    public let characters: [Character]
    /// Columns each character takes on screen: 1 or 2. A character the terminal gives
    /// no width (a stray joiner, a control) is drawn as a visible dot, so it takes one.
    public let widths: [UInt8]
    /// Each token's characters, in order, not overlapping.
    public let tokens: [Range<Int>]

    /// What each character is drawn as: whitespace as a space, a zero-width one as a dot.
    public let shownText: [String]
    /// Characters that can go straight into a cell: no controls and no format
    /// characters (joiners, bidi controls), which are left to `Buffer.write` to show safely.
    let isPlain: [Bool]

    public init(characters: [Character], tokens: [Range<Int>]) {
        self.characters = characters
        self.tokens = tokens
        var widths: [UInt8] = []
        var shownText: [String] = []
        var isPlain: [Bool] = []
        widths.reserveCapacity(characters.count)
        shownText.reserveCapacity(characters.count)
        isPlain.reserveCapacity(characters.count)
        for character in characters {
            // Printable ASCII, most of any text: one column, drawn as itself.
            if let byte = character.asciiValue, byte > 0x20, byte < 0x7F {
                widths.append(1)
                shownText.append(String(character))
                isPlain.append(true)
                continue
            }
            if character.isWhitespace {
                widths.append(1)
                shownText.append(" ")
                isPlain.append(true)
                continue
            }
            let text = String(character)
            let width = CharacterWidth.of(text)
            widths.append(UInt8(max(1, min(2, width))))
            shownText.append(width == 0 ? "·" : text)
            isPlain.append(width == 0 || character.unicodeScalars.allSatisfy { scalar in
                scalar.value >= 0x20 && !(0x7F..<0xA0).contains(scalar.value) && scalar.properties.generalCategory != .format
            })
        }
        self.widths = widths
        self.shownText = shownText
        self.isPlain = isPlain
    }

    public func laidOut(width: Int) -> TokenTextLayout {
        TokenTextLayout(self, width: width)
    }

    public func shown(_ index: Int) -> String { shownText[index] }

    /// Draws one laid-out line at `(x, y)`, each character in the style `style(index)` gives.
    ///
    /// Touches only that line's characters, so a screen draws its visible lines in time
    /// proportional to the screen, not the text.
    public func draw(line: Int, of layout: TokenTextLayout, x: Int, y: Int, limit: Int, into buffer: inout Buffer, style: (Int) -> Style) {
        guard line >= 0, line < layout.lineCount else { return }
        for index in layout.characters(onLine: line) {
            let column = Int(layout.columns[index])
            guard column >= 0 else { continue }
            let left = x + column, width = Int(widths[index])
            guard left >= 0, left + width <= min(limit, buffer.width) else { continue }
            // Over half of a wide character already there, `write` blanks the other half.
            let overWide = buffer[left, y].width != 1 || (width == 2 && buffer[left + 1, y].width != 1)
            guard isPlain[index], !overWide else {
                buffer.write(shownText[index], x: left, y: y, style: style(index), limit: limit)
                continue
            }
            // Measured once per task: straight into the cells, the hot path of every frame.
            let cellStyle = style(index)
            buffer[left, y] = Cell(shownText[index], style: cellStyle, width: UInt8(width))
            if width == 2 { buffer[left + 1, y] = Cell("", style: cellStyle, width: 0) }
        }
    }
}

/// Where each character of a `TokenText` sits when wrapped at token boundaries to a width.
///
/// A token that fits is never split; one wider than the line is broken between
/// characters. Whitespace at a wrap is hidden; a newline in the text starts a line.
public struct TokenTextLayout: Equatable, Sendable {
    public let width: Int
    /// The first character of each line, then `characters.count`: line `l` holds
    /// `lineStarts[l]..<lineStarts[l + 1]`.
    public let lineStarts: [Int]
    /// Each character's column on its line; -1 where it is not shown (whitespace at a wrap, newlines).
    public let columns: [Int32]
    /// Tokens that start on line `l` are `lineTokenStarts[l]..<lineTokenStarts[l + 1]`.
    public let lineTokenStarts: [Int]

    public var lineCount: Int { lineStarts.count - 1 }

    public init(_ text: TokenText, width requested: Int) {
        let width = max(1, requested)
        let count = text.characters.count
        var columns = [Int32](repeating: -1, count: count)
        var lineStarts = [0]
        var column = 0
        var position = 0

        func startLine(at index: Int) {
            lineStarts.append(index)
            column = 0
        }
        func place(_ index: Int) {
            columns[index] = Int32(column)
            column += Int(text.widths[index])
        }
        /// The whitespace before a token: newlines break; the rest is kept to place or hide.
        func gap(_ range: Range<Int>) -> [Int] {
            var kept: [Int] = []
            for index in range {
                if text.characters[index].isNewline {
                    startLine(at: index + 1)
                    kept = []
                } else {
                    kept.append(index)
                }
            }
            return kept
        }

        for token in text.tokens {
            let spaces = gap(position..<token.lowerBound)
            let spaceWidth = spaces.count
            let tokenWidth = token.reduce(0) { $0 + Int(text.widths[$1]) }
            if column + spaceWidth + tokenWidth <= width {
                spaces.forEach(place)
                token.forEach(place)
            } else if tokenWidth <= width {
                if column > 0 { startLine(at: token.lowerBound) }
                token.forEach(place)
            } else {
                if column > 0 { startLine(at: token.lowerBound) }
                for index in token {
                    if column > 0, column + Int(text.widths[index]) > width { startLine(at: index) }
                    place(index)
                }
            }
            position = token.upperBound
        }
        for index in gap(position..<count) where column + Int(text.widths[index]) <= width {
            place(index)
        }
        lineStarts.append(count)

        var lineTokenStarts: [Int] = []
        lineTokenStarts.reserveCapacity(lineStarts.count)
        var token = 0
        for line in 0..<(lineStarts.count - 1) {
            while token < text.tokens.count, text.tokens[token].lowerBound < lineStarts[line] { token += 1 }
            lineTokenStarts.append(token)
        }
        lineTokenStarts.append(text.tokens.count)

        self.width = width
        self.columns = columns
        self.lineStarts = lineStarts
        self.lineTokenStarts = lineTokenStarts
    }

    public func characters(onLine line: Int) -> Range<Int> {
        lineStarts[line]..<lineStarts[line + 1]
    }

    public func tokens(onLine line: Int) -> Range<Int> {
        lineTokenStarts[line]..<lineTokenStarts[line + 1]
    }

    /// The line a character is on: the last line starting at or before it.
    public func line(ofCharacter index: Int) -> Int {
        var low = 0, high = lineCount - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= index { low = middle } else { high = middle - 1 }
        }
        return max(0, low)
    }
}
