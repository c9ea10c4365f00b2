import Foundation

/// What went wrong talking to the hub over HTTP, typed so the station can tell "the
/// network is down" (try again later) from "the hub refuses this station" (tell an admin).
public enum HTTPTransportError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No answer: no route, refused connection, timeout, cut connection.
    case unreachable(hub: String, reason: String)
    /// 401: the hub does not believe this station is who it says (unknown, revoked,
    /// bad signature, replay, clock too far off).
    case unauthorized(String)
    /// 403: the hub knows the station but will not do this (a wrong enrolment code, a
    /// request speaking for another station).
    case forbidden(String)
    /// Any other answer that is not a success.
    case refused(status: Int, String)
    /// A success whose body is not what the protocol promises.
    case unreadableReply(String)
    case badHubURL(String)

    /// The hub answered and said no to this station: retrying will not help; an admin must.
    public var isRefusalOfStation: Bool {
        switch self {
        case .unauthorized, .forbidden: true
        default: false
        }
    }

    /// The hub answered a media request and will not give this file (not leased here,
    /// not in its store, a range it cannot serve): other files may still come.
    public var isAboutThisFile: Bool {
        switch self {
        case .forbidden: true
        case .refused(let status, _): (400..<500).contains(status)
        default: false
        }
    }

    public var description: String {
        switch self {
        case let .unreachable(hub, reason):
            "the hub at \(hub) did not answer (\(reason)); check the address and that `labeldesk serve` runs there. Work already saved stays on this station until the hub answers"
        case .unauthorized(let sentence):
            "the hub refused this station: \(sentence)"
        case .forbidden(let sentence):
            "the hub refused the request: \(sentence)"
        case let .refused(status, sentence):
            "the hub answered \(status): \(sentence)"
        case .unreadableReply(let problem):
            "the hub's reply cannot be read: \(problem)"
        case .badHubURL(let text):
            "\"\(text)\" is not a hub address; give one like http://hub.example:8080"
        }
    }
}
