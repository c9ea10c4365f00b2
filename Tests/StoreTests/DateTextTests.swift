import Domain
import Foundation
import GRDB
@testable import Store
import Testing

@Suite("Dates bound as text")
struct DateTextTests {
    /// Hot statements bind `databaseText` where GRDB would bind the `Date`: the two must
    /// be the same text, or comparisons with stored values would drift.
    @Test func theFastTextIsGRDBsTextToTheByte() {
        var random = SeededRandom(seed: 7)
        var moments: [Date] = [
            Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: 1_740_992_400.2495), Date.distantFuture,
            Date(timeIntervalSinceReferenceDate: -0.0004), Date(timeIntervalSince1970: 4_102_444_799.9996),
        ]
        for index in 0..<20_000 {
            let milliseconds = Double(random.next() % 8_000_000_000_000) - 2_000_000_000_000
            let fraction = index.isMultiple(of: 2) ? Double(random.next() % 1000) / 1_000_000 : 0
            moments.append(Date(timeIntervalSince1970: milliseconds / 1000 + fraction))
        }
        let mismatches = moments.filter { moment in
            guard case .string(let grdbText) = moment.databaseValue.storage else { return true }
            return moment.databaseText != grdbText
        }
        #expect(mismatches.isEmpty, "first: \(mismatches.first.map { "\($0.timeIntervalSince1970)" } ?? "")")
    }

    /// Export reads dates back with `Date(databaseText:)`: it must give what GRDB's own
    /// parser gives for every text the hub stores, and refuse what it does not know.
    @Test func theFastReaderGivesWhatGRDBReads() {
        var random = SeededRandom(seed: 11)
        var texts = ["1970-01-01 00:00:00.000", "2000-02-29 23:59:59.999", "1901-12-14 01:02:03", "9999-12-31 23:59:59.500"]
        for _ in 0..<20_000 {
            let milliseconds = Double(random.next() % 8_000_000_000_000) - 2_000_000_000_000
            texts.append(Date(timeIntervalSince1970: milliseconds / 1000).databaseText)
        }
        // The same instant to well under the millisecond the text holds (the two compute
        // the fraction in different orders), and the same text written back.
        let mismatches = texts.filter { text in
            guard let fast = Date(databaseText: text), let grdb = Date.fromDatabaseValue(text.databaseValue) else { return true }
            return abs(fast.timeIntervalSince(grdb)) > 1e-6 || (text.utf8.count == 23 && fast.databaseText != text)
        }
        #expect(mismatches.isEmpty, "first: \(mismatches.first ?? "")")
        #expect(Date(databaseText: "2026-13-01 00:00:00") == nil)
        #expect(Date(databaseText: "2026-12-01T00:00:00Z") == nil)
    }
}
