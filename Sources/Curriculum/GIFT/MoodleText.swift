/// The few PHP and Moodle string functions the GIFT importer leans on, with their quirks.
///
/// Matching Moodle's result means matching these exactly where a quiz file can tell the
/// difference: which characters `trim` removes, that PHP's `empty("0")` is true, what
/// `is_numeric` accepts, and how `shorten_text` cuts a long text into a question name.
/// Read from the PHP (no PHP runs here), not from tests of it.
enum MoodleText {
    /// PHP `trim`'s default set: space, tab, newline, carriage return, NUL, vertical tab.
    static func trim(_ text: Substring) -> Substring {
        let isTrimmed: (Character) -> Bool = { " \t\n\r\r\n\0\u{0B}".contains($0) }
        guard let first = text.firstIndex(where: { !isTrimmed($0) }), let last = text.lastIndex(where: { !isTrimmed($0) }) else {
            return text[text.endIndex...]
        }
        return text[first...last]
    }

    static func trim(_ text: String) -> String { String(trim(text[...])) }

    /// PHP `empty` on a string: the empty string and "0".
    static func isEmpty(_ text: Substring) -> Bool { text.isEmpty || text == "0" }

    /// The value of a string PHP's `is_numeric` accepts (surrounding whitespace, a sign,
    /// digits with one decimal point, an exponent), nil for anything else. Swift's own
    /// `Double("inf")` and hexadecimal floats are not numbers to PHP.
    static func number(_ text: Substring) -> Double? {
        let whitespace: Set<Character> = [" ", "\t", "\n", "\r", "\u{0B}", "\u{0C}"]
        var characters = Array(text)
        while let first = characters.first, whitespace.contains(first) { characters.removeFirst() }
        while let last = characters.last, whitespace.contains(last) { characters.removeLast() }
        var index = 0
        func digits() -> Int {
            let start = index
            while index < characters.count, let ascii = characters[index].asciiValue, (48...57).contains(ascii) { index += 1 }
            return index - start
        }
        if index < characters.count, characters[index] == "+" || characters[index] == "-" { index += 1 }
        var mantissaDigits = digits()
        if index < characters.count, characters[index] == "." {
            index += 1
            mantissaDigits += digits()
        }
        guard mantissaDigits > 0 else { return nil }
        if index < characters.count, characters[index] == "e" || characters[index] == "E" {
            index += 1
            if index < characters.count, characters[index] == "+" || characters[index] == "-" { index += 1 }
            guard digits() > 0 else { return nil }
        }
        guard index == characters.count else { return nil }
        return Double(String(characters))
    }

