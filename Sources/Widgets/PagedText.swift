import TerminalCore

/// A long text read a page at a time and searched: lines already laid out, a scroll
/// offset, and a search typed after `/`, stepped through with `n` and `N`.
///
/// The owner lays the lines out to the width it draws at and tells the widget how tall
/// its area is; keys then only move within what is known, so `handle` needs no
/// terminal. The last row of the area is the widget's own: the search being typed, or
/// where the reader is ("line 12-34 of 80 · 2 of 5 matches"). Search ignores case and
/// looks within one line at a time, so a phrase a wrap cuts in two is not found.
public struct PagedText: Equatable, Sendable {
    /// Where a match is: a line, and the characters of its text that match.
    public struct Match: Equatable, Sendable {
        public var line: Int
        public var characters: Range<Int>

        public init(line: Int, characters: Range<Int>) {
            self.line = line
            self.characters = characters
        }
    }

    public private(set) var lines: [StyledLine]
    /// How many lines the whole text will have, when the owner lays it out as the reader
    /// goes and `lines` is only the start of it; nil when `lines` is the whole text.
    public private(set) var expectedLineCount: Int?
    /// The first line shown.
    public private(set) var scroll = 0
    /// The whole area, the status row included.
    public private(set) var areaHeight: Int
    /// The search being typed after `/`; nil when none is.
    public private(set) var draft: String?
    /// The last search made; "" when none.
    public private(set) var query = ""
    public private(set) var matches: [Match] = []
    /// The match `n` and `N` last went to.
    public private(set) var currentMatch: Int?
    /// Set when the last step went past the end and came round: the status says so once.
    public private(set) var wrapped: WrapDirection?

    public enum WrapDirection: Equatable, Sendable {
        case toTop, toBottom
    }

    public init(lines: [StyledLine], areaHeight: Int) {
        self.lines = lines
        self.areaHeight = max(1, areaHeight)
    }

    /// Rows of text a page shows: the area less its status row.
    public var pageHeight: Int { max(1, areaHeight - 1) }

    public var maximumScroll: Int { max(0, lines.count - pageHeight) }

    /// Lines shown now, as indexes.
    public var visibleLines: Range<Int> { scroll..<min(lines.count, scroll + pageHeight) }

    /// New lines (the text laid out again to a new width, or further) or a new height: the
    /// search is run again on them and the scroll kept in range. `expectedLineCount` is
    /// the whole text's guessed length while `lines` is only its start.
    public mutating func replace(lines: [StyledLine], areaHeight: Int, expectedLineCount: Int? = nil) {
        self.lines = lines
        self.areaHeight = max(1, areaHeight)
        self.expectedLineCount = expectedLineCount
        let hadCurrent = currentMatch != nil
        matches = Self.find(query, in: lines)
        scroll = min(scroll, maximumScroll)
        // Old line numbers mean nothing in the new layout: the current match becomes the
        // first one from the top of the page on.
        currentMatch = hadCurrent ? (matches.firstIndex { $0.line >= scroll } ?? (matches.isEmpty ? nil : 0)) : nil
    }

    /// Applies a key; returns false when the key is not the widget's, for the owner to take.
    ///
    /// While a search is typed every key that edits or ends it is the widget's: Enter
    /// searches, Esc gives up, Backspace on an empty search gives up too.
    public mutating func handle(_ key: Key) -> Bool {
        wrapped = nil
        if let draft {
            switch key {
            case .enter:
                self.draft = nil
                search(draft)
            case .escape, .control("c"):
                self.draft = nil
            case .backspace:
                self.draft = draft.isEmpty ? nil : String(draft.dropLast())
            case .control("u"):
                self.draft = ""
            case .character(let character):
                self.draft = draft + String(character)
            case .paste(let text):
                self.draft = draft + text.split(whereSeparator: \.isNewline).joined(separator: " ")
            default:
                break
            }
            return true
        }
        switch key {
        case .character("/"): draft = ""
        case .character("n"): step(forward: true)
        case .character("N"): step(forward: false)
        case .down, .character("j"): scroll(to: scroll + 1)
        case .up, .character("k"): scroll(to: scroll - 1)
        case .pageDown, .character(" "): scroll(to: scroll + pageHeight)
        case .pageUp, .character("b"): scroll(to: scroll - pageHeight)
        case .home, .character("g"): scroll(to: 0)
        case .end, .character("G"): scroll(to: maximumScroll)
        case .escape where !query.isEmpty:
            query = ""
            matches = []
            currentMatch = nil
        default:
            return false
        }
        return true
    }

    private mutating func scroll(to line: Int) {
        scroll = min(max(0, line), maximumScroll)
    }

    /// Finds `text` and goes to the first match at or after the top of the page.
    private mutating func search(_ text: String) {
        query = text
        matches = Self.find(text, in: lines)
        guard !matches.isEmpty else {
            currentMatch = nil
            return
        }
        if let index = matches.firstIndex(where: { $0.line >= scroll }) {
            go(to: index)
        } else {
            go(to: 0)
            wrapped = .toTop
        }
    }

