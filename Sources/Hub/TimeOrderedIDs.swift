import Foundation

/// Version 7 ids for many annotations stored at one moment (an import): one random
/// start, then counting up.
///
/// RFC 9562's monotonic random method (6.2, method 2): the time in milliseconds, then
/// the 62 random bits of `rand_b` of the first id, each next id one more. Ids made this
/// way sort in the order they were made, so the judgement table's key grows at its end
/// instead of at a random page per row, and an import draws two random words rather
/// than two per annotation. `UUID.timeOrdered` stays the one for single annotations.
struct TimeOrderedIDs {
    private let milliseconds: UInt64
    private let randomA: UInt16
    private var counter: UInt64

    init(at date: Date) {
        var generator = SystemRandomNumberGenerator()
        milliseconds = UInt64(max(0, (date.timeIntervalSince1970 * 1000).rounded(.down)))
        randomA = UInt16(truncatingIfNeeded: generator.next() as UInt64) & 0x0FFF
        // The top bit starts clear, so counting up never reaches the variant bits.
        counter = (generator.next() as UInt64) & 0x1FFF_FFFF_FFFF_FFFF
    }

    /// The run of ids for piece `number` of an import whose pieces are made on several
    /// threads: each piece's run starts 2^32 past the one before, so ids still grow in
    /// file order (a piece has far fewer than 2^32 annotations, and a counter that
    /// starts below 2^61 leaves room for a million pieces below the variant bits).
    func forPiece(_ number: Int) -> TimeOrderedIDs {
        var run = self
        run.counter += UInt64(number) << 32
        return run
    }

    mutating func next() -> UUID {
        counter += 1
        let time = milliseconds, low = 0x8000_0000_0000_0000 | counter
        let versionAndA = 0x7000 | randomA
        return UUID(uuid: (
            UInt8(truncatingIfNeeded: time >> 40), UInt8(truncatingIfNeeded: time >> 32), UInt8(truncatingIfNeeded: time >> 24),
            UInt8(truncatingIfNeeded: time >> 16), UInt8(truncatingIfNeeded: time >> 8), UInt8(truncatingIfNeeded: time),
            UInt8(truncatingIfNeeded: versionAndA >> 8), UInt8(truncatingIfNeeded: versionAndA),
            UInt8(truncatingIfNeeded: low >> 56), UInt8(truncatingIfNeeded: low >> 48), UInt8(truncatingIfNeeded: low >> 40),
            UInt8(truncatingIfNeeded: low >> 32), UInt8(truncatingIfNeeded: low >> 24), UInt8(truncatingIfNeeded: low >> 16),
            UInt8(truncatingIfNeeded: low >> 8), UInt8(truncatingIfNeeded: low)))
    }
}
