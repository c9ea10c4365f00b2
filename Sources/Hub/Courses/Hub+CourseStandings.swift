import Curriculum
import Domain
import Foundation
import Store

extension Hub {
    /// Where each person stands in their courses, for a sync's reply: every course
    /// assigned to them, every course a project they could label needs, and the
    /// prerequisites of those (a station needs them to tell whether a course is open),
    /// each with their latest assignment and the attempts that count, oldest first.
    /// People not on the roster have none.
    static func courseStandings(
        for people: [String], projects: [Project], roster: inout RosterLookup, courses: inout CourseLookup, transaction: HubTransaction
    ) throws -> [CourseStanding] {
        let manifests = try courses.manifests()
        guard !manifests.isEmpty else { return [] }
        let byID = Dictionary(manifests.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let projectIDs = Set(projects.map(\.id))
        var standings: [CourseStanding] = []
        for person in people {
            guard let user = try roster.user(person) else { continue }
            let assignments = try transaction.assignments(username: person)
            var wanted = Set(assignments.map(\.courseID))
            if user.role.mayLabel {
                wanted.formUnion(manifests.filter { !projectIDs.isDisjoint(with: $0.qualifies) }.map(\.id))
            }
            var stack = Array(wanted)
            while let next = stack.popLast() {
                for prerequisite in byID[next]?.prerequisites ?? [] where wanted.insert(prerequisite).inserted {
                    stack.append(prerequisite)
                }
            }
            let attempts = Dictionary(grouping: try transaction.attempts(username: person).filter(\.counted), by: \.attempt.courseID)
            let latest = Dictionary(assignments.map { ($0.courseID, $0.assignment) }, uniquingKeysWith: { _, later in later })
            for courseID in wanted.sorted() where byID[courseID] != nil {
                standings.append(CourseStanding(
                    username: person, courseID: courseID, assignment: latest[courseID], attempts: (attempts[courseID] ?? []).map(\.record)))
            }
        }
        return standings
    }

    /// The courses `person` must pass before `projectID`'s queue opens to them: those
    /// whose current manifest names the project under `qualifies` and that they have not
    /// passed with a counted attempt. Empty when no course qualifies for the project.
    static func coursesNeeded(
        projectID: String, person: String, courses: inout CourseLookup, passed: inout [String: Set<String>], transaction: HubTransaction
    ) throws -> [String] {
        let qualifying = try courses.manifests().filter { $0.qualifies.contains(projectID) }
        guard !qualifying.isEmpty else { return [] }
        if passed[person] == nil { passed[person] = try transaction.passedCourses(username: person) }
        return CourseProgress.coursesNeeded(for: projectID, courses: qualifying, passedCourses: passed[person] ?? [])
    }

    /// What `coursesNeeded` gives, read on its own: the courses a person must pass before
    /// a project's queue opens to them.
    public func coursesNeeded(projectID: String, username: String) throws -> [String] {
        try database.read { transaction in
            var courses = CourseLookup(transaction: transaction)
            var passed: [String: Set<String>] = [:]
            return try Self.coursesNeeded(projectID: projectID, person: username, courses: &courses, passed: &passed, transaction: transaction)
        }
    }

    /// A person's standings, as a sync that names them gets them.
    public func courseStandings(username: String) throws -> [CourseStanding] {
        try database.read { transaction in
            var roster = RosterLookup(transaction: transaction)
            var courses = CourseLookup(transaction: transaction)
            return try Self.courseStandings(
                for: [username], projects: try transaction.projects(), roster: &roster, courses: &courses, transaction: transaction)
        }
    }

    /// Where a person is in a course by the hub's records, as the station works it out.
    public func courseState(username: String, courseID: String, now: Date) throws -> CourseState? {
        try database.read { transaction in
            guard let header = try transaction.currentCourseHeaders().first(where: { $0.id == courseID }),
                  let manifest = CourseManifest.parse(header.manifest, id: courseID, file: "\(courseID)/\(CourseFolder.manifestName)").manifest
            else { return nil }
            let attempts = try transaction.attempts(username: username, courseID: courseID).filter(\.counted).map(\.record)
            return CourseProgress.state(
                of: manifest, attempts: attempts, assignment: try transaction.assignments(username: username, courseID: courseID).last?.assignment,
                passedCourses: try transaction.passedCourses(username: username), now: now)
        }
    }
}
