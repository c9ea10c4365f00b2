import Domain
import Foundation

/// ISO 8601 moments as files write them, read and written without a formatter.
///
/// Imports read one per annotation, a hundred thousand a second: a format style costs
/// more than the rest of the record. Reads `2022-11-04T18:50:53.017134Z`, any number of
/// fraction digits, `Z` or `+hh:mm`/`-hh:mm`, or no zone (taken as UTC). Writes
/// milliseconds in UTC (reads round finer fractions to the millisecond), so a moment read from milliseconds is
/// written back to the same text.
enum ISODate {
    static func parse(_ text: String) -> Date? {
        var text = text
        return text.withUTF8 { parse(utf8: $0) }
    }

    static func parse(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        var index = 0
        func number(_ count: Int) -> Int? {
            guard index + count <= bytes.count else { return nil }
            var value = 0
            for _ in 0..<count {
                let byte = bytes[index]
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
                index += 1
            }
            return value
        }
        func expect(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }
        guard let year = number(4), expect(0x2D), let month = number(2), expect(0x2D), let day = number(2),
              index < bytes.count, bytes[index] == 0x54 || bytes[index] == 0x20 || bytes[index] == 0x74
        else { return nil }
        index += 1
        guard let hour = number(2), expect(0x3A), let minute = number(2), expect(0x3A), let second = number(2),
              (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second <= 60
        else { return nil }
        var fraction = 0
        var fractionDigits = 0
        if expect(0x2E) {
            while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
                if fractionDigits < 9 {
                    fraction = fraction * 10 + Int(bytes[index] - 0x30)
                    fractionDigits += 1
                }
                index += 1
            }
            guard fractionDigits > 0 else { return nil }
        }
        var offsetSeconds = 0
        if index < bytes.count {
            if bytes[index] == 0x5A || bytes[index] == 0x7A {
                index += 1
            } else if bytes[index] == 0x2B || bytes[index] == 0x2D {
                let sign = bytes[index] == 0x2D ? -1 : 1
                index += 1
                guard let zoneHours = number(2) else { return nil }
                _ = expect(0x3A)
                guard let zoneMinutes = number(2) else { return nil }
                offsetSeconds = sign * (zoneHours * 3600 + zoneMinutes * 60)
            }
        }
        guard index == bytes.count else { return nil }
        // Days from civil, Howard Hinnant's algorithm.
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        let wholeSeconds = days * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds
        // Kept to the millisecond, as LabelDesk stores times: what is read is written back the same.
        var milliseconds = fraction
        for _ in min(fractionDigits, 3)..<3 { milliseconds *= 10 }
        if fractionDigits > 3 {
            var divisor = 1
            for _ in 3..<fractionDigits { divisor *= 10 }
            milliseconds = (fraction + divisor / 2) / divisor
        }
        return Date(timeIntervalSince1970: Double(wholeSeconds * 1000 + milliseconds) / 1000)
    }

    /// `2025-03-01T09:30:00.250Z`
    static func write(_ date: Date) -> String {
        let milliseconds = (date.timeIntervalSince1970 * 1000).rounded()
        guard milliseconds.magnitude < 2.5e14 else { return Timestamp.precise(date) }
        return Timestamp.utcText(milliseconds: Int64(milliseconds), dateTimeSeparator: UInt8(ascii: "T"), zulu: true)
    }
}
