import Foundation
import Domain

/// A NITF file's security fields: the file header's `FS*` and the image subheader's `IS*`.
///
/// GDAL exposes them as metadata items `NITF_FSCLAS`, `NITF_ISCTLH`...; every one is kept
/// verbatim (trailing blanks trimmed), keyed by its NITF name without the prefix. A chip
/// carries them as GeoTIFF metadata items with the same names, so they read back alike.
public struct SecurityFields: Hashable, Sendable {
    /// `FSCLAS`, `FSCLSY`, `FSCODE`, `FSCTLH`, `FSREL`, `FSDCTP`... as the file has them.
    public var fileFields: [String: String]
    /// `ISCLAS`, `ISCLSY`, `ISCODE`, `ISCTLH`, `ISREL`, `ISDCTP`... of the image.
    public var imageFields: [String: String]

    public init(fileFields: [String: String] = [:], imageFields: [String: String] = [:]) {
        self.fileFields = fileFields
        self.imageFields = imageFields
    }

    /// No NITF security fields at all (a plain GeoTIFF, PNG...).
    public var isEmpty: Bool { fileFields.isEmpty && imageFields.isEmpty }

    /// The file's classification code (`FSCLAS`: U, R, C, S or T).
    public var fileClassification: String? { nonBlank(fileFields["FSCLAS"]) }
    /// The image's classification code (`ISCLAS`).
    public var imageClassification: String? { nonBlank(imageFields["ISCLAS"]) }
    /// Control and handling (`FSCTLH`, `ISCTLH`) and release (`FSREL`, `ISREL`), verbatim.
    public var fileControlAndHandling: String? { nonBlank(fileFields["FSCTLH"]) }
    public var fileReleasing: String? { nonBlank(fileFields["FSREL"]) }
    public var imageControlAndHandling: String? { nonBlank(imageFields["ISCTLH"]) }
    public var imageReleasing: String? { nonBlank(imageFields["ISREL"]) }

    /// Classification codes present that are none of U, R, C, S, T.
    public var unrecognizedClassifications: [String] {
        [fileClassification, imageClassification].compactMap { $0 }.filter { Self.marking(forCode: $0) == nil }
    }

    /// The higher of the file's and the image's classification as a `Marking`.
    ///
    /// A code that is none of U, R, C, S, T counts as TOP SECRET: a marking must never
    /// come out lower than the file's, so an unreadable one fails high, and
    /// `unrecognizedClassifications` says which it was.
    public var marking: Marking {
        let markings = [fileClassification, imageClassification].compactMap { $0 }.map { Self.marking(forCode: $0) ?? .topSecret }
        return Marking.highest(markings)
    }

    /// NITF's classification codes as markings.
    ///
    /// R (RESTRICTED, a NATO and foreign level with no US equivalent) is held as
    /// CONFIDENTIAL, as US rules protect foreign RESTRICTED information: no `Marking`
    /// lies between CUI and CONFIDENTIAL, and rounding down would under-mark it.
    public static func marking(forCode code: String) -> Marking? {
        switch code.trimmingCharacters(in: .whitespaces).uppercased() {
        case "U": return .unclassified
        case "R": return .confidential
        case "C": return .confidential
        case "S": return .secret
        case "T": return .topSecret
        default: return nil
        }
    }

    /// Every field as a GDAL metadata item (`NITF_FSCLAS=U`...), for writing into a chip.
    public var metadataItems: [(key: String, value: String)] {
        (fileFields.merging(imageFields) { first, _ in first })
            .sorted { $0.key < $1.key }
            .map { (key: "NITF_" + $0.key, value: $0.value) }
    }

    /// The fields as a task's `meta` members (`{"NITF_FSCLAS": "U", ...}`), the names
    /// `metadataItems` gives: how imported chips keep them with their task.
    public var metaMembers: [String: JSONValue] {
        metadataItems.reduce(into: [:]) { $0[$1.key] = .string($1.value) }
    }

    /// Reads the fields out of a dataset's default-domain metadata (`NITF_...=value`).
    ///
    /// Security fields are every `NITF_FS*` and `NITF_IS*` item but `NITF_ISORCE` (the
    /// image source, which is not about security).
    public init(metadata: [String: String]) {
        var file: [String: String] = [:], image: [String: String] = [:]
        for (key, value) in metadata where key.hasPrefix("NITF_") {
            let name = String(key.dropFirst(5))
            let kept = Self.trimmedTrailingBlanks(value)
            if name.hasPrefix("FS") { file[name] = kept }
            if name.hasPrefix("IS"), name != "ISORCE" { image[name] = kept }
        }
        self.init(fileFields: file, imageFields: image)
    }

    private func nonBlank(_ value: String?) -> String? {
        guard let value, !value.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        return value
    }

    private static func trimmedTrailingBlanks(_ value: String) -> String {
        var text = Substring(value)
        while text.last == " " { text = text.dropLast() }
        return String(text)
    }
}
