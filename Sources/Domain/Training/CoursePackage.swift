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

    public init(id: String, files: [String: Data]) {
        self.id = id
        self.files = files
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
