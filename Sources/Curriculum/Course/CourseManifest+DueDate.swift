import Foundation

extension CourseManifest {
    /// A due date as a trainer types it: a day, `2026-12-15` (due by the end of that day,
    /// UTC), or a time from now in `retry wait`'s words (`3d`, `12h`, `90m`, `30s`); nil
    /// for anything else. One reading for `course assign --due` and the trainer's screen.
    public static func dueDate(_ text: String, now: Date) -> Date? {
        if text.count == 10 {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "UTC")
            formatter.dateFormat = "yyyy-MM-dd"
            if let day = formatter.date(from: text) { return day.addingTimeInterval(86_399) }
        }
        if let last = text.last, last.isLetter, let seconds = duration(text), seconds > 0 {
            return now.addingTimeInterval(TimeInterval(seconds))
        }
        return nil
    }
}
