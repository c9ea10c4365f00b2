import Domain
import Foundation
import TerminalCore
import Widgets

/// Where the spans screen's parts go in the body: the text pane, the spans list (right
/// of the text from 120 columns, below it when narrower) and the legend at the bottom.
///
/// A function of the body's size and the project only, never of the spans, so tagging
/// never moves the text and the layout is made again only on a resize.
struct SpansGeometry: Equatable {
    static let sideBySideWidth = 120

    var text: Rect
    var list: Rect
    var legend: Rect
    var legendLines: [[Int]]

    init(_ size: Size, _ context: KindContext) {
        self.init(in: Rect(x: 0, y: 0, width: size.width, height: size.height), context)
    }

    init(in rect: Rect, _ context: KindContext) {
        legendLines = SpansGeometry.legendLines(context, width: rect.width - 2)
        let (upper, legend) = rect.splitBottom(min(legendLines.count, max(0, rect.height - 6)))
        self.legend = legend
        if rect.width >= SpansGeometry.sideBySideWidth {
            let listWidth = max(36, rect.width / 3)
            text = Rect(x: upper.x, y: upper.y, width: upper.width - listWidth, height: upper.height)
            list = Rect(x: upper.x + text.width, y: upper.y, width: listWidth, height: upper.height)
        } else {
            let (top, bottom) = upper.splitBottom(min(10, max(4, upper.height / 3)))
            text = top
            list = bottom
        }
    }

    /// The text's width and rows inside its frame and one column of margin each side.
    var textWidth: Int { max(1, text.width - 4) }
    var textRows: Int { max(1, text.height - 2) }

    /// One legend entry: " 1 r person ".
    static func legendEntry(_ index: Int, _ context: KindContext) -> String {
        let letter = index < context.keys.letters.count ? " \(context.keys.letters[index])" : ""
        return " \(index + 1)\(letter) \(context.project.labels[index].name) "
    }

    /// The types' indexes on each legend line, wrapped to the width.
    static func legendLines(_ context: KindContext, width: Int) -> [[Int]] {
        var lines: [[Int]] = [[]]
        var used = 0
        for index in context.project.labels.indices {
            let entryWidth = CharacterWidth.of(legendEntry(index, context)) + 1
            if used > 0, used + entryWidth > width {
                lines.append([])
                used = 0
            }
            lines[lines.count - 1].append(index)
            used += entryWidth
        }
        return lines
    }
}

extension SpansKind {
    public static func render(_ work: Work, _ context: KindContext, in rect: Rect, into buffer: inout Buffer) {
        let geometry = SpansGeometry(in: rect, context)
        // After a resize and before the next key the stored layout is for the old width:
        // lay out for this frame only (the next key keeps the new one).
        let layout = work.layout.width == geometry.textWidth ? work.layout : work.text.tokenText.laidOut(width: geometry.textWidth)
        let palette = SpanPalette(context.project)
        drawText(work, layout, context, geometry.text, palette, into: &buffer)
        drawList(work, context, geometry.list, palette, into: &buffer)
        for (row, line) in geometry.legendLines.enumerated() where row < geometry.legend.height {
            var x = geometry.legend.x + 1
            for index in line {
                x = buffer.write(SpansGeometry.legendEntry(index, context), x: x, y: geometry.legend.y + row, style: palette.styles[index], limit: geometry.legend.maxX) + 1
            }
        }
    }

