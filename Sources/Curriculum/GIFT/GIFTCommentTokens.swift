/// `[id:...]` and `[tag:...]` in a question's comment lines, as
/// `qformat_gift::extract_idnumber_and_tags_from_comment` finds them.
///
/// A token stays on one line; `\]` puts a `]` inside it. The first `[id:]` is the id
/// number; every `[tag:]` is a tag (a tag may not hold `<`, `>` or a backquote). Both are
/// trimmed.
enum GIFTCommentTokens {
    static func idNumberAndTags(in comments: String) -> (idNumber: String, tags: [String]) {
        let idNumber = tokens("[id:", in: comments, excluded: [], allowsEmpty: false).first ?? ""
        let tags = tokens("[tag:", in: comments, excluded: ["<", ">", "`"], allowsEmpty: true)
        return (idNumber, tags)
    }

    /// Every non-overlapping `opening(?:\\]|[^]excluded[:cntrl:]])+]`, with PCRE's
    /// backtracking: when a token runs into a line end, the last `\]` in it may close it.
    private static func tokens(_ opening: String, in text: String, excluded: Set<Character>, allowsEmpty: Bool) -> [String] {
        func isAllowed(_ character: Character) -> Bool {
            guard character != "]", !excluded.contains(character) else { return false }
            return !character.unicodeScalars.contains { $0.value < 32 || $0.value == 127 }
        }
        var found: [String] = []
        var searchFrom = text.startIndex
        while let start = text[searchFrom...].firstRange(of: opening) {
            var index = start.upperBound
            var lastEscapedBracket: String.Index?
            while index < text.endIndex {
                let next = text.index(after: index)
                if text[index] == "\\", next < text.endIndex, text[next] == "]" {
                    lastEscapedBracket = next
                    index = text.index(after: next)
                } else if isAllowed(text[index]) {
                    index = next
                } else {
                    break
                }
            }
            var content: Substring?
            if index < text.endIndex, text[index] == "]", allowsEmpty || index > start.upperBound {
                content = text[start.upperBound..<index]
            } else if let bracket = lastEscapedBracket {
                index = bracket
                content = text[start.upperBound..<bracket]
            }
            guard let content else {
                searchFrom = text.index(after: start.lowerBound)
                continue
            }
            found.append(MoodleText.trim(String(content)).replacing("\\]", with: "]"))
            searchFrom = text.index(after: index)
        }
        return found
    }
}
