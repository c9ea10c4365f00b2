import Curriculum
import Domain
import Foundation
import TerminalCore
import Widgets

/// The trainer's screen: the hub's published courses with where their people stand, and
/// one course's live view (people, item analysis, essays waiting for a mark).
///
/// Like the gold review, it works through the hub the station has (standalone); this
/// screen only shows what the hub reports and sends a trainer's marks, which the hub
/// checks (role, item, range) and grades. It refreshes itself every
/// `refreshSeconds` while open: the app's ticks ask `ticked`, which answers with a load
/// when one is due. Only the first load of a page holds keys back; a refresh never does.
public enum TrainerScreen {
    /// How often the open page asks the hub again.
    public static let refreshSeconds: TimeInterval = 2

    /// One published course in the list, with its people counted by where they stand.
    public struct CourseSummary: Equatable, Sendable {
        public var courseID: String
        public var title: String
        public var version: String
        /// People with an assignment of it (open or cleared by a pass).
        public var assigned: Int
        /// People with an attempt that counts now.
        public var started: Int
        public var passed: Int
        /// Out of attempts without a pass.
        public var failed: Int
        public var overdue: Int
        /// Items of attempts waiting for a trainer's mark.
        public var essays: Int

        public init(
            courseID: String, title: String, version: String, assigned: Int, started: Int, passed: Int, failed: Int, overdue: Int, essays: Int
        ) {
            self.courseID = courseID
            self.title = title
            self.version = version
            self.assigned = assigned
            self.started = started
            self.passed = passed
            self.failed = failed
            self.overdue = overdue
            self.essays = essays
        }
    }

    /// One person on a course's live view.
    public struct Person: Equatable, Sendable {
        public var username: String
        /// How they have it: "by lee", "by lee (cohort night)", "remediation (sentiment)", "unassigned".
        public var how: String
        public var state: CourseState
        public var hasStarted: Bool
        public var isOverdue: Bool
        public var attempts: Int
        /// The best share of marks, 0...1.
        public var best: Double?
        public var dueAt: Date?

        public init(
            username: String, how: String, state: CourseState, hasStarted: Bool, isOverdue: Bool, attempts: Int, best: Double?, dueAt: Date?
        ) {
            self.username = username
            self.how = how
            self.state = state
            self.hasStarted = hasStarted
            self.isOverdue = isOverdue
            self.attempts = attempts
            self.best = best
            self.dueAt = dueAt
        }
    }

    /// One assessment item's figures from the hub's item analysis.
    public struct Item: Equatable, Sendable {
        /// `q3`, `p:<task id>`.
        public var key: String
        public var title: String
        public var attempts: Int
        /// Mean mark over max mark, 0...1.
        public var facility: Double?
        /// Out of 100, as Moodle shows it.
        public var discrimination: Double?
        public var flags: [ItemFlag]

        public init(key: String, title: String, attempts: Int, facility: Double?, discrimination: Double?, flags: [ItemFlag]) {
            self.key = key
            self.title = title
            self.attempts = attempts
            self.facility = facility
            self.discrimination = discrimination
            self.flags = flags
        }
    }

    /// An item of an attempt that waits for a trainer: what was asked, what was answered.
    public struct Essay: Equatable, Sendable {
        public var attemptID: UUID
        public var username: String
        public var finishedAt: Date
        public var item: String
        public var question: String
        public var answer: String

        public init(attemptID: UUID, username: String, finishedAt: Date, item: String, question: String, answer: String) {
            self.attemptID = attemptID
            self.username = username
            self.finishedAt = finishedAt
            self.item = item
            self.question = question
            self.answer = answer
        }

        var id: String { attemptID.uuidString + "/" + item }
    }

    /// A course's live view, as one read of the hub's training report.
    public struct CourseView: Equatable, Sendable {
        public var courseID: String
        public var title: String
        public var version: String
        public var passMark: Double
        public var attemptsAllowed: Int?
        /// The highest marking of what the page can show (the practice project's).
        public var marking: Marking
        public var people: [Person]
        /// Nil until a counted attempt at the current version exists.
        public var items: [Item]?
        /// Counted attempts the item analysis read, and those it left out.
        public var analysed: Int
        public var leftOut: Int
        public var essays: [Essay]

