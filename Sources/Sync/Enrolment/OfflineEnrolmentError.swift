import Domain
import Foundation

/// Why an enrolment by files is refused, in words for the admin or the person at the
/// station; the command line puts the file's name in front.
///
/// Every refusal leaves both sides as they were: no identity saved at the station, no
/// code used up at the hub.
public enum OfflineEnrolmentError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file is a sync bundle, not an enrolment file.
    case bundleFile
    /// Not JSON, or JSON without an enrolment `kind`.
    case notAnEnrolmentFile(expected: EnrolmentFile.Kind)
    /// An enrolment file of the other kind: a reply given to `join`, an offer to `enrol`.
    case wrongKind(found: EnrolmentFile.Kind?, expected: EnrolmentFile.Kind)
    case unsupportedFormat(Int?, kind: EnrolmentFile.Kind)
    /// A field is missing or of the wrong type; the sentence names it.
    case unreadableField(String, kind: EnrolmentFile.Kind)
    /// The key in the file is not a 32-byte Ed25519 public key.
    case badKey(in: EnrolmentFile.Kind)
    case badHubURL(String)
    /// The offer's code expired before the station joined (by the station's clock).
    case offerExpired(stationID: String, at: Date)
    /// The reply names a station this hub does not know.
    case unknownStation(String)
    case stationRevoked(String)
    /// The station is enrolled already, with the key of another reply.
    case enrolledWithAnotherKey(String)
    /// No station holds the reply's code now: used, replaced by a later offer, or never this hub's.
    case codeNotValid(stationID: String)
    /// The code belongs to another station than the one the reply names.
    case codeOfAnotherStation(reply: String, holder: String)
    case codeExpired(stationID: String)

    public var description: String {
        switch self {
        case .bundleFile:
            "it is a sync bundle, not an enrolment file; apply it with `labeldesk bundle import` once the station is enrolled"
        case .notAnEnrolmentFile(let expected):
            "it is not an enrolment \(expected.noun) (it is not JSON, or has no \"kind\"); check you picked the right file, \(expected.whereFrom)"
        case let .wrongKind(found?, expected):
            "it is an enrolment \(found.noun), not an enrolment \(expected.noun): \(found.whereTo)"
        case let .wrongKind(nil, expected):
            "it is not an enrolment \(expected.noun) (its \"kind\" is not \"\(expected.rawValue)\"); check you picked the right file, \(expected.whereFrom)"
        case let .unsupportedFormat(format, kind):
            "it is an enrolment \(kind.noun) in format \(format.map(String.init) ?? "(none)"), and this LabelDesk reads format \(EnrolmentFile.format); make it again with the same LabelDesk version at both ends"
        case let .unreadableField(problem, kind):
            "the enrolment \(kind.noun) is damaged: \(problem); \(kind.whereFrom)"
        case .badKey(in: .offer):
            "the hub's public key in the offer is not a 32-byte Ed25519 key: the file was damaged or edited; ask the hub's admin for a new offer (`labeldesk station add NAME --offer FILE`)"
        case .badKey(in: .reply):
            "the station's public key in the reply is not a 32-byte Ed25519 key: the file was damaged or edited; join the station again with its offer to write a new reply"
        case .badHubURL(let text):
            "the offer's hub address \"\(text)\" is not one like http://hub.example:8080; ask the hub's admin for a new offer"
        case let .offerExpired(stationID, at):
            "the offer's code for station \"\(stationID)\" expired at \(Self.time(at)); ask the hub's admin for a new offer (`labeldesk station add \(stationID) --offer FILE`), or set this machine's clock right if it is wrong"
        case .unknownStation(let id):
            "this hub knows no station \"\(id)\": the reply is for another hub, or the station was never registered here; enrol it where its offer came from, or register it here (`labeldesk station add \(id) --offer FILE`) and join it with the new offer"
        case .stationRevoked(let id):
            "station \"\(id)\" is revoked here; to let it back, register it again (`labeldesk station add \(id) --offer FILE`) and join it with the new offer"
        case .enrolledWithAnotherKey(let id):
            "station \"\(id)\" is already enrolled, with the key from another reply, and its code is used up; if the station joined again since, revoke it (`labeldesk station revoke \(id)`), register it again with a new offer and join it with that"
        case .codeNotValid(let id):
            "the reply's code is not valid here: it was replaced by a later offer for station \"\(id)\", or the reply is for another hub; join the station with its latest offer and bring that reply, or issue a new offer (`labeldesk station add \(id) --offer FILE`)"
        case let .codeOfAnotherStation(reply, holder):
            "the reply says it is from station \"\(reply)\", but its code is the one issued to station \"\(holder)\": the file was mixed up or edited. Nothing was enrolled; bring the reply the station \"\(reply)\" wrote"
        case .codeExpired(let id):
            "the code in the reply for station \"\(id)\" has expired; issue a new offer (`labeldesk station add \(id) --offer FILE`), join the station with it, and bring its new reply"
        }
    }

    private static func time(_ date: Date) -> String { Timestamp.seconds(date) }
}

extension EnrolmentFile.Kind {
    var noun: String {
        switch self {
        case .offer: "offer"
        case .reply: "reply"
        }
    }

    /// Where a file of this kind comes from, for a sentence about a wrong file.
    var whereFrom: String {
        switch self {
        case .offer: "the hub writes it with `labeldesk station add NAME --offer FILE`"
        case .reply: "the station writes it with `labeldesk station join --offer FILE --reply-out FILE`"
        }
    }

    /// Where a file of this kind goes, for a sentence about a file given to the wrong command.
    var whereTo: String {
        switch self {
        case .offer: "an offer goes to the station (`labeldesk station join --offer FILE --reply-out FILE`)"
        case .reply: "a reply goes back to the hub (`labeldesk station enrol FILE --db HUB.sqlite`)"
        }
    }
}
