import Curriculum
import Domain
import Foundation
import Store

/// The published courses as one transaction sees them: the current versions' manifests
/// read once, and each version's package read into a `Course` once, however many
/// attempts on it a sync brings.
struct CourseLookup {
    let transaction: HubTransaction
    private var currentManifests: [CourseManifest]?
    private var read: [String: Course?] = [:]

    init(transaction: HubTransaction) {
        self.transaction = transaction
    }

    /// The current version of every published course, by id.
    mutating func manifests() throws -> [CourseManifest] {
        if let currentManifests { return currentManifests }
        let manifests = try transaction.currentCourseHeaders().compactMap { header in
            CourseManifest.parse(header.manifest, id: header.id, file: "\(header.id)/\(CourseFolder.manifestName)").manifest
        }
        currentManifests = manifests
        return manifests
    }

    /// One version of a course, read from its stored package; nil when the hub never
    /// published that version.
    mutating func course(id: String, version: String) throws -> Course? {
        let key = "\(id)\u{0}\(version)"
        if let known = read[key] { return known }
        let course = try transaction.publishedCourse(id: id, version: version).flatMap { published in
            CourseFolder.read(published.package, practice: Hub.practiceReader).course
        }
        read[key] = course
        return course
    }
}