        public init(
            courseID: String, title: String, version: String, passMark: Double, attemptsAllowed: Int?, marking: Marking = .unclassified,
            people: [Person], items: [Item]?, analysed: Int = 0, leftOut: Int = 0, essays: [Essay]
        ) {
            self.courseID = courseID
            self.title = title
            self.version = version
            self.passMark = passMark
            self.attemptsAllowed = attemptsAllowed
            self.marking = marking
            self.people = people
            self.items = items
            self.analysed = analysed
            self.leftOut = leftOut
            self.essays = essays
        }
    }

    /// The course page's panes.
    public enum Tab: Int, CaseIterable, Equatable, Sendable {
        case people, items, essays

        var title: String {
            switch self {
            case .people: "People"
            case .items: "Item analysis"
            case .essays: "Essays to mark"
            }
        }
    }

    /// Who a course is assigned to from the screen.
    public enum Assignee: Equatable, Sendable {
        case person(String)
        case cohort(String)
    }

    /// The assignment being typed: to whom, and when it is due.
    public struct AssignForm: Equatable, Sendable {
        public var to = TextField(maximumLength: 64)
        public var due = TextField(maximumLength: 16)
        /// The due date's field has the keys, rather than the assignee's.
        public var onDue = false
    }

    /// An essay opened for marking, and the mark typed so far.
    public struct OpenEssay: Equatable, Sendable {
        public var essay: Essay
        public var field = TextField(maximumLength: 8)
    }

    public struct State: Equatable, Sendable {
        /// The person working the screen, for the status line; the hub checks their role.
        public var username: String
        public var now: Date
        public var timeZone: TimeZone
        public var courses: [CourseSummary] = []
        public var selectedCourse = 0
        /// The course whose page is open (or opening); nil on the list.
        public var openCourseID: String?
        public var view: CourseView?
        public var tab: Tab = .people
        public var selectedRow: [Tab: Int] = [:]
        /// The essay being marked, when one is open.
        public var openEssay: OpenEssay?
        /// The assignment being typed, when the form is open.
        public var assignForm: AssignForm?
        public var message: String?
        /// Waiting for a page's first load, or for the hub to take a mark or an
        /// assignment: keys typed meanwhile wait and replay.
        public var isLoading = true
        public var isSending = false
        /// A refresh in flight: keys do not wait for it.
        public var isRefreshing = false
        public var deferredKeys: [Key] = []
        /// When the page last asked the hub; nil before anything loaded (a station with no
        /// hub of its own never starts refreshing).
        public var askedAt: Date?
        /// When the hub's last answer arrived, for the status line.
        public var updatedAt: Date?

        public var isWaiting: Bool { isLoading || isSending }

        public init(username: String, now: Date, timeZone: TimeZone) {
            self.username = username
            self.now = now
            self.timeZone = timeZone
        }

        /// The banner covers what the page can show: the practice project's marking, since
        /// an answer to a practice task may quote its text.
        public var marking: Marking { view?.marking ?? .unclassified }

        var rows: Int {
            guard let view else { return 0 }
            switch tab {
            case .people: return view.people.count
            case .items: return view.items?.count ?? 0
            case .essays: return view.essays.count
            }
        }

        var row: Int { selectedRow[tab] ?? 0 }

        public var currentCourse: CourseSummary? { courses.indices.contains(selectedCourse) ? courses[selectedCourse] : nil }

        public var currentEssay: Essay? {
            guard tab == .essays, let essays = view?.essays, essays.indices.contains(row) else { return nil }
            return essays[row]
        }
    }

    public enum Effect: Equatable, Sendable {
        case loadCourses
        case loadCourse(courseID: String)
        /// A trainer's mark, 0...1, for an item of an attempt.
        case mark(attemptID: UUID, item: String, mark: Double)
        case assign(courseID: String, to: Assignee, dueAt: Date?)
        case back
    }

    /// The screen as it opens: the list, loading.
    public static func start(_ state: inout State) -> [Effect] {
        state.isLoading = true
        state.askedAt = nil
        return [.loadCourses]
    }

    public static func update(_ state: inout State, _ key: Key) -> [Effect] {
        if state.isWaiting, key != .escape {
            state.deferredKeys.append(key)
            return []
        }
        return handle(key, &state)
    }

