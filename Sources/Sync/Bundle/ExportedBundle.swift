import Foundation

/// A bundle written: its bytes for the file, and what it carries, for the person exporting.
public struct ExportedBundle: Sendable, CustomStringConvertible {
    public var bytes: Data
    public var header: BundleHeader
    /// A station's bundle: the annotations it carries. A hub's bundle: the outcomes.
    public var annotations: Int
    /// A hub's bundle: the leased tasks it carries.
    public var leases: Int

    public init(bytes: Data, header: BundleHeader, annotations: Int, leases: Int) {
        self.bytes = bytes
        self.header = header
        self.annotations = annotations
        self.leases = leases
    }

    public var description: String {
        let since = header.buildsOn == 0 ? "" : " (everything since bundle \(header.buildsOn), which \(header.receiver) has applied)"
        return switch header.kind {
        case .request:
            "bundle \(header.sequence) from \(header.sender) to \(header.receiver): \(annotations) annotations\(since)"
        case .reply:
            "bundle \(header.sequence) from \(header.sender) to \(header.receiver): \(annotations) outcomes, \(leases) leased tasks\(since)"
        }
    }
}
