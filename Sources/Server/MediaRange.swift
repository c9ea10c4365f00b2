import Foundation

/// The one form of HTTP `Range` the media endpoint serves: `bytes=N-` (and `bytes=N-M`,
/// read as `bytes=N-`, since a station always wants the rest of a file).
enum MediaRange {
    struct Problem: Error, CustomStringConvertible {
        let description: String
    }

    /// The first byte to send: 0 without a range.
    static func start(of header: String?, size: Int) throws(Problem) -> Int {
        guard let header else { return 0 }
        let text = header.trimmingCharacters(in: .whitespaces)
        guard text.hasPrefix("bytes="), let dash = text.firstIndex(of: "-"),
              let start = Int(text[text.index(text.startIndex, offsetBy: 6)..<dash])
        else {
            throw Problem(description: "the range \"\(header.prefix(60))\" cannot be read; ask for bytes=N- (the rest of the file from byte N)")
        }
        guard start >= 0, start < size else {
            throw Problem(description: "the range starts at byte \(start), and the file has \(size) bytes; ask for bytes=N- with N below \(size)")
        }
        return start
    }
}
