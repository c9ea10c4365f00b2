import Domain
import Foundation
import Testing

@Suite("How moments are written")
struct TimestampTests {
    @Test func bothSpellingsReadBack() {
        let moment = Date(timeIntervalSince1970: 1_740_992_400.5)
        #expect(Timestamp.precise(moment) == "2025-03-03T09:00:00.500Z")
        #expect(Timestamp.seconds(moment) == "2025-03-03T09:00:00Z")
        #expect(Timestamp.parse("2025-03-03T09:00:00.500Z") == moment)
        #expect(Timestamp.parse("2025-03-03T09:00:00Z") == Date(timeIntervalSince1970: 1_740_992_400))
    }

    /// Stored content hashes and audit chains hold `precise` text: the fast writer must
    /// give the format style's bytes for every moment, sub-millisecond fractions included.
    @Test func theFastWriterMatchesTheFormatStyleToTheByte() {
        let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt)
        var random = SeededRandom(seed: 20261121)
        var moments: [Date] = [
            Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: -0.0004), Date(timeIntervalSince1970: 951_782_400),
            Date(timeIntervalSince1970: 4_107_542_399.999), Date(timeIntervalSince1970: -2_177_452_799.5),
        ]
        for index in 0..<20_000 {
            let milliseconds = Double(random.next() % 8_000_000_000_000) - 2_000_000_000_000
            let fraction = index.isMultiple(of: 2) ? Double(random.next() % 1000) / 1_000_000 : 0
            moments.append(Date(timeIntervalSince1970: milliseconds / 1000 + fraction))
        }
        let mismatches = moments.filter { Timestamp.precise($0) != style.format($0) }
        #expect(mismatches.isEmpty, "first: \(mismatches.first.map { "\($0.timeIntervalSince1970)" } ?? "")")
    }
}

@Suite("Time-ordered annotation ids")
struct TimeOrderedUUIDTests {
    @Test func areVersion7AndSortByTheMillisecondTheyWereMade() {
        let ids = (0..<500).map { UUID.timeOrdered(at: Date(timeIntervalSince1970: 1_740_992_400 + Double($0) * 0.001)) }
        for id in ids {
            let text = id.uuidString
            #expect(Array(text)[14] == "7")
            #expect("89AB".contains(Array(text)[19]))
        }
        // The text sorts as the times do, so the ids of one batch sit side by side in an index.
        #expect(ids.map(\.uuidString) == ids.map(\.uuidString).sorted())
        #expect(ids[0].uuidString.hasPrefix("01955B3B-CA80"))
        let sameMillisecond = (0..<100).map { _ in UUID.timeOrdered(at: Date(timeIntervalSince1970: 1_740_992_400)) }
        #expect(Set(sameMillisecond).count == 100)
    }
}
