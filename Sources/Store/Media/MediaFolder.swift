import Crypto
import Domain
import Foundation

/// A folder of media files, each named by the SHA-256 of its bytes: `<folder>/ab/abcd…`.
///
/// Both databases keep one beside their file (`hub.sqlite.media/`, `station.sqlite.media/`),
/// so a backup of the folder the database is in holds its media too. The hashing lives
/// here, in `Store`, because `Store` already holds swift-crypto and is what writes the
/// files and the rows that say they are there: the hub's store, the station's verify
/// step and a bundle's import all check bytes with this one code, and nothing above
/// `Store` writes into the folder by itself.
///
/// A file reaches its name only by a rename from a temporary file in the same folder,
/// after its bytes were hashed: a crash leaves a temporary file (swept later), never a
/// file under a name its bytes do not have.
public struct MediaFolder: Sendable {
    public let url: URL

    public init(url: URL) {
        self.url = url
    }

    /// The folder beside a database file: the file's path with `.media` added.
    public init(besideDatabaseAt path: String) {
        url = URL(fileURLWithPath: path + ".media", isDirectory: true)
    }

    /// Where the file named `sha256` lives once complete.
    public func fileURL(for sha256: String) -> URL {
        url.appendingPathComponent(String(sha256.prefix(2)), isDirectory: true).appendingPathComponent(sha256)
    }

    /// Where a station keeps the part of a file fetched so far.
    public func partialURL(for sha256: String) -> URL {
        url.appendingPathComponent("partial", isDirectory: true).appendingPathComponent(sha256 + ".part")
    }

    private var temporaryFolder: URL { url.appendingPathComponent("tmp", isDirectory: true) }

    // MARK: Storing

    /// Stores `bytes` under their SHA-256; storing the same bytes again changes nothing.
    public func store(bytes: Data) throws(MediaError) -> MediaReference {
        let reference = MediaReference(sha256: MediaHash.sha256(bytes), byteCount: bytes.count)
        if hasComplete(reference) { return reference }
        let temporary = try makeTemporaryFile()
        do {
            try bytes.write(to: temporary)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw .cannotWrite(path: temporary.path, reason: Self.reason(error))
        }
        try install(temporary, as: reference)
        return reference
    }

    /// Copies the file at `source` in, hashing it on the way; the same bytes again change nothing.
    public func store(fileAt source: URL) throws(MediaError) -> MediaReference {
        guard let input = FileHandle(forReadingAtPath: source.path) else {
            throw .unreadableFile(path: source.path, reason: Self.openProblem(source))
        }
        defer { try? input.close() }
        let temporary = try makeTemporaryFile()
        guard let output = FileHandle(forWritingAtPath: temporary.path) else {
            throw .cannotWrite(path: temporary.path, reason: "it cannot be opened for writing")
        }
        var hasher = SHA256()
        var count = 0
        do {
            defer { try? output.close() }
            while let chunk = try input.read(upToCount: Self.chunkSize), !chunk.isEmpty {
                hasher.update(data: chunk)
                count += chunk.count
                try output.write(contentsOf: chunk)
            }
            try output.synchronize()
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw .cannotWrite(path: temporary.path, reason: Self.reason(error))
        }
        let reference = MediaReference(sha256: Hex.text(hasher.finalize()), byteCount: count)
        guard count > 0 else {
            try? FileManager.default.removeItem(at: temporary)
            throw .emptyFile(path: source.path)
        }
        if hasComplete(reference) {
            try? FileManager.default.removeItem(at: temporary)
            return reference
        }
        try install(temporary, as: reference)
        return reference
    }

