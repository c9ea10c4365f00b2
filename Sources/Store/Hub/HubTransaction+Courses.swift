import Domain
import Foundation
import GRDB

extension HubTransaction {
    /// Stores a version of a course as the one stations are given, and numbers the
    /// change so they pull it; the version before stays, for attempts made on it.
    ///
    /// Returns false, writing nothing, when that version is already the current one.
    /// A version published before and since replaced becomes current again.
    @discardableResult
    public func publishCourse(
        id: String, version: String, title: String, manifest: String, package: CoursePackage, by actor: String, at now: Date
    ) throws -> Bool {
        if try currentCourseVersion(id: id) == version { return false }
        let change = try recordChange(kind: "course.publish", subject: id, now: now)
        try db.execute(sql: "UPDATE course SET current = 0 WHERE id = ? AND current = 1", arguments: [id])
        let json = try Self.packageJSON(package)
        try db.execute(sql: """
            INSERT INTO course (id, version, title, manifest, package, published_by, published_at, change_seq, current)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)
            ON CONFLICT (id, version) DO UPDATE SET
                title = excluded.title, manifest = excluded.manifest, published_by = excluded.published_by,
                published_at = excluded.published_at, change_seq = excluded.change_seq, current = 1
            """, arguments: [id, version, title, manifest, json, actor, now, change])
        return true
    }

    /// The version stations are given now, or nil for a course never published.
    public func currentCourseVersion(id: String) throws -> String? {
        try String.fetchOne(db.cachedStatement(sql: "SELECT version FROM course WHERE id = ? AND current = 1"), arguments: [id])
    }

    /// One version of a course, current or not.
    public func publishedCourse(id: String, version: String) throws -> PublishedCourse? {
        try Row.fetchOne(db, sql: "SELECT * FROM course WHERE id = ? AND version = ?", arguments: [id, version]).map(Self.publishedCourse)
    }

    /// The current version of a course.
    public func currentCourse(id: String) throws -> PublishedCourse? {
        try Row.fetchOne(db, sql: "SELECT * FROM course WHERE id = ? AND current = 1", arguments: [id]).map(Self.publishedCourse)
    }

    /// Every course's current version without its files, by id: what each sync's rules read.
    public func currentCourseHeaders() throws -> [CourseHeader] {
        try Row.fetchAll(db.cachedStatement(sql: "SELECT id, version, title, manifest FROM course WHERE current = 1 ORDER BY id")).map { row in
            CourseHeader(id: row["id"], version: row["version"], title: row["title"], manifest: row["manifest"])
        }
    }

    /// The packages of courses whose current version was published after `cursor`, by id.
    public func coursesChanged(since cursor: Int64) throws -> [CoursePackage] {
        try Row.fetchAll(
            db.cachedStatement(sql: "SELECT id, version, package FROM course WHERE current = 1 AND change_seq > ? ORDER BY id"), arguments: [cursor]
        ).map { row in try Self.package(row["package"], course: row["id"]) }
    }

    static func publishedCourse(_ row: Row) throws -> PublishedCourse {
        let id: String = row["id"]
        return PublishedCourse(
            id: id, version: row["version"], title: row["title"], manifest: row["manifest"], package: try package(row["package"], course: id),
            publishedBy: row["published_by"], publishedAt: row["published_at"], change: row["change_seq"], isCurrent: row["current"])
    }

    static func packageJSON(_ package: CoursePackage) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(package), as: UTF8.self)
    }

    static func package(_ json: String, course: String) throws -> CoursePackage {
        do {
            return try JSONDecoder().decode(CoursePackage.self, from: Data(json.utf8))
        } catch {
            throw StoreError.unreadableRow(table: "course", problem: "the package of course \(course) is not a course package: \(error)")
        }
    }
}
