import Domain
import TerminalCore
import Widgets

/// A task's text cut once for the spans screen: its characters and tokens (`TokenText`)
/// and where each character starts in Unicode scalars, the unit `EntitySpan` counts.
public struct SpansText: Equatable, Sendable {
    public let tokenText: TokenText
    /// The scalar offset each character starts at, then the text's length in scalars.
    public let scalarStarts: [Int]

    public init(_ text: String) {
        let characters = Array(text)
        var scalarStarts: [Int] = []
        scalarStarts.reserveCapacity(characters.count + 1)
        var offset = 0
        for character in characters {
            scalarStarts.append(offset)
            offset += character.unicodeScalars.count
        }
        scalarStarts.append(offset)
        // Tokens come in scalars; map them to characters by walking both in step.
        var tokens: [Range<Int>] = []
        var index = 0
        for token in Tokenizer.tokens(in: text) {
            while scalarStarts[index] < token.start { index += 1 }
            let first = index
            while scalarStarts[index] < token.end { index += 1 }
            tokens.append(first..<index)
        }
        self.tokenText = TokenText(characters: characters, tokens: tokens)
        self.scalarStarts = scalarStarts
    }

    public var characters: [Character] { tokenText.characters }
    public var tokens: [Range<Int>] { tokenText.tokens }
    public var scalarCount: Int { scalarStarts[scalarStarts.count - 1] }

    /// The character holding scalar `offset`: the last one starting at or before it.
    public func character(atScalar offset: Int) -> Int {
        var low = 0, high = scalarStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if scalarStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// A span's characters; a span that cuts a cluster takes the whole cluster.
    public func characters(of span: EntitySpan) -> Range<Int> {
        let first = character(atScalar: span.start)
        var end = character(atScalar: span.end)
        if scalarStarts[end] < span.end { end += 1 }
        return first..<max(first, min(end, characters.count))
    }

    /// The scalar range of tokens `first...last`.
    public func span(tokens first: Int, through last: Int, label: String) -> EntitySpan {
        EntitySpan(start: scalarStarts[tokens[first].lowerBound], end: scalarStarts[tokens[last].upperBound], label: label)
    }

    /// The token a character belongs to or, in the whitespace between, the one before.
    public func token(atCharacter index: Int) -> Int {
        var low = 0, high = tokens.count - 1
        guard high >= 0 else { return 0 }
        while low < high {
            let middle = (low + high + 1) / 2
            if tokens[middle].lowerBound <= index { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// A span's text as a list shows it: on one line, cut at `limit` characters.
    public func quote(_ span: EntitySpan, limit: Int) -> String {
        let range = characters(of: span)
        var out = ""
        for index in range.prefix(limit) {
            out.append(characters[index].isWhitespace ? " " : characters[index])
        }
        return range.count > limit ? out + "…" : out
    }
}