    /// PHP `strip_tags`, near enough for names: a `<` followed by something other than
    /// whitespace opens a tag that runs to the next `>` (or to the end).
    static func stripTags(_ text: String) -> String {
        var result = ""
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            if character == "<", next < text.endIndex, !text[next].isWhitespace {
                guard let close = text[next...].firstIndex(of: ">") else { break }
                index = text.index(after: close)
                continue
            }
            result.append(character)
            index = next
        }
        return result
    }

    /// `qformat_default::clean_question_name`: tags stripped (`PARAM_TEXT`), trimmed, and
    /// shortened until it fits Moodle's 255-character column.
    static func cleanQuestionName(_ name: String) -> String {
        var cleaned = trim(stripTags(name))
        var length = 251
        while cleaned.unicodeScalars.count > 255, length > 0 {
            cleaned = shorten(cleaned, to: length)
            length -= 10
        }
        return cleaned
    }

    /// `create_default_question_name`: the start of the text, or Moodle's "Question name"
    /// (the `questionname` string) when that comes out blank.
    static func defaultQuestionName(for text: String) -> String {
        let name = cleanQuestionName(shorten(text, to: 80))
        return name.isEmpty ? "Question name" : name
    }

    /// Moodle's `shorten_text($text, $ideal)` with its default `...` ending and word breaks.
    ///
    /// Lengths count code points (`mb_strlen`); an HTML entity counts as one. The text is
    /// cut after the last space or full stop within the length (or after any character of
    /// three or more UTF-8 bytes, for Chinese, Japanese and Korean), else at the length.
    /// Moodle then closes the tags it left open; those are stripped again from a name, so
    /// they are not added here. A lone `<` or `>` is dropped, as the PHP's
    /// `preg_match_all('/(<.+?>)?([^<>]*)/s')` steps over it.
    static func shorten(_ text: String, to ideal: Int) -> String {
        let ending = "..."
        let scalars = Array(text.unicodeScalars)
        if tagsRemovedWithinLines(scalars).count <= ideal { return text }
        var total = ending.unicodeScalars.count
        var truncated = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            var tag: ArraySlice<Unicode.Scalar> = []
            if scalars[index] == "<", index + 2 < scalars.count, let close = scalars[(index + 2)...].firstIndex(of: ">") {
                tag = scalars[index...close]
                index = close + 1
            }
            let runStart = index
            while index < scalars.count, scalars[index] != "<", scalars[index] != ">" { index += 1 }
            let run = Array(scalars[runStart..<index])
            if tag.isEmpty, run.isEmpty {
                index += 1
                continue
            }
            truncated.append(contentsOf: tag)
            let entities = entityRanges(in: run)
            let contentLength = run.count - entities.reduce(0) { $0 + $1.count - 1 }
            if total + contentLength > ideal {
                var left = ideal - total
                var entitiesLength = 0
                for entity in entities {
                    guard entity.lowerBound + 1 - entitiesLength <= left else { break }
                    left -= 1
                    entitiesLength += entity.count
                }
                let limit = left + entitiesLength
                var breakPosition = limit
                while breakPosition > 0 {
                    // PHP's `if ($char = mb_substr(...))` skips "0" and the end: neither is a break anyway.
                    if breakPosition < run.count {
                        let scalar = run[breakPosition]
                        if scalar == "." || scalar == " " || String(scalar).utf8.count > 2 {
                            breakPosition += 1
                            break
                        }
                    }
                    breakPosition -= 1
                }
                if breakPosition == 0 || breakPosition > limit { breakPosition = limit }
                truncated.append(contentsOf: run.prefix(max(0, breakPosition)))
                break
            }
            truncated.append(contentsOf: run)
            total += contentLength
            if total >= ideal { break }
        }
        truncated.append(contentsOf: ending.unicodeScalars)
        return String(truncated)
    }

    /// `preg_replace('/<.*?>/', '', $text)`: `.` stops at a newline.
    private static func tagsRemovedWithinLines(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        var index = 0
        while index < scalars.count {
            if scalars[index] == "<", let close = scalars[(index + 1)...].firstIndex(where: { $0 == ">" || $0 == "\n" }), scalars[close] == ">" {
                index = close + 1
                continue
            }
            result.append(scalars[index])
            index += 1
        }
        return result
    }

    /// `&[0-9a-z]{2,8};`, `&#[0-9]{1,7};`, `&#x[0-9a-f]{1,6};`, case-insensitively, left to right.
    private static func entityRanges(in run: [Unicode.Scalar]) -> [Range<Int>] {
        func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }
        func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool { isDigit(scalar) || ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) }
        func isHex(_ scalar: Unicode.Scalar) -> Bool { isDigit(scalar) || ("a"..."f").contains(scalar) || ("A"..."F").contains(scalar) }
        func entity(at start: Int) -> Int? {
            func characters(from index: Int, _ accepts: (Unicode.Scalar) -> Bool, _ counts: ClosedRange<Int>) -> Int? {
                var end = index
                while end < run.count, end - index < counts.upperBound, accepts(run[end]) { end += 1 }
                guard counts.contains(end - index), end < run.count, run[end] == ";" else { return nil }
                return end + 1
            }
            let afterAmpersand = start + 1
            if let end = characters(from: afterAmpersand, isAlphanumeric, 2...8) { return end }
            guard afterAmpersand < run.count, run[afterAmpersand] == "#" else { return nil }
            if let end = characters(from: afterAmpersand + 1, isDigit, 1...7) { return end }
            guard afterAmpersand + 1 < run.count, run[afterAmpersand + 1] == "x" || run[afterAmpersand + 1] == "X" else { return nil }
            return characters(from: afterAmpersand + 2, isHex, 1...6)
        }
        var ranges: [Range<Int>] = []
        var index = 0
        while index < run.count {
            if run[index] == "&", let end = entity(at: index) {
                ranges.append(index..<end)
                index = end
            } else {
                index += 1
            }
        }
        return ranges
    }
}
