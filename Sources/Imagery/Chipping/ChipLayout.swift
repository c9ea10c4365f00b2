import Domain

/// How a scene is cut: square chips with an overlap between neighbours and a margin of
/// context around each. Pure arithmetic, so the hub can plan before it writes.
///
/// Focus windows tile the scene with a stride of `chipSize - overlap`, so neighbouring
/// foci share exactly `overlap` pixels and every scene pixel is in some focus; the last
/// row and column are cut at the scene's edge. Each chip is its focus grown by `margin`
/// on every side, cut at the scene's edge: context the labeler sees but does not label.
public struct ChipLayout: Hashable, Sendable {
    public var chipSize: Int
    public var overlap: Int
    public var margin: Int

    public init(chipSize: Int = 1024, overlap: Int = 64, margin: Int = 128) throws(ImageryError) {
        guard chipSize >= 16 else { throw .invalidChipping(reason: "a chip must be at least 16 pixels on a side, not \(chipSize)") }
        guard overlap >= 0, overlap < chipSize else {
            throw .invalidChipping(reason: "the overlap must be at least 0 and less than the chip size (\(chipSize)), not \(overlap)")
        }
        guard margin >= 0 else { throw .invalidChipping(reason: "the margin must be 0 or more pixels, not \(margin)") }
        self.chipSize = chipSize
        self.overlap = overlap
        self.margin = margin
    }

    /// One chip to cut: where it lies in the scene and which part of it is the task's.
    public struct Placement: Hashable, Sendable {
        public var row: Int
        public var column: Int
        /// The chip in scene pixels, margin included.
        public var window: PixelWindow
        /// The part to label, in chip pixels.
        public var focus: PixelWindow

        /// The focus in scene pixels.
        public var sceneFocus: PixelWindow {
            PixelWindow(x: window.x + focus.x, y: window.y + focus.y, width: focus.width, height: focus.height)
        }
    }

    /// The chips of a `width` x `height` scene, row by row.
    public func placements(width: Int, height: Int) -> [Placement] {
        let columns = spans(length: width), rows = spans(length: height)
        var placements: [Placement] = []
        for (row, vertical) in rows.enumerated() {
            for (column, horizontal) in columns.enumerated() {
                let left = max(0, horizontal.lowerBound - margin), top = max(0, vertical.lowerBound - margin)
                let right = min(width, horizontal.upperBound + margin), bottom = min(height, vertical.upperBound + margin)
                placements.append(Placement(
                    row: row, column: column,
                    window: PixelWindow(x: left, y: top, width: right - left, height: bottom - top),
                    focus: PixelWindow(x: horizontal.lowerBound - left, y: vertical.lowerBound - top, width: horizontal.count, height: vertical.count)))
            }
        }
        return placements
    }

    /// The chip for one given focus (a chip list's `window`, in scene pixels): the focus
    /// grown by `margin` on every side and cut at the scene's edge. Its row is 0 and its
    /// column is `index`, the chip's place in the list, so file names stay apart.
    public func placement(focus: PixelWindow, index: Int, width: Int, height: Int) -> Placement {
        let left = max(0, focus.x - margin), top = max(0, focus.y - margin)
        let right = min(width, focus.x + focus.width + margin), bottom = min(height, focus.y + focus.height + margin)
        return Placement(
            row: 0, column: index, window: PixelWindow(x: left, y: top, width: right - left, height: bottom - top),
            focus: PixelWindow(x: focus.x - left, y: focus.y - top, width: focus.width, height: focus.height))
    }

    /// Focus spans along one side: the fewest that cover it with the set overlap.
    func spans(length: Int) -> [Range<Int>] {
        guard length > 0 else { return [] }
        let stride = chipSize - overlap
        var spans: [Range<Int>] = []
        var start = 0
        while true {
            let end = min(length, start + chipSize)
            spans.append(start..<end)
            if end == length { return spans }
            start += stride
        }
    }
}
