import Foundation

/// A course as it travels: its folder's files, exactly as the hub read them.
///
/// A station reads a package with the same code the hub read the folder with
/// (`CourseFolder.read(id:files:...)`), so what it teaches and grades is what the hub
/// checked. Quiz and practice keys are training material and travel; gold never does.
public struct CoursePackage: Codable, Equatable, Sendable, Identifiable {
    /// The course folder's name.
    public var id: String
    /// Every file the course uses, by its path inside the course folder.
    public var files: [String: Data]
    /// The practice chips among `files`, by path, with the SHA-256 and size their tasks
    /// name: a station installs each into its media folder only if its bytes are these,
    /// as it does leased media. Derived from the files (the task file holds the hashes),
    /// so it is not part of `version`; left out of the JSON when empty, so a package
    /// without imagery reads and writes as before.
    public var media: [String: MediaReference]

    public init(id: String, files: [String: Data], media: [String: MediaReference] = [:]) {
        self.id = id
        self.files = files
        self.media = media
    }

    private enum CodingKeys: String, CodingKey {
        case id, files, media
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        files = try container.decode([String: Data].self, forKey: .files)
        media = try container.decodeIfPresent([String: MediaReference].self, forKey: .media) ?? [:]
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(files, forKey: .files)
        if !media.isEmpty { try container.encode(media, forKey: .media) }
    }

    /// A digest of every file (FNV-1a, 64 bits, over the paths in order and their bytes):
    /// the same files give the same version on every machine. Not a security check:
    /// bundles are signed, and HTTP sync runs inside the site.
    public var version: String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        func add<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
            for byte in bytes {
                value ^= UInt64(byte)
                value = value &* 0x0000_0100_0000_01b3
            }
            // A separator, so ("ab", "c") and ("a", "bc") differ.
            value ^= 0xff
            value = value &* 0x0000_0100_0000_01b3
        }
        for path in files.keys.sorted() {
            add(path.utf8)
            add(files[path] ?? Data())
        }
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