    /// Moves a file whose bytes must be `reference` to its name, after checking every byte.
    ///
    /// A file that does not hash to its name is deleted and refused: what a station
    /// fetched or a bundle carried is never kept under a name it does not have.
    public func install(_ file: URL, as reference: MediaReference) throws(MediaError) {
        let found: MediaReference
        do {
            found = try MediaHash.reference(ofFileAt: file)
        } catch {
            try? FileManager.default.removeItem(at: file)
            throw error
        }
        guard found == reference else {
            try? FileManager.default.removeItem(at: file)
            throw .mismatch(expected: reference, found: found)
        }
        let target = fileURL(for: reference.sha256)
        do {
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            if FileManager.default.fileExists(atPath: target.path) { try FileManager.default.removeItem(at: target) }
            try FileManager.default.moveItem(at: file, to: target)
        } catch {
            try? FileManager.default.removeItem(at: file)
            throw .cannotWrite(path: target.path, reason: Self.reason(error))
        }
    }

    /// Writes bytes carried for `reference` (a bundle's member) to its name, checked first.
    public func install(bytes: Data, as reference: MediaReference) throws(MediaError) {
        let found = MediaReference(sha256: MediaHash.sha256(bytes), byteCount: bytes.count)
        guard found == reference else { throw .mismatch(expected: reference, found: found) }
        if hasComplete(reference) { return }
        let temporary = try makeTemporaryFile()
        do {
            try bytes.write(to: temporary)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw .cannotWrite(path: temporary.path, reason: Self.reason(error))
        }
        try install(temporary, as: reference)
    }

    // MARK: Reading

    /// Whether a file of the right size is at `reference`'s name. Cheap: no hashing.
    public func hasComplete(_ reference: MediaReference) -> Bool {
        Self.size(of: fileURL(for: reference.sha256)) == reference.byteCount
    }

    /// Whether the file at `reference`'s name hashes to it: every byte read.
    public func verify(_ reference: MediaReference) -> Bool {
        (try? MediaHash.reference(ofFileAt: fileURL(for: reference.sha256))) == reference
    }

    /// Up to `length` bytes of a stored file from `offset` on.
    public func read(_ sha256: String, from offset: Int, length: Int) throws(MediaError) -> Data {
        let file = fileURL(for: sha256)
        guard let handle = FileHandle(forReadingAtPath: file.path) else { throw .notStored(sha256: sha256) }
        defer { try? handle.close() }
        do {
            try handle.seek(toOffset: UInt64(offset))
            return try handle.read(upToCount: length) ?? Data()
        } catch {
            throw .unreadableFile(path: file.path, reason: Self.reason(error))
        }
    }

    // MARK: Deleting

    /// Removes a file and any part of it fetched so far; a missing file is not an error.
    public func remove(_ sha256: String) {
        try? FileManager.default.removeItem(at: fileURL(for: sha256))
        try? FileManager.default.removeItem(at: partialURL(for: sha256))
    }

    /// Removes complete and partial files whose name is not in `keep`, and temporary
    /// files older than an hour: what a crash between a commit and a delete leaves
    /// behind. Younger temporary files may be another process's store in progress (a
    /// `bundle import` beside the running station). Returns how many files went.
    @discardableResult
    public func sweep(keeping keep: Set<String>, now: Date = Date()) -> Int {
        var removed = 0
        let manager = FileManager.default
        for folder in (try? manager.contentsOfDirectory(atPath: url.path)) ?? [] {
            let folderURL = url.appendingPathComponent(folder, isDirectory: true)
            for name in (try? manager.contentsOfDirectory(atPath: folderURL.path)) ?? [] {
                let file = folderURL.appendingPathComponent(name)
                if folder == "tmp" {
                    let modified = (try? manager.attributesOfItem(atPath: file.path)[.modificationDate]) as? Date
                    guard let modified, now.timeIntervalSince(modified) > 3600 else { continue }
                } else {
                    let sha = folder == "partial" ? String(name.dropLast(".part".count)) : name
                    guard !keep.contains(sha) else { continue }
                }
                if (try? manager.removeItem(at: file)) != nil { removed += 1 }
            }
        }
        return removed
    }

    // MARK: Helpers

    static let chunkSize = 1 << 20

