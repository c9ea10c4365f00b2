import Domain
import Foundation
import TerminalCore
import Widgets

/// The shift lead's console: the floor's projects, people, stations, alerts and flags,
/// live, with a lead's actions on them.
///
/// The screen only shows what the hub reports (`ShiftFloor`) and sends a lead's actions,
/// which the hub checks (role, ranges) and audits. It asks again every
/// `refreshSeconds` while open (the app's ticks call `ticked`); a refresh keeps the
/// selection on the same project, person, station, alert or flag, and never holds keys
/// back. Every action is confirmed with `y` before it is sent.
public enum LeadScreen {
    public static let refreshSeconds: TimeInterval = 2
    /// The shift the console shows unless told otherwise: the last eight hours.
    public static let shiftSeconds: TimeInterval = 8 * 3600

    public enum Tab: Int, CaseIterable, Equatable, Sendable {
        case projects, people, stations, alerts, flags

        var title: String {
            switch self {
            case .projects: "Projects"
            case .people: "People"
            case .stations: "Stations"
            case .alerts: "Alerts"
            case .flags: "Flags"
            }
        }
    }

    /// What a form being typed will become.
    public enum FormKind: Equatable, Sendable {
        case pauseNote(username: String)
        case moveTo(username: String)
        case course(username: String)
        case goldRate(projectID: String)
        case overlap(projectID: String)
        case priority(projectID: String)
        case flagAnswer(annotationID: UUID)

        var prompt: String {
            switch self {
            case .pauseNote(let username): "Note for \(username) (shown on their station; Enter for none):"
            case .moveTo(let username): "Move \(username) to project:"
            case .course(let username): "Course for \(username), then a due date if any (basics 3d):"
            case .goldRate(let projectID): "Gold rate of \(projectID), in percent (0-50):"
            case .overlap(let projectID): "Overlap of \(projectID), in percent (0-100):"
            case .priority(let projectID): "Priority of \(projectID), a whole number (-99 to 99):"
            case .flagAnswer: "Answer to the flag:"
            }
        }
    }

    public struct Form: Equatable, Sendable {
        public var kind: FormKind
        public var field = TextField(maximumLength: 200)
    }

    public struct State: Equatable, Sendable {
        /// The lead working the screen; the hub checks their role on every request.
        public var username: String
        public var now: Date
        public var timeZone: TimeZone
        public var since: Date
        public var floor: ShiftFloor?
        public var tab: Tab = .projects
        public var selectedRow: [Tab: Int] = [:]
        /// The selected row's detail page is open.
        public var showsDetail = false
        public var form: Form?
        /// The action waiting for `y`.
        public var confirming: LeadAction?
        public var message: String?
        public var isLoading = true
        public var isSending = false
        public var isRefreshing = false
        public var deferredKeys: [Key] = []
        public var askedAt: Date?
        public var updatedAt: Date?

        public var isWaiting: Bool { isLoading || isSending }

        public init(username: String, now: Date, timeZone: TimeZone, since: Date? = nil) {
            self.username = username
            self.now = now
            self.timeZone = timeZone
            self.since = since ?? now.addingTimeInterval(-LeadScreen.shiftSeconds)
        }

        public var marking: Marking { floor?.marking ?? .unclassified }
        public var row: Int { selectedRow[tab] ?? 0 }

        func count(of tab: Tab) -> Int {
            guard let floor else { return 0 }
            switch tab {
            case .projects: return floor.projects.count
            case .people: return floor.people.count
            case .stations: return floor.stations.count
            case .alerts: return floor.alerts.count
            case .flags: return floor.flags.count
            }
        }

        public var selectedProject: ProjectFloor? { pick(.projects, floor?.projects) }
        public var selectedPerson: PersonFloor? { pick(.people, floor?.people) }
        public var selectedStation: StationFloor? { pick(.stations, floor?.stations) }
        public var selectedAlert: FloorAlert? { pick(.alerts, floor?.alerts) }
        public var selectedFlag: FloorFlag? { pick(.flags, floor?.flags) }

