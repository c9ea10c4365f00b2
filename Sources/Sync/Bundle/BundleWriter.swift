import Crypto
import Domain
import Foundation

/// Lays a bundle out as `BundleFormat` describes and signs it.
///
/// Two steps, because the hub writes the same bundle again when a file is lost: the
/// signed part (`body`) is a pure function of the header and payload bytes, and only
/// the signature is made anew.
enum BundleWriter {
    /// The signed part of a bundle: start, header, payload.
    ///
    /// - Parameter mediaLength: the bytes of the media members the header lists, which
    ///   follow the signature; the start declares the whole file's length.
    static func body(header: Data, payload: Data, mediaLength: Int = 0) -> Data {
        let fileLength = BundleFormat.startLength + header.count + payload.count + BundleFormat.endLength + mediaLength
        var start = BundleFormat.magic
        start.append(bigEndian: mediaLength > 0 ? BundleFormat.version : BundleFormat.versionWithoutMedia)
        start.append(bigEndian: UInt32(header.count))
        start.append(bigEndian: UInt64(fileLength))
        start.append(BundleFormat.sha256(header))
        start.append(BundleFormat.sha256(start).prefix(8))
        return start + header + payload
    }

    /// The whole file: the body, its Ed25519 signature, the media members the header
    /// lists (in its order), and the closing digest.
    static func sealed(body: Data, signingKey: Curve25519.Signing.PrivateKey, media: [Data] = []) throws -> Data {
        var file = body
        file.append(try signingKey.signature(for: body))
        for member in media { file.append(member) }
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
        buildsOn: Int64, acknowledges: Int64, createdAt: Date, payload: Data, media: [MediaReference] = []
    ) -> BundleHeader {
        BundleHeader(
            kind: kind, sender: sender, receiver: receiver, sequence: sequence, previousHash: previousHash,
            buildsOn: buildsOn, acknowledges: acknowledges, createdAt: createdAt, payloadLength: payload.count,
            payloadSHA256: BundleFormat.hex(BundleFormat.sha256(payload)), media: media.isEmpty ? nil : media)
    }
}

extension Data {
    mutating func append<Integer: FixedWidthInteger>(bigEndian value: Integer) {
        Swift.withUnsafeBytes(of: value.bigEndian) { append(contentsOf: $0) }
    }
}
