/// Converts offsets in a text between Unicode scalars (ours) and UTF-16 code units
/// (Label Studio's, JavaScript's).
///
/// Built once per text. Most texts hold no scalar outside the Basic Multilingual Plane,
/// and then the two counts are the same and no table is kept; otherwise a table of the
/// UTF-16 offset of every scalar makes both directions exact, emoji sequences and flags
/// included (each of their scalars is counted, as both sides count them).
public struct TextOffsets: Sendable {
    public let scalarCount: Int
    public let utf16Count: Int
    /// The UTF-16 offset of scalar `i` at `i`, `scalarCount + 1` entries; empty when the
    /// two units agree everywhere.
    private let utf16AtScalar: [Int]

    public init(_ text: String) {
        let utf16Count = text.utf16.count
        var scalarCount = 0
        var table: [Int] = []
        // Counting scalars is cheap; the table is built only when it is needed.
        for _ in text.unicodeScalars { scalarCount += 1 }
        if scalarCount != utf16Count {
            table.reserveCapacity(scalarCount + 1)
            var position = 0
            for scalar in text.unicodeScalars {
                table.append(position)
                position += scalar.value > 0xFFFF ? 2 : 1
            }
            table.append(position)
        }
        self.scalarCount = scalarCount
        self.utf16Count = utf16Count
        self.utf16AtScalar = table
    }

    /// The UTF-16 offset where scalar `offset` starts (`scalarCount` gives the end); nil
    /// outside the text.
    public func utf16Offset(ofScalar offset: Int) -> Int? {
        guard offset >= 0, offset <= scalarCount else { return nil }
        return utf16AtScalar.isEmpty ? offset : utf16AtScalar[offset]
    }

    /// The scalar offset at UTF-16 offset `offset`; nil outside the text or between the
    /// two halves of a surrogate pair, where no scalar starts.
    public func scalarOffset(ofUTF16 offset: Int) -> Int? {
        guard offset >= 0, offset <= utf16Count else { return nil }
        if utf16AtScalar.isEmpty { return offset }
        var low = 0
        var high = utf16AtScalar.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let value = utf16AtScalar[middle]
            if value == offset { return middle }
            if value < offset { low = middle + 1 } else { high = middle - 1 }
        }
        return nil
    }
}