        private func pick<Row>(_ wanted: Tab, _ rows: [Row]?) -> Row? {
            guard tab == wanted, let rows, rows.indices.contains(row) else { return nil }
            return rows[row]
        }
    }

    public enum Effect: Equatable, Sendable {
        /// Ask the hub for the floor (after `action`, when there is one).
        case ask(since: Date, action: LeadAction?)
        case back
    }

    public static func start(_ state: inout State) -> [Effect] {
        state.isLoading = true
        state.askedAt = state.now
        return [.ask(since: state.since, action: nil)]
    }

    public static func update(_ state: inout State, _ key: Key) -> [Effect] {
        if state.isWaiting, key != .escape {
            state.deferredKeys.append(key)
            return []
        }
        return handle(key, &state)
    }

    /// The clock moved: ask again once `refreshSeconds` have passed since the last ask.
    public static func ticked(_ state: inout State, _ now: Date) -> [Effect] {
        state.now = now
        guard let asked = state.askedAt, !state.isWaiting, !state.isRefreshing, now.timeIntervalSince(asked) >= refreshSeconds else { return [] }
        state.isRefreshing = true
        state.askedAt = now
        return [.ask(since: state.since, action: nil)]
    }

    /// The floor arrived; with `sentence`, after the action the lead confirmed.
    public static func floorLoaded(_ state: inout State, _ floor: ShiftFloor, sentence: String? = nil) -> [Effect] {
        let kept = state.floor.map { old in Tab.allCases.map { identity(of: $0, in: old, at: state.selectedRow[$0] ?? 0) } }
        state.floor = floor
        for tab in Tab.allCases {
            let count = state.count(of: tab)
            let found = kept?[tab.rawValue].flatMap { id in (0..<count).first { identity(of: tab, in: floor, at: $0) == id } }
            state.selectedRow[tab] = found ?? min(state.selectedRow[tab] ?? 0, max(0, count - 1))
        }
        state.isLoading = false
        state.isRefreshing = false
        state.updatedAt = floor.now
        let answered = state.isSending
        state.isSending = false
        let effects = DeferredKeys.replay(&state, keys: \.deferredKeys, isWaiting: \.isWaiting) { state, key in handle(key, &state) }
        // The hub's sentence after the keys typed meanwhile, which would otherwise clear it.
        if answered { state.message = sentence }
        return effects
    }

    /// The hub refused or could not be reached: say why; the form stays for a correction.
    public static func failed(_ state: inout State, message: String) {
        state.isLoading = false
        state.isSending = false
        state.isRefreshing = false
        state.deferredKeys = []
        state.message = message
    }

    /// What a row is, so a refresh finds it again wherever it moved.
    static func identity(of tab: Tab, in floor: ShiftFloor, at index: Int) -> String? {
        switch tab {
        case .projects: floor.projects.indices.contains(index) ? floor.projects[index].id : nil
        case .people: floor.people.indices.contains(index) ? floor.people[index].username : nil
        case .stations: floor.stations.indices.contains(index) ? floor.stations[index].id : nil
        case .alerts: floor.alerts.indices.contains(index) ? "\(floor.alerts[index].kind.rawValue)/\(floor.alerts[index].subject)" : nil
        case .flags: floor.flags.indices.contains(index) ? floor.flags[index].annotationID.uuidString : nil
        }
    }

