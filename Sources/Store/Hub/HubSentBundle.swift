import Foundation

/// One bundle the hub wrote for a station: a row of `bundle_sent`.
///
/// Each bundle is written when the hub applies a bundle from that station, and adds
/// the hub's reply to the stream. The file itself is made when an admin exports it: the
/// reply merged with every earlier one the station has not acknowledged, under `header`.
public struct HubSentBundle: Equatable, Sendable {
    /// The station it is for.
    public var receiver: String
    public var sequence: Int64
    /// SHA-256, lower-case hex, of the bundle's signed bytes; the next bundle chains to it.
    public var hash: String
    /// The header text exactly as signed, so writing the bundle again gives the same bytes.
    public var header: String
    /// The one sync reply this bundle added, as JSON.
    public var reply: String
    /// The station has said it applied this bundle (or a later one).
    public var acknowledged: Bool
    public var createdAt: Date

    public init(receiver: String, sequence: Int64, hash: String, header: String, reply: String, acknowledged: Bool, createdAt: Date) {
        self.receiver = receiver
        self.sequence = sequence
        self.hash = hash
        self.header = header
        self.reply = reply
        self.acknowledged = acknowledged
        self.createdAt = createdAt
    }
}
