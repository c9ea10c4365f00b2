import Crypto
import Foundation

/// Lays a bundle out as `BundleFormat` describes and signs it.
///
/// Two steps, because the hub writes the same bundle again when a file is lost: the
/// signed part (`body`) is a pure function of the header and payload bytes, and only
/// the signature is made anew.
enum BundleWriter {
    /// The signed part of a bundle: start, header, payload.
    static func body(header: Data, payload: Data) -> Data {
        let fileLength = BundleFormat.startLength + header.count + payload.count + BundleFormat.endLength
        var start = BundleFormat.magic
        start.append(bigEndian: BundleFormat.version)
        start.append(bigEndian: UInt32(header.count))
        start.append(bigEndian: UInt64(fileLength))
        start.append(BundleFormat.sha256(header))
        start.append(BundleFormat.sha256(start).prefix(8))
        return start + header + payload
    }

    /// The whole file: the body, its Ed25519 signature, and the closing digest.
    static func sealed(body: Data, signingKey: Curve25519.Signing.PrivateKey) throws -> Data {
        var file = body
        file.append(try signingKey.signature(for: body))
        file.append(BundleFormat.sha256(file))
        return file
    }

    /// The hash the next bundle of the stream chains to.
    static func hash(ofBody body: Data) -> String {
        BundleFormat.hex(BundleFormat.sha256(body))
    }

    /// A header for `payload`, with its length and digest filled in.
    static func header(
        kind: BundleHeader.Kind, sender: String, receiver: String, sequence: Int64, previousHash: String,
        buildsOn: Int64, acknowledges: Int64, createdAt: Date, payload: Data
    ) -> BundleHeader {
        BundleHeader(
            kind: kind, sender: sender, receiver: receiver, sequence: sequence, previousHash: previousHash,
            buildsOn: buildsOn, acknowledges: acknowledges, createdAt: createdAt, payloadLength: payload.count,
            payloadSHA256: BundleFormat.hex(BundleFormat.sha256(payload)))
    }
}

extension Data {
    mutating func append<Integer: FixedWidthInteger>(bigEndian value: Integer) {
        Swift.withUnsafeBytes(of: value.bigEndian) { append(contentsOf: $0) }
    }
}
