import Curriculum
import Domain
import Foundation
import Store

/// What a publish did, course by course.
public struct CoursePublication: Equatable, Sendable {
    /// Courses stored with a new version (or published for the first time), by id.
    public var published: [String]
    /// Courses whose version the hub already gives: nothing was written for them.
    public var unchanged: [String]

    public init(published: [String], unchanged: [String]) {
        self.published = published
        self.unchanged = unchanged
    }
}

extension Hub {
    /// Reads every course under `root` and publishes those new or changed, all or
    /// nothing, audited.
    ///
    /// Refused as a whole, with every problem of every course as `FILE:LINE: ...`
    /// (`HubError.coursesRefused`), when any course has one: a half-published set
    /// could name a prerequisite the hub never got. Only trainers and admins on the
    /// hub's roster publish (`Role.mayTeach`).
    @discardableResult
    public func publishCourses(from root: URL, actor: String, now: Date) throws -> CoursePublication {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw HubError.refused("there is no folder \(root.path); give the folder that holds the course folders")
        }
        // Who asks is checked before the folder is read: someone who may not publish is
        // told so, not shown the courses' problems.
        try database.read { transaction in
            _ = try Self.person(actor, allowedBy: \.mayTeach, roles: Role.teachingRoles, to: "publish courses", in: transaction)
        }
        let read = CourseFolder.readAll(root: root, practice: Self.practiceReader)
        guard read.problems.isEmpty else { throw HubError.coursesRefused(problems: read.problems.map(\.description)) }
        guard !read.courses.isEmpty else {
            throw HubError.refused("there are no courses in \(root.path): a course is a folder holding \(CourseFolder.manifestName)")
        }
        return try publishCourses(read.courses, actor: actor, now: now)
    }

    /// Publishes courses already read and checked, all or nothing, audited; refused when
    /// a practice task is a gold item (`practiceThatIsGold`).
    @discardableResult
    public func publishCourses(_ courses: [Course], actor: String, now: Date) throws -> CoursePublication {
        try database.write { transaction in
            _ = try Self.person(actor, allowedBy: \.mayTeach, roles: Role.teachingRoles, to: "publish courses", in: transaction)
            let gold = try Self.practiceThatIsGold(courses, in: transaction)
            guard gold.isEmpty else { throw HubError.coursesRefused(problems: gold) }
            var publication = CoursePublication(published: [], unchanged: [])
            for course in courses.sorted(by: { $0.id < $1.id }) {
                let manifest = String(decoding: course.package.files[CourseFolder.manifestName] ?? Data(), as: UTF8.self)
                let stored = try transaction.publishCourse(
                    id: course.id, version: course.version, title: course.title, manifest: manifest, package: course.package, by: actor, at: now)
                if stored {
                    publication.published.append(course.id)
                    try transaction.appendAudit(AuditEvent(
                        kind: .coursePublish, actor: actor, detail: "published course \(course.id) version \(course.version) (\(course.title))", at: now))
                } else {
                    publication.unchanged.append(course.id)
                }
            }
            return publication
        }
    }

    /// Every course's current version (title, version, manifest), by id.
    public func publishedCourses() throws -> [CourseHeader] {
        try database.read { try $0.currentCourseHeaders() }
    }

    /// A published course, read from its stored files: the current version, or the one named.
    public func course(id: String, version: String? = nil) throws -> Course? {
        try database.read { transaction in
            guard let version = try version ?? transaction.currentCourseVersion(id: id) else { return nil }
            var lookup = CourseLookup(transaction: transaction)
            return try lookup.course(id: id, version: version)
        }
    }
}
