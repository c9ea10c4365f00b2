import Curriculum
import Domain
import Foundation
import Hub
import Logging
import Store
import Synchronization

/// The courses cached at the station, read from their packages with the code the hub
/// read their folders with (`CourseFolder.read` and `Hub.practiceReader`), kept read.
///
/// A package is read again only when its version changes: reading one parses its
/// lessons, its GIFT quiz and its practice JSONL, which a queue load every sync must not
/// repeat. A package the station cannot read (it should never happen: the hub checked
/// it) is left out and its problems are logged once per version.
final class CourseShelf: Sendable {
    private struct Shelved {
        var version: String
        var course: Course?
    }

    private let shelved = Mutex<[String: Shelved]>([:])
    private let logger: Logger

    init(logger: Logger) {
        self.logger = logger
    }

    /// Every readable course cached in `station`, by id.
    func courses(in station: StationDatabase) throws -> [Course] {
        let versions = try station.courseVersions()
        let known = shelved.withLock { $0 }
        var updated = known.filter { versions[$0.key] != nil }
        for (id, version) in versions where known[id]?.version != version {
            guard let package = try station.coursePackage(id: id) else { continue }
            let read = CourseFolder.read(package, practice: Hub.practiceReader)
            if read.course == nil {
                logger.error("a cached course cannot be read", metadata: ["course": "\(id)", "problems": "\(read.problems.map(\.description))"])
            }
            updated[id] = Shelved(version: version, course: read.course)
        }
        shelved.withLock { $0 = updated }
        return updated.values.compactMap(\.course).sorted { $0.id < $1.id }
    }
}
