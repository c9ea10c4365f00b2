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

extension Date {
    /// Reads `databaseText` back (`yyyy-MM-dd HH:mm:ss` with optional `.SSS`, UTC), or
    /// nil for any other text, which callers then hand to GRDB's own parser.
    ///
    /// An export reads two dates for each of a hundred thousand judgements; GRDB's
    /// general parser was a fifth of that read.
    init?(databaseText text: String) {
        var text = text
        let parsed: Double? = text.withUTF8 { bytes -> Double? in
            guard bytes.count == 19 || bytes.count == 23 else { return nil }
            func number(_ start: Int, _ count: Int) -> Int? {
                var value = 0
                for index in start..<(start + count) {
                    let digit = Int(bytes[index]) - 48
                    guard (0...9).contains(digit) else { return nil }
                    value = value * 10 + digit
                }
                return value
            }
            guard bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"), bytes[10] == UInt8(ascii: " "),
                  bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
                  let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
                  let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
                  (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 60
            else { return nil }
            var milliseconds = 0
            if bytes.count == 23 {
                guard bytes[19] == UInt8(ascii: "."), let fraction = number(20, 3) else { return nil }
                milliseconds = fraction
            }
            // Days from 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's days_from_civil).
            let shiftedYear = month <= 2 ? year - 1 : year
            let era = shiftedYear / 400
            let yearOfEra = shiftedYear - era * 400
            let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
            let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
            let days = era * 146_097 + dayOfEra - 719_468
            let wholeSeconds = days * 86_400 + hour * 3_600 + minute * 60 + second
            return Double(wholeSeconds) + Double(milliseconds) / 1000
        }
        guard let parsed else { return nil }
        self.init(timeIntervalSince1970: parsed)
    }
}
