/// One cell that changed between two frames.
public struct CellChange: Equatable, Sendable {
    public var x: Int
    public var y: Int
    public var cell: Cell
}

extension Buffer {
    /// The cells that differ from `previous`, row by row, left to right.
    ///
    /// A backend writes only these. When sizes differ everything is new, so the result
    /// is every cell of `self`. Continuation cells are never emitted: writing the wide
    /// character before them covers them.
    public func changes(since previous: Buffer?) -> [CellChange] {
        var result: [CellChange] = []
        let same = previous?.size == size
        for y in 0..<height {
            for x in 0..<width {
                let index = y * width + x
                let cell = cells[index]
                if same, let previous, previous.cells[index] == cell { continue }
                if cell.isContinuation {
                    // The wide character to the left changed with it; if that one is
                    // unchanged, the continuation cannot differ either.
                    continue
                }
                result.append(CellChange(x: x, y: y, cell: cell))
            }
        }
        return result
    }
}