    /// The clock moved: the open page asks the hub again once `refreshSeconds` have passed
    /// since it last asked, unless it is still waiting for an answer.
    public static func ticked(_ state: inout State, _ now: Date) -> [Effect] {
        state.now = now
        guard let asked = state.askedAt, !state.isWaiting, !state.isRefreshing, now.timeIntervalSince(asked) >= refreshSeconds else { return [] }
        return refresh(&state)
    }

    /// The published courses arrived.
    public static func coursesLoaded(_ state: inout State, _ courses: [CourseSummary]) -> [Effect] {
        let chosen = state.currentCourse?.courseID
        state.courses = courses
        state.selectedCourse = chosen.flatMap { id in courses.firstIndex { $0.courseID == id } } ?? min(state.selectedCourse, max(0, courses.count - 1))
        return arrived(&state, onList: true)
    }

    /// A course's live view arrived. An answer for a page no longer open is dropped.
    public static func courseLoaded(_ state: inout State, _ view: CourseView) -> [Effect] {
        guard state.openCourseID == view.courseID else { return [] }
        let chosen = state.view.map { old in Tab.allCases.map { tab in identity(of: tab, in: old, at: state.selectedRow[tab] ?? 0) } }
        state.view = view
        for tab in Tab.allCases {
            let count = rows(of: tab, in: view)
            let kept = chosen?[tab.rawValue].flatMap { id in (0..<count).first { identity(of: tab, in: view, at: $0) == id } }
            state.selectedRow[tab] = kept ?? min(state.selectedRow[tab] ?? 0, max(0, count - 1))
        }
        // The essay being marked is still waiting unless someone else marked it meanwhile.
        if let open = state.openEssay, !state.isSending, !view.essays.contains(where: { $0.id == open.essay.id }) {
            state.openEssay = nil
            state.message = "\(open.essay.username)'s \(open.essay.item) was marked meanwhile; it is no longer waiting."
        }
        return arrived(&state, onList: false)
    }

    /// The hub took the mark or the assignment: the essay or the form closes, and the
    /// sentence says what was done.
    public static func done(_ state: inout State, sentence: String) -> [Effect] {
        state.isSending = false
        state.openEssay = nil
        state.assignForm = nil
        state.message = sentence
        return DeferredKeys.replay(&state, keys: \.deferredKeys, isWaiting: \.isWaiting) { state, key in handle(key, &state) }
    }

    /// Loading, a mark or an assignment failed (the hub refused, or there is none): say
    /// why. Keys typed meanwhile are dropped, as they were meant for what did not happen;
    /// an open essay or form stays open so it can be corrected.
    public static func failed(_ state: inout State, message: String) {
        state.isLoading = false
        state.isSending = false
        state.isRefreshing = false
        state.deferredKeys = []
        state.message = message
    }

    private static func arrived(_ state: inout State, onList: Bool) -> [Effect] {
        guard (state.openCourseID == nil) == onList else { return [] }
        state.isLoading = false
        state.isRefreshing = false
        state.updatedAt = state.now
        if state.askedAt == nil { state.askedAt = state.now }
        return DeferredKeys.replay(&state, keys: \.deferredKeys, isWaiting: \.isWaiting) { state, key in handle(key, &state) }
    }

    private static func refresh(_ state: inout State) -> [Effect] {
        state.isRefreshing = true
        state.askedAt = state.now
        return [state.openCourseID.map { .loadCourse(courseID: $0) } ?? .loadCourses]
    }

    private static func rows(of tab: Tab, in view: CourseView) -> Int {
        switch tab {
        case .people: view.people.count
        case .items: view.items?.count ?? 0
        case .essays: view.essays.count
        }
    }

    /// What a row stands for, so a refresh keeps the same one chosen when rows move.
    private static func identity(of tab: Tab, in view: CourseView, at row: Int) -> String? {
        switch tab {
        case .people: view.people.indices.contains(row) ? view.people[row].username : nil
        case .items: view.items.flatMap { $0.indices.contains(row) ? $0[row].key : nil }
        case .essays: view.essays.indices.contains(row) ? view.essays[row].id : nil
        }
    }

