import Foundation

/// What a station posts to `/v1/enrol`: the one-time code and its new public key.
public struct EnrolmentRequest: Codable, Equatable, Sendable {
    public var code: String
    /// The raw 32-byte Ed25519 public key, base64.
    public var publicKey: String

    public init(code: String, publicKey: String) {
        self.code = code
        self.publicKey = publicKey
    }
}

/// The hub's answer to an enrolment: who the station is now, and the hub's key.
public struct EnrolmentReply: Codable, Equatable, Sendable {
    public var stationID: String
    /// The hub's raw 32-byte Ed25519 public key, base64, to check the hub's bundles.
    public var hubPublicKey: String

    public init(stationID: String, hubPublicKey: String) {
        self.stationID = stationID
        self.hubPublicKey = hubPublicKey
    }
}

/// The body of every refusal the hub sends: `{"error": "sentence"}`.
public struct ErrorReply: Codable, Equatable, Sendable {
    public var error: String

    public init(error: String) {
        self.error = error
    }
}

/// The hub's HTTP paths, named once for the server and the client.
public enum HubPath {
    public static let enrol = "/v1/enrol"
    public static let sync = "/v1/sync"
    /// `POST /v1/lead`: a lead's console asks for the floor (and an action), signed like a sync.
    public static let lead = "/v1/lead"
    public static let health = "/v1/health"
    /// `GET /v1/media/SHA256`, signed like a sync, with an optional `Range: bytes=N-`.
    public static let media = "/v1/media"

    public static func media(_ sha256: String) -> String { media + "/" + sha256 }
}
