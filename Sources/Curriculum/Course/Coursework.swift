import Domain
import Foundation

/// A person's courses as their station sees them: what the hub last said, with what
/// they did here since, so the course rules hold with no network.
///
/// The hub's standings (`CourseStanding`) list the attempts it has graded; attempts made
/// here that it has not listed yet (waiting to be sent, or acknowledged since the last
/// standings came) are added, graded on the station from the course it holds. Attempts
/// the hub refused are kept apart, with its reason: they do not count. Everything the
/// home and course screens say comes from here and `CourseProgress`, so a person is
/// never offered an attempt the rules refuse, online or not.
public struct Coursework: Equatable, Sendable {
    /// An attempt made at this station, with the grade the station gave it.
    public struct LocalAttempt: Equatable, Sendable {
        public enum Status: Equatable, Sendable {
            /// In the training outbox: the hub has not answered for it yet.
            case unsent
            /// The hub took it; its standings will list it.
            case accepted
            /// The hub refused it: it does not count.
            case refused(reason: String)
        }

        public var courseID: String
        public var username: String
        public var record: AttemptRecord
        public var status: Status

        public init(courseID: String, username: String, record: AttemptRecord, status: Status) {
            self.courseID = courseID
            self.username = username
            self.record = record
            self.status = status
        }
    }

    /// A practice item in the person's spaced review, and when it comes back.
    public struct Review: Equatable, Sendable {
        public var courseID: String
        /// `AssessmentItem.key` of the practice task: `p:<task id>`.
        public var item: String
        public var due: Date

        public init(courseID: String, item: String, due: Date) {
            self.courseID = courseID
            self.item = item
            self.due = due
        }
    }

    /// An attempt the hub refused, and why.
    public struct RefusedAttempt: Equatable, Sendable {
        public var record: AttemptRecord
        public var reason: String
    }

    /// One course the person has, and where they stand in it.
    public struct Entry: Equatable, Sendable {
        public var course: Course
        public var assignment: CourseAssignment?
        /// The attempts that count, oldest first: the hub's, then those made here it has
        /// not listed yet.
        public var attempts: [AttemptRecord]
        /// Of `attempts`, those not yet acknowledged by the hub.
        public var unsent: Set<UUID>
        public var refused: [RefusedAttempt]
        /// The lessons (by file) the person has opened at this station.
        public var lessonsRead: Set<String>

        public var id: String { course.id }
        public var title: String { course.title }
    }

    public var username: String
    /// The person's courses: assigned ones first (the soonest due first), then the rest
    /// by title.
    public var entries: [Entry]
    /// Every course the person has passed, here or at the hub, cached here or not (a
    /// prerequisite may be a course this station has not been sent).
    public var passed: Set<String>
    /// The hub's course locks, by project: the courses it said the queue needs
    /// (`QueuePause.courses`).
    public var hubLocks: [String: [String]]
    /// The person's review of practice items, the soonest due first; only items of
    /// courses held here.
    public var reviews: [Review]
    /// The titles of courses named anywhere, by id, for sentences about locks.
    private var titles: [String: String]

    /// - Parameters:
    ///   - role: courses whose audience does not include it are left out, unless the
    ///     person was assigned them or a project needs them.
    ///   - courses: every course cached at the station.
    ///   - standings: the hub's last standings for this person.
    ///   - local: this person's attempts made here.
    ///   - hubLocks: the hub's course pauses for this person.
    ///   - lessonsRead: lessons opened here, by course.
    ///   - reviews: the person's review cards' items and due times.
    public init(
        username: String, role: Role, courses: [Course], standings: [CourseStanding], local: [LocalAttempt],
        hubLocks: [QueuePause] = [], lessonsRead: [String: Set<String>] = [:], reviews: [Review] = []
    ) {
        self.username = username
        let mine = standings.filter { $0.username == username }
        let byCourse = Dictionary(mine.map { ($0.courseID, $0) }, uniquingKeysWith: { _, last in last })
        var locks: [String: [String]] = [:]
        for pause in hubLocks where pause.username == username && !pause.courses.isEmpty {
            locks[pause.projectID, default: []] += pause.courses
        }
        self.hubLocks = locks.mapValues { Array(Set($0)).sorted() }
        let needed = Set(locks.values.flatMap { $0 })

        var counted: [String: [AttemptRecord]] = [:]
        var unsent: [String: Set<UUID>] = [:]
        var refused: [String: [RefusedAttempt]] = [:]
        for standing in mine { counted[standing.courseID] = standing.attempts }
        for attempt in local where attempt.username == username {
            switch attempt.status {
            case .refused(let reason):
                refused[attempt.courseID, default: []].append(RefusedAttempt(record: attempt.record, reason: reason))
            case .unsent, .accepted:
                guard !(counted[attempt.courseID] ?? []).contains(where: { $0.id == attempt.record.id }) else { continue }
                counted[attempt.courseID, default: []].append(attempt.record)
                if attempt.status == .unsent { unsent[attempt.courseID, default: []].insert(attempt.record.id) }
            }
        }
        for (course, records) in counted {
            counted[course] = records.sorted { ($0.finishedAt, $0.id.uuidString) < ($1.finishedAt, $1.id.uuidString) }
        }
        let passed = CourseProgress.passedCourses(counted)
        self.passed = passed
        titles = Dictionary(courses.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })

