import Testing
import TerminalCore
import Widgets

@Suite("Table")
struct TableTests {
    private let columns = [Table.Column("Id", width: 3), Table.Column("Name"), Table.Column("Count", width: 5, alignment: .trailing)]

    @Test func fixedColumnsKeepTheirWidthAndFlexibleOnesShareTheRest() {
        // 20 = 3 + 5 fixed + 2 gaps, leaving 10 for the one flexible column
        #expect(Table(columns: columns, rows: []).widths(total: 20) == [3, 10, 5])
        let twoFlexible = Table(columns: [Table.Column("A"), Table.Column("B"), Table.Column("C", width: 4)], rows: [])
        #expect(twoFlexible.widths(total: 15) == [4, 4, 4])
    }

    @Test func tooNarrowGivesFlexibleColumnsNothing() {
        #expect(Table(columns: columns, rows: []).widths(total: 5) == [3, 0, 5])
    }

    @Test func drawsAHeaderAndRowsWithTheSelectionMarked() {
        let table = Table(columns: columns, rows: [["1", "alpha", "12"], ["2", "中文名前です", "3"]], selected: 1)
        var buffer = Buffer(size: Size(width: 23, height: 3))
        table.draw(in: buffer.area, into: &buffer)
        // Name gets the ten columns left; the wide name is cut by columns, with an ellipsis
        #expect(buffer.line(0) == "  Id  Name       Count ")
        #expect(buffer.line(1) == "  1   alpha         12 ")
        #expect(buffer.line(2) == "▸ 2   中文名前…      3 ")
        #expect(buffer[2, 0].style == Style.bold.with(.underline))
        #expect(buffer[0, 2].style == .reverse)
        #expect(buffer[22, 2].style == .reverse)
        #expect(buffer[2, 1].style == .plain)
    }

    @Test func aCellsOwnStyleShowsOnItsRowAndStaysReversedWhenSelected() {
        // Given a red count on each row, the second selected
        let red = Style(foreground: .red, attributes: .bold)
        let table = Table(columns: columns, rows: [["1", "alpha", "12"], ["2", "beta", "3"]], selected: 1, cellStyles: [[nil, nil, red], [nil, nil, red]])
        var buffer = Buffer(size: Size(width: 23, height: 3))
        table.draw(in: buffer.area, into: &buffer)
        // Then the unselected count is red, the selected one red and reversed, the other cells as before
        #expect(buffer[21, 1].style == red)
        #expect(buffer[21, 2].style == red.with(.reverse))
        #expect(buffer[6, 1].style == .plain)
        #expect(buffer[6, 2].style == .reverse)
    }
}
