import Crypto
import Domain
import Foundation

/// A bundle file taken apart with every digest checked: intact, but not yet trusted.
///
/// Whether the sender really wrote it is `isSigned(by:)`'s question, asked once the
/// receiver knows which key to expect.
struct ReadBundle: Sendable {
    let header: BundleHeader
    let payload: Data
    /// The signed bytes: start, header, payload.
    let body: Data
    let signature: Data
    /// The media members, each already checked against the name the header gives it.
    let media: [(reference: MediaReference, bytes: Data)]

    /// The hash the sender's next bundle chains to.
    var hash: String { BundleWriter.hash(ofBody: body) }

    func isSigned(by publicKey: Curve25519.Signing.PublicKey) -> Bool {
        publicKey.isValidSignature(signature, for: body)
    }

    /// The payload as the sync message a bundle for `receiver` must carry, or the
    /// refusal that says why it is not one.
    ///
    /// - Parameter receiver: who the bundle is for, in words ("the hub", "a station").
    func message<Message: Decodable>(_ type: Message.Type, ofKind kind: BundleHeader.Kind, for receiver: String) throws -> Message {
        guard header.kind == kind else {
            throw BundleRefusal.corrupted(.inconsistent(
                "a bundle for \(receiver) must carry a sync \(kind.rawValue), and this one carries a \(header.kind.rawValue)"))
        }
        do {
            return try SyncCoding.decode(type, from: payload)
        } catch {
            throw BundleRefusal.corrupted(.unreadablePayload(error.description))
        }
    }
}

/// Checks a bundle file's bytes in the order that makes each failure say what it is.
///
/// Start first (magic, then the start's own check), so the declared length can be
/// trusted; then length, so a short file reads as cut short rather than damaged; then
/// header, payload and signature block, each against its own digest.
enum BundleReader {
    static func read(_ file: Data) throws(BundleRefusal) -> ReadBundle {
        let bytes = [UInt8](file)
        let magic = [UInt8](BundleFormat.magic)
        let magicPresent = Array(bytes.prefix(magic.count))
        guard magicPresent == Array(magic.prefix(magicPresent.count)) else { throw .corrupted(.notABundle) }
        guard bytes.count >= BundleFormat.startLength else {
            throw .truncated(actualBytes: bytes.count, declaredBytes: nil)
        }
        let startCheck = Data(bytes[BundleFormat.startCheckOffset..<BundleFormat.startLength])
        guard BundleFormat.sha256(Data(bytes[0..<BundleFormat.startCheckOffset])).prefix(8) == startCheck else {
            throw .corrupted(.start)
        }
        let version = UInt16(bigEndianBytes: bytes[8..<10])
        guard version == BundleFormat.version || version == BundleFormat.versionWithoutMedia else {
            throw .unsupportedVersion(version)
        }
        let headerLength = Int(UInt32(bigEndianBytes: bytes[10..<14]))
        let declaredLength = UInt64(bigEndianBytes: bytes[14..<22])
        guard declaredLength <= UInt64(Int.max) else { throw .corrupted(.inconsistent("it declares \(declaredLength) bytes")) }
        let fileLength = Int(declaredLength)
        guard bytes.count >= fileLength else { throw .truncated(actualBytes: bytes.count, declaredBytes: fileLength) }
        guard bytes.count == fileLength else { throw .corrupted(.extraBytes(bytes.count - fileLength)) }
        let payloadStart = BundleFormat.startLength + headerLength
        let signatureStart = fileLength - BundleFormat.endLength
        guard payloadStart <= signatureStart else {
            throw .corrupted(.inconsistent("its \(headerLength)-byte header does not fit in \(fileLength) bytes"))
        }

        let headerBytes = Data(bytes[BundleFormat.startLength..<payloadStart])
        guard BundleFormat.sha256(headerBytes) == Data(bytes[22..<BundleFormat.startCheckOffset]) else {
            throw .corrupted(.header)
        }
        let header: BundleHeader
        do {
            header = try BundleHeader.decoded(from: headerBytes)
        } catch let error as DecodingError {
            throw .corrupted(.unreadableHeader(DecodingProblem(error).description))
        } catch {
            throw .corrupted(.unreadableHeader("it is not JSON"))
        }
        // Sizes checked before any arithmetic with them: a damaged or hostile header
        // must get a refusal, never an overflow or an out-of-range slice.
        guard header.payloadLength >= 0, header.payloadLength <= fileLength,
              (header.media ?? []).allSatisfy({ (1...fileLength).contains($0.byteCount) }),
              (header.media ?? []).count <= fileLength
        else { throw .corrupted(.inconsistent("its header declares sizes that do not fit in \(fileLength) bytes")) }
        let mediaLength = header.mediaLength
        guard (version == BundleFormat.version) == (mediaLength > 0) else {
            throw .corrupted(.inconsistent(
                "it is in format \(version) and its header lists \(header.media?.count ?? 0) media files; format 2 carries media and format 1 none"))
        }
        let payloadEnd = signatureStart - mediaLength
        guard payloadEnd - payloadStart == header.payloadLength else {
            throw .corrupted(.inconsistent("its header declares a \(header.payloadLength)-byte payload and \(mediaLength) bytes of media, and there are \(signatureStart - payloadStart) bytes for both"))
        }
        let payload = Data(bytes[payloadStart..<payloadEnd])
        guard BundleFormat.hex(BundleFormat.sha256(payload)) == header.payloadSHA256 else { throw .corrupted(.payload) }
        var media: [(reference: MediaReference, bytes: Data)] = []
        var memberStart = payloadEnd + BundleFormat.signatureLength
        for reference in header.media ?? [] {
            let member = Data(bytes[memberStart..<memberStart + reference.byteCount])
            guard BundleFormat.hex(BundleFormat.sha256(member)) == reference.sha256 else {
                throw .corrupted(.media(sha256: reference.sha256))
            }
            media.append((reference, member))
            memberStart += reference.byteCount
        }
        let digestStart = fileLength - BundleFormat.digestLength
        guard BundleFormat.sha256(Data(bytes[0..<digestStart])) == Data(bytes[digestStart...]) else {
            throw .corrupted(.signature)
        }
        if let problem = header.problem { throw .corrupted(.inconsistent(problem)) }
        return ReadBundle(
            header: header, payload: payload, body: Data(bytes[0..<payloadEnd]),
            signature: Data(bytes[payloadEnd..<payloadEnd + BundleFormat.signatureLength]), media: media)
    }
}

extension FixedWidthInteger {
    init(bigEndianBytes bytes: ArraySlice<UInt8>) {
        self = bytes.reduce(0) { ($0 << 8) | Self($1) }
    }
}
