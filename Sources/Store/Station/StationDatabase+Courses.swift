import Domain
import Foundation
import GRDB

extension StationDatabase {
    /// Files of a course package drawn with the imagery renderer: they go into the media
    /// folder, so a lesson's picture or a practice chip is read like any task's chip.
    static let courseMediaExtensions: Set<String> = ["png", "jpg", "jpeg", "gif", "bmp", "webp", "tif", "tiff", "jp2", "j2k", "ntf", "nitf"]

    /// Every cached course's version, by id: cheap, so a reader can tell which packages
    /// changed before it reads any.
    public func courseVersions() throws -> [String: String] {
        try pool.read { db in
            var versions: [String: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, version FROM course") { versions[row[0]] = row[1] }
            return versions
        }
    }

    /// The cached package of a course, as the hub last sent it.
    public func coursePackage(id: String) throws -> CoursePackage? {
        try pool.read { db in
            try String.fetchOne(db, sql: "SELECT package FROM course WHERE id = ?", arguments: [id]).map { try Self.decode(CoursePackage.self, $0, table: "course", row: id) }
        }
    }

    /// Where a file of a cached course is in the media folder, if it is one kept there.
    public func courseMedia(courseID: String, path: String) throws -> MediaReference? {
        try pool.read { db in
            try Row.fetchOne(db, sql: """
                SELECT media.sha256, media.byte_count FROM course_media JOIN media ON media.sha256 = course_media.sha256
                WHERE course_media.course_id = ? AND course_media.path = ? AND media.state = 'present'
                """, arguments: [courseID, path]).map { MediaReference(sha256: $0[0], byteCount: $0[1]) }
        }
    }

    /// The hub's last standings for one person.
    public func courseStandings(username: String) throws -> [CourseStanding] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT course_id, standing FROM course_standing WHERE username = ? ORDER BY course_id", arguments: [username])
                .map { try Self.decode(CourseStanding.self, $0[1], table: "course_standing", row: "\(username)/\($0[0] as String)") }
        }
    }

    /// The hub's pauses of one person, quality's and courses' alike.
    public func pauses(username: String) throws -> [QueuePause] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT project_id, courses FROM pause WHERE username = ? ORDER BY project_id", arguments: [username]).map { row in
                QueuePause(username: username, projectID: row[0], courses: Self.courseList(row[1]))
            }
        }
    }

    /// Saves the courses of a reply: each package replaces the one cached, and its
    /// pictures and chips are put in the media folder (bytes hashed on the way in).
    ///
    /// A practice chip is installed only if its bytes are the SHA-256 and size the
    /// package names for it (`CoursePackage.media`, from its task), as leased media is;
    /// a chip that is not refuses the whole reply with a sentence, so nothing of it is
    /// kept, the cursor stays, and the next sync brings the course again.
    static func saveCourses(_ packages: [CoursePackage], mediaFolder: MediaFolder, now: Date, in db: Database) throws {
        guard !packages.isEmpty else { return }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        for package in packages {
            try db.execute(
                sql: """
                    INSERT INTO course (id, version, package, received_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT (id) DO UPDATE SET version = excluded.version, package = excluded.package, received_at = excluded.received_at
                    """,
                arguments: [package.id, package.version, String(decoding: try encoder.encode(package), as: UTF8.self), now])
            try db.execute(sql: "DELETE FROM course_media WHERE course_id = ?", arguments: [package.id])
            for (path, bytes) in package.files.sorted(by: { $0.key < $1.key })
            where package.media[path] != nil || courseMediaExtensions.contains((path as NSString).pathExtension.lowercased()) {
                let reference: MediaReference
                do throws(MediaError) {
                    if let expected = package.media[path] {
                        try mediaFolder.install(bytes: bytes, as: expected)
                        reference = expected
                    } else {
                        reference = try mediaFolder.store(bytes: bytes)
                    }
                } catch {
                    if case let .mismatch(expected, found) = error {
                        throw StoreError.courseChipDamaged(courseID: package.id, path: path, named: expected, received: found)
                    }
                    throw StoreError.unreadableRow(table: "course_media", problem: "\(package.id)/\(path) could not be stored: \(error)")
                }
                try db.execute(sql: """
                    INSERT INTO media (sha256, byte_count, state, path) VALUES (?, ?, 'present', ?)
                    ON CONFLICT (sha256) DO UPDATE SET state = 'present', path = excluded.path, failures = 0, last_problem = NULL
                    """, arguments: [reference.sha256, reference.byteCount, relativePath(of: reference.sha256)])
                try db.execute(
                    sql: "INSERT OR REPLACE INTO course_media (course_id, path, sha256) VALUES (?, ?, ?)",
                    arguments: [package.id, path, reference.sha256])
            }
        }
    }

    /// Replaces the standings with the hub's whole list, and forgets the attempts made
    /// here that it now lists (its record of them is the one that counts from now on).
    static func replaceStandings(_ standings: [CourseStanding], in db: Database) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try db.execute(sql: "DELETE FROM course_standing")
        let forget = try db.cachedStatement(sql: "DELETE FROM course_attempt WHERE id = ? AND outcome = 'accepted'")
        for standing in standings {
            try db.execute(
                sql: "INSERT OR REPLACE INTO course_standing (username, course_id, standing) VALUES (?, ?, ?)",
                arguments: [standing.username, standing.courseID, String(decoding: try encoder.encode(standing), as: UTF8.self)])
            for attempt in standing.attempts { try forget.execute(arguments: [attempt.id.uuidString]) }
        }
    }

    /// A pause's `courses` column: ids joined by commas (course ids hold none).
    static func courseList(_ text: String) -> [String] {
        text.split(separator: ",").map(String.init)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ json: String, table: String, row: String) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: Data(json.utf8))
        } catch {
            throw StoreError.unreadableRow(table: table, problem: "\(row): \(error)")
        }
    }
}
