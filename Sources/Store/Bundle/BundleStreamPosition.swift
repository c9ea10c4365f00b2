import Foundation

/// Where one bundle stream stands at its receiver: the last bundle applied from a sender.
///
/// Bundles are numbered 1, 2, 3... per sender and receiver, and each names the hash of
/// the one before it. Keeping the last number and hash lets the receiver tell the next
/// bundle from a replay, a gap or a stream that forked (a sender restored from backup).
public struct BundleStreamPosition: Equatable, Sendable {
    /// The "previous hash" of a stream's first bundle: 64 zeros, as in the audit chain.
    public static let genesisHash = String(repeating: "0", count: 64)
    /// A stream nothing has been applied from yet.
    public static let start = BundleStreamPosition(lastSequence: 0, lastHash: genesisHash)

    /// 0 when nothing has been applied.
    public var lastSequence: Int64
    /// SHA-256, lower-case hex, of the last bundle's signed bytes.
    public var lastHash: String

    public init(lastSequence: Int64, lastHash: String) {
        self.lastSequence = lastSequence
        self.lastHash = lastHash
    }
}