    private mutating func step(forward: Bool) {
        guard !matches.isEmpty else { return }
        guard let current = currentMatch else {
            go(to: forward ? 0 : matches.count - 1)
            return
        }
        if forward {
            if current + 1 < matches.count { go(to: current + 1) } else { go(to: 0); wrapped = .toTop }
        } else {
            if current > 0 { go(to: current - 1) } else { go(to: matches.count - 1); wrapped = .toBottom }
        }
    }

    /// Makes a match current and brings its line onto the page: a line already shown
    /// stays where it is, another comes to the top (or as near as the end allows).
    private mutating func go(to index: Int) {
        currentMatch = index
        let line = matches[index].line
        if !visibleLines.contains(line) { scroll(to: line) }
    }

    /// Every case-insensitive occurrence of `query` in each line, not overlapping.
    public static func find(_ query: String, in lines: [StyledLine]) -> [Match] {
        let needle = query.map { $0.lowercased() }
        guard !needle.isEmpty else { return [] }
        var matches: [Match] = []
        for (number, line) in lines.enumerated() {
            // Run by run, as `draw` counts characters: joined, a run starting with a
            // combining mark would merge into the character before it and shift every offset.
            let haystack = line.runs.flatMap { $0.text.map { $0.lowercased() } }
            guard haystack.count >= needle.count else { continue }
            var start = 0
            while start + needle.count <= haystack.count {
                if haystack[start] == needle[0], haystack[start..<(start + needle.count)].elementsEqual(needle) {
                    matches.append(Match(line: number, characters: start..<(start + needle.count)))
                    start += needle.count
                } else {
                    start += 1
                }
            }
        }
        return matches
    }

    /// Where the reader is, for the status row.
    public var status: String {
        var parts: [String] = []
        if lines.isEmpty {
            parts.append("empty")
        } else {
            let shown = "line \(visibleLines.lowerBound + 1)-\(visibleLines.upperBound)"
            if let expectedLineCount {
                parts.append(shown + " of about \(Self.rounded(max(expectedLineCount, lines.count)))")
            } else {
                parts.append(shown + " of \(lines.count)")
            }
        }
        if !query.isEmpty {
            if matches.isEmpty {
                parts.append("no matches for \"\(query)\"")
            } else if let currentMatch {
                parts.append("\(currentMatch + 1) of \(matches.count) \(matches.count == 1 ? "match" : "matches")")
            } else {
                parts.append("\(matches.count) \(matches.count == 1 ? "match" : "matches")")
            }
        }
        switch wrapped {
        case .toTop: parts.append("search went on from the top")
        case .toBottom: parts.append("search went on from the bottom")
        case nil: break
        }
        return parts.joined(separator: " · ")
    }

    /// A guessed count to two significant figures (3,717 is "3700"): no more precise than it is.
    static func rounded(_ count: Int) -> Int {
        var unit = 1
        while count / unit >= 100 { unit *= 10 }
        return (count + unit / 2) / unit * unit
    }

    /// Matches are drawn reversed, the current one also bold and underlined.
    public static let matchStyle = Style(attributes: .reverse)
    public static let currentMatchStyle = Style(attributes: [.reverse, .bold, .underline])

    /// Draws the page and the status row into `rect`; returns where the cursor goes while
    /// a search is typed.
    @discardableResult
    public func draw(in rect: Rect, into buffer: inout Buffer) -> Point? {
        guard rect.width > 0, rect.height > 0 else { return nil }
        let rows = max(0, rect.height - 1)
        // Matches by line, so each line asks only about its own.
        var byLine: [Int: [(Range<Int>, Bool)]] = [:]
        for (index, match) in matches.enumerated() where visibleLines.contains(match.line) {
            byLine[match.line, default: []].append((match.characters, index == currentMatch))
        }
        for row in 0..<rows {
            let number = scroll + row
            guard number < lines.count else { break }
            let y = rect.y + row
            if let marks = byLine[number] {
                lines[number].draw(x: rect.x, y: y, limit: rect.maxX, into: &buffer) { offset, style in
                    guard let mark = marks.first(where: { $0.0.contains(offset) }) else { return style }
                    return mark.1 ? Self.currentMatchStyle : Self.matchStyle
                }
            } else {
                lines[number].draw(x: rect.x, y: y, limit: rect.maxX, into: &buffer)
            }
        }
        let statusRow = Rect(x: rect.x, y: rect.maxY - 1, width: rect.width, height: 1)
        guard rect.height > 1 else { return nil }
        if let draft {
            buffer.fill(statusRow, style: .plain)
            let prompt = "/" + draft
            // The end of a long search stays in view: it is where the typing is.
            let shown = CharacterWidth.of(prompt) < rect.width ? prompt : "…" + String(prompt.suffix(max(0, rect.width - 2)))
            let end = buffer.write(shown, x: statusRow.x, y: statusRow.y, style: .bold, limit: statusRow.maxX)
            return Point(x: min(end, statusRow.maxX - 1), y: statusRow.y)
        }
        buffer.fill(statusRow, style: .dim)
        Label.draw(status, in: statusRow, alignment: .trailing, style: .dim, into: &buffer)
        return nil
    }
}
