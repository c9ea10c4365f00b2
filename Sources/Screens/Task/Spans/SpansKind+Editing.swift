import Domain
import Foundation
import TerminalCore
import Widgets

/// The spans screen's moves and edits: each touches the cursor, the selection and the
/// span list, never the text or its layout.
extension SpansKind {
    enum Edge { case start, end }

    /// The tokens the selection covers, or the cursor's token when there is none.
    static func selectedTokens(_ work: Work) -> ClosedRange<Int> {
        guard let anchor = work.anchor else { return work.cursor...work.cursor }
        return min(anchor, work.cursor)...max(anchor, work.cursor)
    }

    /// The span under the cursor: the focused one if it still covers the cursor's
    /// token, else the shortest that does.
    static func spanUnderCursor(_ work: Work) -> Int? {
        guard work.text.tokens.indices.contains(work.cursor) else { return nil }
        let token = work.text.span(tokens: work.cursor, through: work.cursor, label: "")
        if let focused = work.focused, focused.overlaps(token), let index = work.spans.firstIndex(of: focused) { return index }
        return work.spans.indices.filter { work.spans[$0].overlaps(token) }.min { work.spans[$0].length < work.spans[$1].length }
    }

    static func move(_ work: inout Work, to token: Int, rows: Int) -> KindReply {
        work.cursor = min(max(0, token), work.text.tokens.count - 1)
        work.goalColumn = nil
        work.focused = nil
        reveal(&work, rows: rows)
        return .handled
    }

    /// Moves to the token nearest the goal column on the line `delta` lines away that
    /// has a token starting on it (a long token's continuation lines have none).
    static func moveByLines(_ work: inout Work, _ delta: Int, rows: Int, scrolls: Bool = false) -> KindReply {
        let layout = work.layout
        let first = work.text.tokens[work.cursor].lowerBound
        let goal = work.goalColumn ?? Int(layout.columns[first])
        let current = layout.line(ofCharacter: first)
        let step = delta > 0 ? 1 : -1
        var line = min(max(0, current + delta), layout.lineCount - 1)
        while line >= 0, line < layout.lineCount, layout.tokens(onLine: line).isEmpty { line += step }
        if !(0..<layout.lineCount).contains(line) || line == current {
            // Past the last line: a page key still goes as far as it can.
            guard scrolls else { return .handled }
            let edge = delta > 0 ? work.text.tokens.count - 1 : 0
            _ = move(&work, to: edge, rows: rows)
            return .handled
        }
        let onLine = layout.tokens(onLine: line)
        let target = onLine.last { Int(layout.columns[work.text.tokens[$0].lowerBound]) <= goal } ?? onLine.lowerBound
        work.cursor = target
        work.goalColumn = goal
        work.focused = nil
        if scrolls { work.scroll = max(0, min(work.scroll + delta, layout.lineCount - rows)) }
        reveal(&work, rows: rows)
        return .handled
    }

    /// Scrolls just enough that the cursor's line is on screen.
    static func reveal(_ work: inout Work, rows: Int) {
        let rows = max(1, rows)
        guard work.text.tokens.indices.contains(work.cursor) else {
            work.scroll = 0
            return
        }
        let line = work.layout.line(ofCharacter: work.text.tokens[work.cursor].lowerBound)
        if line < work.scroll { work.scroll = line }
        if line >= work.scroll + rows { work.scroll = line - rows + 1 }
        work.scroll = max(0, min(work.scroll, work.layout.lineCount - rows))
    }

    static func tag(_ work: inout Work, as index: Int, _ context: KindContext) -> KindReply {
        let name = context.project.labels[index].name
        let tokens = selectedTokens(work)
        let span = work.text.span(tokens: tokens.lowerBound, through: tokens.upperBound, label: name)
        if let same = work.spans.firstIndex(where: { $0.start == span.start && $0.end == span.end }) {
            // The same stretch again with another type: a change of type, not a second span.
            guard work.spans[same].label != name else {
                return .refused("“\(work.text.quote(span, limit: 40))” is already tagged as \(name).")
            }
            work.spans[same].label = name
            work.spans.sort()
            work.anchor = nil
            work.focused = work.spans.first { $0.start == span.start && $0.end == span.end && $0.label == name }
            return .handled
        }
        if let refusal = overlapRefusal(span, ignoring: nil, work, context) { return .refused(refusal) }
        work.spans.append(span)
        work.spans.sort()
        work.anchor = nil
        work.focused = span
        return .handled
    }

