import Foundation

/// How LabelDesk writes a moment as text: ISO 8601 in UTC.
///
/// One spelling everywhere that text is hashed, compared or exported, so a value written
/// on one machine reads back the same on another.
public enum Timestamp {
    private static let withMilliseconds = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt)
    private static let wholeSeconds = Date.ISO8601FormatStyle(timeZone: .gmt)

    /// `2025-03-01T09:30:00.250Z`: milliseconds kept, for audit entries and content hashes.
    ///
    /// Written by integer arithmetic rather than `ISO8601FormatStyle`: the hub writes one
    /// for every annotation it receives, and the format style cost more than storing the
    /// annotation. The text is the format style's to the byte, milliseconds cut as it cuts
    /// them (whole seconds rounded down, then the fraction's milliseconds rounded down);
    /// a test compares the two over many moments, since stored content hashes rely on it.
    public static func precise(_ date: Date) -> String {
        let interval = date.timeIntervalSince1970
        // Years 1901 to 9999; outside them (never in practice) the format style itself.
        guard interval > -2_177_452_800, interval < 253_402_300_800 else { return withMilliseconds.format(date) }
        let seconds = interval.rounded(.down)
        let milliseconds = Int64(seconds) * 1000 + Int64(((interval - seconds) * 1000).rounded(.down))
        return utcText(milliseconds: milliseconds, dateTimeSeparator: UInt8(ascii: "T"), zulu: true)
    }

    /// `2025-03-01T09:30:00Z`: what people read in exports.
    public static func seconds(_ date: Date) -> String {
        wholeSeconds.format(date)
    }

    /// Reads either spelling back.
    public static func parse(_ text: String) -> Date? {
        (try? withMilliseconds.parse(text)) ?? (try? wholeSeconds.parse(text))
    }

    /// `YYYY-MM-DD?hh:mm:ss.mmm` for a whole number of milliseconds since 1970 in UTC,
    /// `?` being `dateTimeSeparator`, with a `Z` after when `zulu`.
    ///
    /// Civil date from a day count by Howard Hinnant's `civil_from_days`; years 0 to 9999.
    public static func utcText(milliseconds: Int64, dateTimeSeparator: UInt8, zulu: Bool) -> String {
        let millisecondsPerDay: Int64 = 86_400_000
        var days = milliseconds / millisecondsPerDay
        var timeOfDay = milliseconds % millisecondsPerDay
        if timeOfDay < 0 {
            days -= 1
            timeOfDay += millisecondsPerDay
        }
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
        let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)

        var bytes: [UInt8] = []
        bytes.reserveCapacity(24)
        func digits(_ value: Int64, _ count: Int) {
            var divisor: Int64 = 1
            for _ in 1..<count { divisor *= 10 }
            var rest = value
            while divisor > 0 {
                bytes.append(UInt8(ascii: "0") + UInt8(rest / divisor % 10))
                rest %= divisor
                divisor /= 10
            }
        }
        digits(year, 4)
        bytes.append(UInt8(ascii: "-"))
        digits(month, 2)
        bytes.append(UInt8(ascii: "-"))
        digits(day, 2)
        bytes.append(dateTimeSeparator)
        digits(timeOfDay / 3_600_000, 2)
        bytes.append(UInt8(ascii: ":"))
        digits(timeOfDay / 60_000 % 60, 2)
        bytes.append(UInt8(ascii: ":"))
        digits(timeOfDay / 1000 % 60, 2)
        bytes.append(UInt8(ascii: "."))
        digits(timeOfDay % 1000, 3)
        if zulu { bytes.append(UInt8(ascii: "Z")) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
