import Domain
import Foundation
import Store

extension Hub {
    /// Puts a chip file into the hub's media store and returns its name.
    ///
    /// The bytes are hashed as they are copied into `<hub>.media/`, through a temporary
    /// file renamed into place, then recorded in the `media` table; storing the same
    /// bytes again returns the same reference and changes nothing.
    @discardableResult
    public func storeMedia(fileAt file: URL, now: Date = Date()) throws -> MediaReference {
        try record(try database.mediaFolder.store(fileAt: file), now: now)
    }

    /// `storeMedia(fileAt:)` for bytes in memory.
    @discardableResult
    public func storeMedia(bytes: Data, now: Date = Date()) throws -> MediaReference {
        guard !bytes.isEmpty else { throw MediaError.emptyFile(path: "(bytes given)") }
        return try record(try database.mediaFolder.store(bytes: bytes), now: now)
    }

    private func record(_ reference: MediaReference, now: Date) throws -> MediaReference {
        // The file is in place before its row: a row always means the file is there.
        try database.write { transaction in try transaction.insertMedia(reference, now: now) }
        return reference
    }

    /// The stored file a station asks for, if one of its leases names it (a task's, or a
    /// gold item's handed to someone there).
    ///
    /// - Throws: `MediaRequestRefusal` saying why the station may not have it.
    public func media(_ sha256: String, forStation stationID: String) throws -> StoredMedia {
        guard MediaReference.isWellFormed(sha256) else { throw MediaRequestRefusal.malformedName(sha256) }
        let reference = try database.read { transaction -> MediaReference? in
            guard let reference = try transaction.media(sha256: sha256) else { return nil }
            guard try transaction.mediaIsLeased(sha256: sha256, to: stationID) || transaction.goldMediaWasLeased(sha256: sha256, to: stationID) else {
                throw MediaRequestRefusal.notLeased(sha256: sha256, stationID: stationID)
            }
            return reference
        }
        guard let reference, database.mediaFolder.hasComplete(reference) else { throw MediaRequestRefusal.notStored(sha256) }
        return StoredMedia(reference: reference, folder: database.mediaFolder)
    }
}

/// A file of the hub's media store, ready to be read.
public struct StoredMedia: Sendable {
    public let reference: MediaReference
    public let folder: MediaFolder

    /// Up to `length` bytes from `offset`.
    public func read(from offset: Int, length: Int) throws -> Data {
        try folder.read(reference.sha256, from: offset, length: length)
    }
}

/// Why the hub does not hand a station a media file.
public enum MediaRequestRefusal: Error, Equatable, Sendable, CustomStringConvertible {
    case malformedName(String)
    case notStored(String)
    case notLeased(sha256: String, stationID: String)

    public var description: String {
        switch self {
        case .malformedName(let name):
            "\"\(name.prefix(80))\" is not a media name; media are named by 64 lowercase hex digits of SHA-256"
        case .notStored(let sha256):
            "the hub's media store has no file \(sha256); the hub's admin must add the chip again"
        case let .notLeased(sha256, stationID):
            "no task leased to station \"\(stationID)\" uses media \(sha256); a station gets only the imagery of its own leases"
        }
    }
}

extension Hub {
    /// The stored file of `reference`, when the store holds all of it: what exports read
    /// a chip's georeferencing from.
    public func mediaFile(_ reference: MediaReference) -> URL? {
        database.mediaFolder.hasComplete(reference) ? database.mediaFolder.fileURL(for: reference.sha256) : nil
    }
}