        entries = courses
            .filter { $0.manifest.audience.contains(role) || byCourse[$0.id]?.assignment != nil || needed.contains($0.id) }
            .map { course in
                Entry(
                    course: course, assignment: byCourse[course.id]?.assignment, attempts: counted[course.id] ?? [],
                    unsent: unsent[course.id] ?? [], refused: (refused[course.id] ?? []).sorted { $0.record.finishedAt < $1.record.finishedAt },
                    lessonsRead: lessonsRead[course.id] ?? [])
            }
            .sorted { Self.order($0, passed: passed) < Self.order($1, passed: passed) }
        let practiceKeys = Dictionary(courses.map { ($0.id, Set(($0.practice?.items ?? []).map { "p:\($0.task.id)" })) }, uniquingKeysWith: { first, _ in first })
        self.reviews = reviews
            .filter { practiceKeys[$0.courseID]?.contains($0.item) ?? false }
            .sorted { ($0.due, $0.courseID, $0.item) < ($1.due, $1.courseID, $1.item) }
    }

    /// The review items due at `now`, the soonest first.
    public func dueReviews(now: Date) -> [Review] {
        reviews.filter { $0.due <= now }
    }

    /// The practice task a review item is, with its course.
    public func practiceItem(of review: Review) -> (course: Course, item: PracticeItem)? {
        guard let entry = entries.first(where: { $0.id == review.courseID }),
              let item = entry.course.practice?.items.first(where: { "p:\($0.task.id)" == review.item })
        else { return nil }
        return (entry.course, item)
    }

    /// Assigned with a due date (soonest first), assigned, then the rest, those still behind
    /// a prerequisite last (a new person sees first what they can take); by title within.
    private static func order(_ entry: Entry, passed: Set<String>) -> (Int, Date, String, String) {
        switch entry.assignment {
        case .some(let assignment) where assignment.dueAt != nil: return (0, assignment.dueAt ?? .distantFuture, entry.title, entry.id)
        case .some: return (1, .distantFuture, entry.title, entry.id)
        case .none:
            let behind = entry.course.manifest.prerequisites.contains { !passed.contains($0) }
            return (behind ? 3 : 2, .distantFuture, entry.title, entry.id)
        }
    }

    public func entry(_ courseID: String) -> Entry? {
        entries.first { $0.id == courseID }
    }

    /// The course's title, or its id when this station does not hold it.
    public func title(of courseID: String) -> String {
        titles[courseID] ?? courseID
    }

    /// Where the person stands in one of their courses at `now`.
    public func state(of entry: Entry, now: Date) -> CourseState {
        CourseProgress.state(of: entry.course.manifest, attempts: entry.attempts, assignment: entry.assignment, passedCourses: passed, now: now)
    }

    public func isOverdue(_ entry: Entry, now: Date) -> Bool {
        CourseProgress.isOverdue(entry.assignment, state: state(of: entry, now: now), now: now)
    }

    /// The courses the person must still pass before a project's queue opens to them:
    /// those whose manifest says they qualify for it, and those the hub said it needs,
    /// less what they have passed (here too, before the hub has heard).
    public func coursesNeeded(for projectID: String) -> [String] {
        let fromCourses = CourseProgress.coursesNeeded(for: projectID, courses: entries.map(\.course.manifest), passedCourses: passed)
        let fromHub = (hubLocks[projectID] ?? []).filter { !passed.contains($0) }
        return Array(Set(fromCourses + fromHub)).sorted()
    }

    /// Whether an attempt at the course may start now: the rules' one answer.
    public func mayStartAttempt(_ courseID: String, now: Date) -> Bool {
        guard let entry = entry(courseID), !entry.course.assessment.isEmpty else { return false }
        return state(of: entry, now: now) == .open
    }
}
