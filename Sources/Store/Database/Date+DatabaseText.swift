import Domain
import Foundation
import GRDB

extension Date {
    /// The date as GRDB stores it (`yyyy-MM-dd HH:mm:ss.SSS`, UTC), without a `DateFormatter`.
    ///
    /// GRDB turns every `Date` argument into text with an ICU `DateFormatter`, which was
    /// half the cost of storing an annotation at the hub. Statements run once per
    /// annotation bind this text instead. It is GRDB's text to the byte (milliseconds
    /// rounded to nearest, as Foundation hands the time to ICU), so stored values compare
    /// and read back as before; a test holds the two together.
    var databaseText: String {
        let interval = timeIntervalSinceReferenceDate
        // Years 1901 to 9999; outside them (never in practice) GRDB's own text, whose
        // calendar may not be the proleptic Gregorian one used here.
        guard interval > -3_155_673_600, interval < 252_423_993_600 else {
            if case .string(let text) = databaseValue.storage { return text }
            fatalError("GRDB stores a Date as text")
        }
        let milliseconds = Int64(((interval + 978_307_200) * 1000 + 0.5).rounded(.down))
        return Timestamp.utcText(milliseconds: milliseconds, dateTimeSeparator: UInt8(ascii: " "), zulu: false)
    }
}
