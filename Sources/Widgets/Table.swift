import TerminalCore

/// Rows of text under a header, in columns of fixed or flexible width.
public struct Table: Sendable {
    public struct Column: Sendable {
        public var title: String
        /// Fixed width in columns; nil shares what is left among flexible columns.
        public var width: Int?
        public var alignment: Alignment

        public init(_ title: String, width: Int? = nil, alignment: Alignment = .leading) {
            self.title = title
            self.width = width
            self.alignment = alignment
        }
    }

    public var columns: [Column]
    public var rows: [[String]]
    public var selected: Int?
    /// A style per cell (row, then column) where colour carries meaning, such as an
    /// overdue date; missing or nil cells are plain. A selected row keeps the colour,
    /// reversed.
    public var cellStyles: [[Style?]]

    public init(columns: [Column], rows: [[String]], selected: Int? = nil, cellStyles: [[Style?]] = []) {
        self.columns = columns
        self.rows = rows
        self.selected = selected
        self.cellStyles = cellStyles
    }

    /// Widths each column gets in `total` columns, one space between columns.
    public func widths(total: Int) -> [Int] {
        let gaps = max(0, columns.count - 1)
        let fixed = columns.compactMap(\.width).reduce(0, +)
        let flexibleCount = columns.filter { $0.width == nil }.count
        let spare = max(0, total - gaps - fixed)
        return columns.map { $0.width ?? (flexibleCount > 0 ? spare / flexibleCount : 0) }
    }

    public func draw(in rect: Rect, into buffer: inout Buffer) {
        guard rect.height > 0 else { return }
        let widths = widths(total: rect.width - 3)
        func drawRow(_ cells: [String], y: Int, style: Style, styles: [Style?] = []) {
            var x = rect.x + 2
            for (index, column) in columns.enumerated() {
                let cell = Rect(x: x, y: y, width: widths[index], height: 1)
                var cellStyle = style
                if index < styles.count, let own = styles[index] { cellStyle = own.with(style.attributes) }
                Label.draw(index < cells.count ? cells[index] : "", in: cell, alignment: column.alignment, style: cellStyle, into: &buffer)
                x += widths[index] + 1
            }
        }
        drawRow(columns.map(\.title), y: rect.y, style: .bold.with(.underline))
        let bodyHeight = rect.height - 1
        let first = SelectionList.firstVisible(selected: selected ?? 0, count: rows.count, height: bodyHeight)
        for row in 0..<max(0, min(bodyHeight, rows.count - first)) {
            let index = first + row
            let y = rect.y + 1 + row
            let isSelected = index == selected
            if isSelected {
                buffer.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), style: .reverse)
                buffer.write("▸", x: rect.x, y: y, style: .reverse)
            }
            drawRow(rows[index], y: y, style: isSelected ? .reverse : .plain, styles: index < cellStyles.count ? cellStyles[index] : [])
        }
    }
}