    private static func handle(_ key: Key, _ state: inout State) -> [Effect] {
        if let action = state.confirming {
            state.confirming = nil
            guard key == .character("y") || key == .character("Y") else {
                // Cancelled: the form it came from goes too.
                state.form = nil
                state.message = "Not sent."
                return []
            }
            state.form = nil
            state.isSending = true
            state.message = nil
            state.askedAt = state.now
            return [.ask(since: state.since, action: action)]
        }
        if state.form != nil { return handleForm(key, &state) }
        state.message = nil
        switch key {
        case .escape, .character("q"):
            if state.showsDetail {
                state.showsDetail = false
                return []
            }
            return [.back]
        case .character(let digit) where ("1"..."5").contains(digit):
            if let number = digit.wholeNumberValue, let tab = Tab(rawValue: number - 1) { choose(tab, &state) }
        case .tab:
            choose(Tab(rawValue: (state.tab.rawValue + 1) % Tab.allCases.count) ?? .projects, &state)
        case .backTab:
            choose(Tab(rawValue: (state.tab.rawValue + Tab.allCases.count - 1) % Tab.allCases.count) ?? .projects, &state)
        case .up, .character("k"): move(by: -1, &state)
        case .down, .character("j"): move(by: 1, &state)
        case .pageUp: move(by: -10, &state)
        case .pageDown: move(by: 10, &state)
        case .home: move(by: -state.count(of: state.tab), &state)
        case .end: move(by: state.count(of: state.tab), &state)
        case .enter: drill(&state)
        default: return action(for: key, &state)
        }
        return []
    }

    private static func choose(_ tab: Tab, _ state: inout State) {
        state.tab = tab
        state.showsDetail = false
    }

    private static func move(by step: Int, _ state: inout State) {
        let count = state.count(of: state.tab)
        guard count > 0, !state.showsDetail else { return }
        state.selectedRow[state.tab] = min(count - 1, max(0, state.row + step))
    }

    /// Opens the selected row's page; an alert opens the page of what it is about.
    private static func drill(_ state: inout State) {
        guard let floor = state.floor else { return }
        guard state.tab == .alerts else {
            if state.count(of: state.tab) > 0 { state.showsDetail = true }
            return
        }
        guard let alert = state.selectedAlert else { return }
        let targets: [(Tab, Int?)] = [
            (.people, floor.people.firstIndex { $0.username == alert.subject }),
            (.projects, floor.projects.firstIndex { $0.id == alert.subject }),
            (.stations, floor.stations.firstIndex { $0.id == alert.subject }),
        ]
        guard let (tab, index) = targets.first(where: { $0.1 != nil }), let index else {
            state.message = "\(alert.subject) is not on the floor now."
            return
        }
        state.tab = tab
        state.selectedRow[tab] = index
        state.showsDetail = true
    }

    private static func action(for key: Key, _ state: inout State) -> [Effect] {
        guard case .character(let character) = key else { return [] }
        if let person = state.selectedPerson {
            switch character {
            case "p": state.form = Form(kind: .pauseNote(username: person.username))
            case "r": state.confirming = .resume(username: person.username)
            case "m": state.form = Form(kind: .moveTo(username: person.username))
            case "c": state.form = Form(kind: .course(username: person.username))
            default: break
            }
        } else if let project = state.selectedProject {
            switch character {
            case "g": state.form = Form(kind: .goldRate(projectID: project.id))
            case "o": state.form = Form(kind: .overlap(projectID: project.id))
            case "y": state.form = Form(kind: .priority(projectID: project.id))
            default: break
            }
        } else if let flag = state.selectedFlag, character == "a" {
            state.form = Form(kind: .flagAnswer(annotationID: flag.annotationID))
        }
        return []
    }

    private static func handleForm(_ key: Key, _ state: inout State) -> [Effect] {
        guard var form = state.form else { return [] }
        switch key {
        case .escape:
            state.form = nil
            state.message = nil
        case .enter:
            switch LeadText.action(form.kind, typed: form.field.text, projects: state.floor?.projects.map(\.id) ?? [], now: state.now) {
            case .success(let action):
                state.confirming = action
                state.message = nil
            case .failure(let problem):
                state.message = problem.sentence
            }
        default:
            _ = form.field.handle(key)
            state.form = form
        }
        return []
    }
}