    /// The text, by line, from the scroll position: spans in their type's colour and
    /// underlined (so they show without colour), the selection and cursor reversed.
    static func drawText(_ work: Work, _ layout: TokenTextLayout, _ context: KindContext, _ rect: Rect, _ palette: SpanPalette, into buffer: inout Buffer) {
        let title = context.project.instructions
        let inside = Frame(title: title.isEmpty ? nil : title).draw(in: rect, into: &buffer).inset(horizontal: 1, vertical: 0)
        guard !inside.isEmpty else { return }
        let text = work.text
        guard !text.tokens.isEmpty else {
            Label.drawWrapped("This task has no words to tag. Press Enter to submit it with no entities.", in: inside, style: .dim, into: &buffer)
            return
        }
        let rows = inside.height
        let cursorCharacters = text.tokens[work.cursor]
        let cursorLine = layout.line(ofCharacter: cursorCharacters.lowerBound)
        var first = min(work.scroll, max(0, layout.lineCount - rows))
        if cursorLine < first { first = cursorLine } else if cursorLine >= first + rows { first = cursorLine - rows + 1 }
        let last = min(layout.lineCount, first + rows)
        let visible = layout.lineStarts[first]..<layout.lineStarts[last]

        // The type of each visible character; the shortest span wins where spans overlap.
        var paint = [Int](repeating: -1, count: visible.count)
        let start = text.scalarStarts[visible.lowerBound], end = text.scalarStarts[visible.upperBound]
        let covering = work.spans.filter { $0.start < end && $0.end > start }.sorted { $0.length > $1.length }
        for span in covering {
            guard let label = palette.index[span.label] else { continue }
            for character in text.characters(of: span).clamped(to: visible) { paint[character - visible.lowerBound] = label }
        }
        let selection = selectedTokens(work)
        let selected = work.anchor == nil ? 0..<0 : text.tokens[selection.lowerBound].lowerBound..<text.tokens[selection.upperBound].upperBound

        for line in first..<last {
            text.tokenText.draw(line: line, of: layout, x: inside.x, y: inside.y + line - first, limit: inside.maxX, into: &buffer) { character in
                let label = paint[character - visible.lowerBound]
                var style = label >= 0 ? palette.spanStyles[label] : .plain
                if selected.contains(character) { style.attributes.insert(.reverse) }
                if cursorCharacters.contains(character) { style.attributes.formUnion([.reverse, .bold]) }
                return style
            }
        }
        if work.anchor != nil {
            let count = selection.count
            let note = " selecting \(count) \(count == 1 ? "word" : "words"): \(typeKeys(context)) tags, Esc drops "
            Label.draw(note, in: Rect(x: rect.x + 2, y: rect.maxY - 1, width: rect.width / 2, height: 1), style: .bold, into: &buffer)
        }
        if layout.lineCount > rows {
            let more = " \(first + 1)-\(last) of \(layout.lineCount) lines "
            Label.draw(more, in: Rect(x: rect.x + 2, y: rect.maxY - 1, width: rect.width - 4, height: 1), alignment: .trailing, style: .dim, into: &buffer)
        }
    }

    /// The spans in text order, `TYPE  "text"`: the one under the cursor marked and
    /// reversed, the model's own marked as such; scrolled to keep the cursor's place in sight.
    static func drawList(_ work: Work, _ context: KindContext, _ rect: Rect, _ palette: SpanPalette, into buffer: inout Buffer) {
        let spans = work.spans
        let inside = Frame(title: "Spans (\(spans.count))").draw(in: rect, into: &buffer).inset(horizontal: 1, vertical: 0)
        guard !inside.isEmpty else { return }
        guard !spans.isEmpty else {
            let empty = "No spans yet. Move with w and b, select with v, tag with \(typeKeys(context)). With none, Enter submits “no entities”."
            Label.drawWrapped(empty, in: inside, style: .dim, into: &buffer)
            return
        }
        let current = spanUnderCursor(work)
        let cursorStart = work.text.tokens.indices.contains(work.cursor) ? work.text.scalarStarts[work.text.tokens[work.cursor].lowerBound] : 0
        let focus = current ?? spans.firstIndex { $0.start >= cursorStart } ?? spans.count - 1
        let top = max(0, min(focus - inside.height / 2, spans.count - inside.height))
        let typeWidth = context.project.labels.map { CharacterWidth.of($0.name) }.max() ?? 0
        for row in 0..<min(inside.height, spans.count - top) {
            let index = top + row
            let span = spans[index]
            let y = inside.y + row
            let isCurrent = index == current
            var x = buffer.write(isCurrent ? "▸" : " ", x: inside.x, y: y, style: .bold, limit: inside.maxX)
            let name = " " + span.label + String(repeating: " ", count: max(0, typeWidth - CharacterWidth.of(span.label))) + " "
            x = buffer.write(name, x: x, y: y, style: palette.index[span.label].map { palette.styles[$0] } ?? .plain, limit: inside.maxX)
            let model = work.modelSpans.contains(span) ? " model" : ""
            let limit = inside.maxX - CharacterWidth.of(model)
            let quote = "  \"" + work.text.quote(span, limit: max(8, inside.width)) + "\""
            x = buffer.write(quote, x: x, y: y, style: isCurrent ? Style.reverse.with(.bold) : .plain, limit: limit)
            if !model.isEmpty { buffer.write(model, x: limit, y: y, style: .dim, limit: inside.maxX) }
        }
        if spans.count > inside.height {
            let more = " \(top + 1)-\(top + min(inside.height, spans.count - top)) of \(spans.count) "
            Label.draw(more, in: Rect(x: rect.x + 2, y: rect.maxY - 1, width: rect.width - 4, height: 1), alignment: .trailing, style: .dim, into: &buffer)
        }
    }
}