    private static func handle(_ key: Key, _ state: inout State) -> [Effect] {
        if state.openEssay != nil { return handleMarking(key, &state) }
        if state.assignForm != nil { return handleAssigning(key, &state) }
        if state.openCourseID != nil { return handleCourse(key, &state) }
        switch key {
        case .escape, .character("q"): return [.back]
        case .character("r"): return refreshNow(&state)
        case .enter:
            guard let course = state.currentCourse else {
                state.message = noCoursesSentence
                return []
            }
            state.message = nil
            state.openCourseID = course.courseID
            state.view = nil
            state.tab = .people
            state.selectedRow = [:]
            state.isLoading = true
            state.askedAt = state.now
            return [.loadCourse(courseID: course.courseID)]
        default:
            if let moved = SelectionList.move(state.selectedCourse, count: state.courses.count, key: key) {
                state.selectedCourse = moved
                state.message = nil
            }
            return []
        }
    }

    private static func handleCourse(_ key: Key, _ state: inout State) -> [Effect] {
        switch key {
        case .escape, .character("q"):
            // Back to the list, asked for afresh (a course refresh in flight is dropped on arrival).
            state.openCourseID = nil
            state.view = nil
            state.openEssay = nil
            state.assignForm = nil
            state.message = nil
            return refresh(&state)
        case .character("r"): return refreshNow(&state)
        case .character("a"):
            state.assignForm = AssignForm()
            state.message = nil
        case .tab, .right:
            state.tab = Tab(rawValue: (state.tab.rawValue + 1) % Tab.allCases.count) ?? .people
            state.message = nil
        case .backTab, .left:
            state.tab = Tab(rawValue: (state.tab.rawValue + Tab.allCases.count - 1) % Tab.allCases.count) ?? .people
            state.message = nil
        case .character("1"), .character("2"), .character("3"):
            if case .character(let typed) = key, let number = Int(String(typed)) { state.tab = Tab(rawValue: number - 1) ?? .people }
            state.message = nil
        case .enter where state.tab == .essays:
            guard let essay = state.currentEssay else {
                state.message = "No essays wait for a mark on this course."
                return []
            }
            state.openEssay = OpenEssay(essay: essay)
            state.message = nil
        default:
            if let moved = SelectionList.move(state.row, count: state.rows, key: key) {
                state.selectedRow[state.tab] = moved
                state.message = nil
            }
        }
        return []
    }

    private static func handleMarking(_ key: Key, _ state: inout State) -> [Effect] {
        guard var open = state.openEssay else { return [] }
        switch key {
        case .escape:
            state.openEssay = nil
            state.message = nil
            return []
        case .enter:
            switch TrainerText.share(fromMark: open.field.text) {
            case .failure(let problem):
                state.message = problem.sentence
                return []
            case .success(let mark):
                state.isSending = true
                state.message = nil
                return [.mark(attemptID: open.essay.attemptID, item: open.essay.item, mark: mark)]
            }
        default:
            if open.field.handle(key) {
                state.openEssay = open
                state.message = nil
            }
            return []
        }
    }

    private static func handleAssigning(_ key: Key, _ state: inout State) -> [Effect] {
        guard var form = state.assignForm, let courseID = state.openCourseID else { return [] }
        switch key {
        case .escape:
            state.assignForm = nil
            state.message = nil
        case .tab, .backTab, .up, .down:
            form.onDue.toggle()
            state.assignForm = form
        case .enter:
            switch TrainerText.assignment(to: form.to.text, due: form.due.text, now: state.now) {
            case .failure(let problem):
                state.message = problem.sentence
            case .success(let (assignee, dueAt)):
                state.isSending = true
                state.message = nil
                return [.assign(courseID: courseID, to: assignee, dueAt: dueAt)]
            }
        default:
            let handled = form.onDue ? form.due.handle(key) : form.to.handle(key)
            if handled {
                state.assignForm = form
                state.message = nil
            }
        }
        return []
    }

    private static func refreshNow(_ state: inout State) -> [Effect] {
        guard !state.isRefreshing else { return [] }
        return refresh(&state)
    }

    static let noCoursesSentence = "No courses are published at the hub yet. A trainer publishes them with: labeldesk course publish FOLDER"
}
