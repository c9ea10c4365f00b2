import Foundation

/// The two small JSON files that carry enrolment across an air gap, and how they are read.
///
/// A station the network never reaches enrols by files instead of `POST /v1/enrol`:
/// the hub writes an offer (`EnrolmentOffer`), the station answers with a reply
/// (`EnrolmentOfferReply`, the `EnrolmentRequest` it would have posted), and the hub
/// applies the reply with `HubEnrolment.enrol`, as the server does. Both files start
/// with a `kind` and a `format` number, so a file carried to the wrong machine, or
/// written by a later LabelDesk, is named for what it is instead of half-read.
public enum EnrolmentFile {
    /// What a file is, as its `kind` field says.
    public enum Kind: String, Codable, Sendable {
        /// Hub to station: the station's id, its one-time code and the hub's key.
        case offer = "labeldesk.enrolment-offer"
        /// Station to hub: the code and the station's new public key.
        case reply = "labeldesk.enrolment-reply"
    }

    /// The `format` this LabelDesk writes and reads.
    public static let format = 1

    /// Pretty, sorted and with ISO 8601 dates: a person at either end may open the
    /// file to see which station and which hub it is for.
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    /// Reads a file that should be of `kind`: checks the marker and format first, then the fields.
    static func read<File: Decodable>(_ type: File.Type, kind: Kind, from data: Data) throws(OfflineEnrolmentError) -> File {
        if data.starts(with: Data("LDBUNDLE".utf8)) { throw .bundleFile }
        let marker: Marker
        do {
            marker = try JSONDecoder().decode(Marker.self, from: data)
        } catch {
            throw .notAnEnrolmentFile(expected: kind)
        }
        guard let found = marker.kind else { throw .notAnEnrolmentFile(expected: kind) }
        guard found == kind.rawValue else { throw .wrongKind(found: Kind(rawValue: found), expected: kind) }
        guard marker.format == format else { throw .unsupportedFormat(marker.format, kind: kind) }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        do {
            return try decoder.decode(type, from: data)
        } catch let error as DecodingError {
            throw .unreadableField(DecodingProblem(error).description, kind: kind)
        } catch {
            throw .unreadableField("\(error)", kind: kind)
        }
    }

    /// The two fields every enrolment file starts with; anything else is read later.
    private struct Marker: Decodable {
        var kind: String?
        var format: Int?
    }
}