    private func makeTemporaryFile() throws(MediaError) -> URL {
        let file = temporaryFolder.appendingPathComponent(UUID().uuidString)
        do {
            try FileManager.default.createDirectory(at: temporaryFolder, withIntermediateDirectories: true)
        } catch {
            throw .cannotWrite(path: temporaryFolder.path, reason: Self.reason(error))
        }
        guard FileManager.default.createFile(atPath: file.path, contents: nil) else {
            throw .cannotWrite(path: file.path, reason: "the file cannot be created")
        }
        return file
    }

    static func size(of file: URL) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? NSNumber)?.intValue
    }

    private static func openProblem(_ file: URL) -> String {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file.path, isDirectory: &isFolder) else { return "there is no such file" }
        return isFolder.boolValue ? "it is a folder" : "it cannot be opened for reading"
    }

    static func reason(_ error: Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code))).lowercased()
        }
        return nsError.localizedDescription
    }
}

/// SHA-256 of media bytes, as the lower-case hex `MediaReference` names them by.
public enum MediaHash {
    public static func sha256(_ bytes: Data) -> String {
        Hex.text(SHA256.hash(data: bytes))
    }

    /// The reference a file's bytes have, read in 1 MB pieces.
    public static func reference(ofFileAt file: URL) throws(MediaError) -> MediaReference {
        guard let handle = FileHandle(forReadingAtPath: file.path) else {
            throw .unreadableFile(path: file.path, reason: "it cannot be opened for reading")
        }
        defer { try? handle.close() }
        var hasher = SHA256()
        var count = 0
        do {
            while let chunk = try handle.read(upToCount: MediaFolder.chunkSize), !chunk.isEmpty {
                hasher.update(data: chunk)
                count += chunk.count
            }
        } catch {
            throw .unreadableFile(path: file.path, reason: MediaFolder.reason(error))
        }
        return MediaReference(sha256: Hex.text(hasher.finalize()), byteCount: count)
    }
}

/// What the media store refuses, in words a person can act on.
public enum MediaError: Error, Equatable, Sendable, CustomStringConvertible {
    case unreadableFile(path: String, reason: String)
    case emptyFile(path: String)
    case cannotWrite(path: String, reason: String)
    /// Bytes that do not hash to the name they came under.
    case mismatch(expected: MediaReference, found: MediaReference)
    case notStored(sha256: String)

    public var description: String {
        switch self {
        case let .unreadableFile(path, reason):
            "the media file \(path) cannot be read: \(reason); check the path and its permissions"
        case .emptyFile(let path):
            "the media file \(path) is empty; give a chip file with pixels in it"
        case let .cannotWrite(path, reason):
            "the media store cannot write \(path): \(reason); check free space and permissions"
        case let .mismatch(expected, found):
            "media \(expected.sha256.prefix(12))… should be \(expected.byteCount) bytes with that SHA-256, and the bytes received are \(found.byteCount) bytes hashing to \(found.sha256.prefix(12))…; they were damaged on the way and are not kept"
        case .notStored(let sha256):
            "media \(sha256.prefix(12))… is not in the media store"
        }
    }
}

extension MediaFolder {
    /// The bytes of a part file so far; 0 when there is none.
    public static func partSize(_ file: URL) -> Int {
        size(of: file) ?? 0
    }

    /// Opens (creating it and its folder if needed) a part file, positioned at its end.
    public static func openPartForAppending(_ file: URL) throws(MediaError) -> FileHandle {
        do {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw .cannotWrite(path: file.deletingLastPathComponent().path, reason: reason(error))
        }
        if !FileManager.default.fileExists(atPath: file.path) {
            guard FileManager.default.createFile(atPath: file.path, contents: nil) else {
                throw .cannotWrite(path: file.path, reason: "the file cannot be created")
            }
        }
        guard let handle = FileHandle(forWritingAtPath: file.path) else {
            throw .cannotWrite(path: file.path, reason: "it cannot be opened for writing")
        }
        do {
            try handle.seekToEnd()
        } catch {
            throw .cannotWrite(path: file.path, reason: reason(error))
        }
        return handle
    }
}
