import Curriculum
import TerminalCore
import Widgets

extension LessonLayout {
    /// A table drawn with box characters, its columns fitted to the width.
    ///
    /// Columns take what their widest cell needs; when the whole is too wide the widest
    /// columns give way first, down to what the rest need, and cells cut with "…". A
    /// cell is one line: a table is read across, and rows of different heights would
    /// hide which cells belong together.
    static func tableLines(_ table: MarkdownTable, width: Int) -> [StyledLine] {
        let columns = max(table.alignments.count, table.header.count, table.rows.map(\.count).max() ?? 0)
        guard columns > 0 else { return [] }
        func cell(_ inlines: [MarkdownInline]?, header: Bool) -> StyledLine {
            let flat = runs(inlines ?? [], style: header ? .bold : .plain).map { run in
                StyledRun(run.text.map { $0.isNewline ? " " : String($0) }.joined(), style: run.style)
            }
            return StyledLine(flat)
        }
        let header = (0..<columns).map { cell(table.header.indices.contains($0) ? table.header[$0] : nil, header: true) }
        let rows = table.rows.map { row in (0..<columns).map { cell(row.indices.contains($0) ? row[$0] : nil, header: false) } }
        let natural = (0..<columns).map { column in max(1, ([header[column]] + rows.map { $0[column] }).map(\.width).max() ?? 1) }
        let widths = fitted(natural, into: width - (3 * columns + 1))

        func border(_ left: String, _ middle: String, _ right: String) -> StyledLine {
            StyledLine(left + widths.map { String(repeating: "─", count: $0 + 2) }.joined(separator: middle) + right, style: ruleStyle)
        }
        func row(_ cells: [StyledLine]) -> StyledLine {
            var parts: [StyledRun] = [StyledRun("│", style: ruleStyle)]
            for (column, cell) in cells.enumerated() {
                let alignment = table.alignments.indices.contains(column) ? table.alignments[column] : .none
                let shown = cell.truncated(to: widths[column])
                let room = widths[column] - shown.width
                let before = switch alignment {
                case .right: room
                case .center: room / 2
                case .left, .none: 0
                }
                parts.append(StyledRun(" " + String(repeating: " ", count: before)))
                parts += shown.runs
                parts.append(StyledRun(String(repeating: " ", count: room - before) + " "))
                parts.append(StyledRun("│", style: ruleStyle))
            }
            return StyledLine(parts)
        }
        return [border("┌", "┬", "┐"), row(header), border("├", "┼", "┤")] + rows.map(row) + [border("└", "┴", "┘")]
    }

    /// Column widths that add up to no more than `room`: each column its natural width up
    /// to a common cap, the cap as high as fits, what is left over shared out one column
    /// at a time to the columns the cap cut. At least one column each, even if that
    /// overflows: a table with no room shows its first letters rather than nothing.
    static func fitted(_ natural: [Int], into room: Int) -> [Int] {
        guard natural.reduce(0, +) > room else { return natural }
        func total(_ cap: Int) -> Int { natural.reduce(0) { $0 + min($1, cap) } }
        var low = 1, high = natural.max() ?? 1
        while low < high {
            let middle = (low + high + 1) / 2
            if total(middle) <= room { low = middle } else { high = middle - 1 }
        }
        var widths = natural.map { min($0, low) }
        var left = room - widths.reduce(0, +)
        for index in widths.indices where left > 0 && natural[index] > widths[index] {
            widths[index] += 1
            left -= 1
        }
        return widths
    }
}