    /// Why `span` may not be added beside the others (one of them `ignoring`, being changed), if it may not.
    static func overlapRefusal(_ span: EntitySpan, ignoring: Int?, _ work: Work, _ context: KindContext) -> String? {
        guard !context.project.allowsOverlap else { return nil }
        guard let clash = work.spans.indices.first(where: { $0 != ignoring && work.spans[$0].overlaps(span) }) else { return nil }
        let other = work.spans[clash]
        return "That overlaps “\(work.text.quote(other, limit: 40))” (\(other.label)), and this project does not allow overlapping spans: delete it with x or move its edges first."
    }

    static func deleteSpan(_ work: inout Work) -> KindReply {
        guard let index = spanUnderCursor(work) else { return .refused("There is no span under the cursor to delete.") }
        work.spans.remove(at: index)
        work.focused = nil
        return .handled
    }

    static func jumpToSpan(_ work: inout Work, forward: Bool, rows: Int) -> KindReply {
        let starts = work.spans.map { work.text.token(atCharacter: work.text.character(atScalar: $0.start)) }
        let index = forward
            ? starts.indices.first { starts[$0] > work.cursor }
            : starts.indices.last { starts[$0] < work.cursor }
        guard let index else {
            if work.spans.isEmpty { return .refused("There are no spans yet: select words with v and press a type's key.") }
            return .refused(forward ? "There are no more spans after the cursor." : "There are no spans before the cursor.")
        }
        _ = move(&work, to: starts[index], rows: rows)
        work.focused = work.spans[index]
        return .handled
    }

    /// Moves one edge of the span under the cursor by one character, stepping over
    /// whitespace so a span never starts or ends with a space.
    static func nudge(_ work: inout Work, _ context: KindContext, edge: Edge, by step: Int, rows: Int) -> KindReply {
        guard let index = spanUnderCursor(work) else {
            return .refused("Move the cursor onto a span to move its edges.")
        }
        let text = work.text
        let old = work.spans[index]
        var range = text.characters(of: old)
        let count = text.characters.count
        func isSpace(_ character: Int) -> Bool { text.characters[character].isWhitespace }
        switch edge {
        case .start:
            var start = range.lowerBound + step
            while start >= 0, start < count, isSpace(start) { start += step }
            guard start >= 0 else { return .refused("The span already starts at the beginning of the text.") }
            guard start < range.upperBound else { return .refused("That would leave the span empty; delete it with x instead.") }
            range = start..<range.upperBound
        case .end:
            var end = range.upperBound + step
            while end > 0, end <= count, isSpace(end - 1) { end += step }
            guard end <= count else { return .refused("The span already ends at the end of the text.") }
            guard end > range.lowerBound else { return .refused("That would leave the span empty; delete it with x instead.") }
            range = range.lowerBound..<end
        }
        let moved = EntitySpan(start: text.scalarStarts[range.lowerBound], end: text.scalarStarts[range.upperBound], label: old.label)
        if let refusal = overlapRefusal(moved, ignoring: index, work, context) { return .refused(refusal) }
        if work.spans.enumerated().contains(where: { $0.offset != index && $0.element == moved }) {
            return .refused("There is already a \(moved.label) span there.")
        }
        work.spans[index] = moved
        work.spans.sort()
        work.focused = moved
        let token = text.span(tokens: work.cursor, through: work.cursor, label: "")
        if !moved.overlaps(token) {
            // The edge left the cursor's word: follow the span so the next nudge still reaches it.
            work.cursor = text.token(atCharacter: edge == .start ? range.lowerBound : range.upperBound - 1)
            reveal(&work, rows: rows)
        }
        return .handled
    }
}
