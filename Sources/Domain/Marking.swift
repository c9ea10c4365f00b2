/// A security marking: how sensitive a piece of data is.
///
/// Markings are ordered, so the banner can show the highest marking of everything on
/// screen. Raw values are the banner words, which are also how markings are written in
/// imports, exports and the databases.
public enum Marking: String, Codable, CaseIterable, Comparable, Sendable {
    case unclassified = "UNCLASSIFIED"
    case cui = "CUI"
    case confidential = "CONFIDENTIAL"
    case secret = "SECRET"
    case topSecret = "TOP SECRET"
    case topSecretSCI = "TOP SECRET//SCI"

    /// Position in the order of sensitivity, lowest first.
    public var rank: Int { Marking.allCases.firstIndex(of: self) ?? 0 }

    public static func < (lhs: Marking, rhs: Marking) -> Bool { lhs.rank < rhs.rank }

    /// Reads a marking as people write it: full words or the usual short forms, any case.
    public init?(text: String) {
        let cleaned = text.trimmingCharacters(in: .whitespaces).uppercased()
        switch cleaned {
        case "U", "UNCLASSIFIED": self = .unclassified
        case "CUI", "CONTROLLED UNCLASSIFIED INFORMATION": self = .cui
        case "C", "CONFIDENTIAL": self = .confidential
        case "S", "SECRET": self = .secret
        case "TS", "TOP SECRET", "TOP_SECRET": self = .topSecret
        case "TS//SCI", "TS/SCI", "TOP SECRET//SCI", "TOP SECRET/SCI": self = .topSecretSCI
        default: return nil
        }
    }

    /// The words a person may type, for error messages.
    public static var acceptedSpellings: String {
        allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
    }

    /// The highest of some markings, or `floor` when there are none.
    public static func highest<S: Sequence>(_ markings: S, floor: Marking = .unclassified) -> Marking
    where S.Element == Marking {
        markings.reduce(floor) { max($0, $1) }
    }
}

import Foundation
