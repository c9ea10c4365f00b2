/// The answer weights Moodle accepts, and how a written `%w%` becomes one.
///
/// Moodle's importer refuses a file whose weights are not on its list
/// (`question_bank::fraction_options_full`, checked by `match_grade_options` with
/// `matchgrades = 'error'` in `qformat_default::importprocess`): 33% is refused, 33.33333%
/// and 33.333% are taken as a third. The weight kept is the list's value.
enum GIFTWeights {
    /// The positive fractions; each also allowed negated.
    static let positive: [Double] = [
        1.0, 0.9, 0.8333333, 0.8, 0.75, 0.7, 0.6666667, 0.6, 0.5, 0.4, 0.3333333, 0.3, 0.25, 0.2,
        0.1666667, 0.1428571, 0.125, 0.1111111, 0.1, 0.05,
    ]

    /// The allowed fraction within 0.00001 of `fraction`, as Moodle matches them.
    static func allowed(_ fraction: Double) -> Double? {
        if abs(fraction) < 0.00001 { return 0 }
        return (positive + positive.map { -$0 }).first { abs(fraction - $0) < 0.00001 }
    }

    /// For a sentence: "100, 90, 83.33333, ... 5, 0 (or any of them negative)".
    static var listForPeople: String {
        (positive.map { percent($0) } + ["0"]).joined(separator: ", ") + " (or any of them negative)"
    }

    static func percent(_ fraction: Double) -> String {
        let value = (fraction * 100 * 100_000).rounded() / 100_000
        return value == value.rounded() ? String(Int(value)) : String(value)
    }

    /// A weight at the start of an answer, Moodle's `/^%\-*([0-9]{1,2})\.?([0-9]*)%/`: a
    /// percentage, minus signs before it, and a decimal point only after one or two digits
    /// (`%100%` matches, `%100.0%` does not). Returns what is between the signs and the rest
    /// of the answer, or nil when the answer does not start with one.
    static func split(_ answer: Substring) -> (weight: Substring, rest: Substring)? {
        guard answer.first == "%" else { return nil }
        let body = answer.dropFirst()
        guard let close = body.firstIndex(of: "%") else { return nil }
        let written = body[..<close]
        let unsigned = written.drop { $0 == "-" }
        let parts = unsigned.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let isDigits: (Substring) -> Bool = { $0.allSatisfy { $0.isASCII && $0.isNumber } }
        guard let whole = parts.first, !whole.isEmpty, isDigits(whole) else { return nil }
        if parts.count == 2 {
            guard whole.count <= 2, isDigits(parts[1]) else { return nil }
        }
        return (written, body[body.index(after: close)...])
    }
}
