import Foundation

/// How LabelDesk writes a moment as text: ISO 8601 in UTC.
///
/// One spelling everywhere that text is hashed, compared or exported, so a value written
/// on one machine reads back the same on another.
public enum Timestamp {
    private static let withMilliseconds = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt)
    private static let wholeSeconds = Date.ISO8601FormatStyle(timeZone: .gmt)

    /// `2025-03-01T09:30:00.250Z`: milliseconds kept, for audit entries and content hashes.
    public static func precise(_ date: Date) -> String {
        withMilliseconds.format(date)
    }

    /// `2025-03-01T09:30:00Z`: what people read in exports.
    public static func seconds(_ date: Date) -> String {
        wholeSeconds.format(date)
    }

    /// Reads either spelling back.
    public static func parse(_ text: String) -> Date? {
        (try? withMilliseconds.parse(text)) ?? (try? wholeSeconds.parse(text))
    }
}
