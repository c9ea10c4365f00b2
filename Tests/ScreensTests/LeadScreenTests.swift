import Domain
import Foundation
import Screens
import TerminalCore
import XCTest

/// The shift lead's console on a generated floor of 300 people over two sites: each pane
/// at 80x24, 120x40 and 200x60 with the colours that carry meaning, drill-down, every
/// action's form, confirmation and refusal, and the refresh keeping the selection.
final class LeadScreenTests: XCTestCase {
    static let now = Fixture.start
    static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40), Size(width: 200, height: 60)]
    static let flagID = UUID(uuidString: "0193A000-0000-7000-8000-0000000000F1")!

    /// 20 projects and 300 people, deterministic: who does what follows their number.
    static func floor(people count: Int = 300, shuffled: Bool = false) -> ShiftFloor {
        var random = SeededRandom(seed: 11)
        let projects = (0..<20).map { (index: Int) -> ProjectFloor in
            let hourly: [Int] = (0..<12).map { (hour: Int) -> Int in hour < 4 ? 0 : 40 + (hour * 7 + index * 3) % 50 }
            let agreement: Double? = index % 2 == 0 ? 0.71 + Double(index) / 100 : nil
            let outside: [Date] = index == 7 ? [now.addingTimeInterval(-3_600)] : []
            let oldest: Double = index == 3 ? 5_400 : Double(600 + index * 30)
            return ProjectFloor(
                id: String(format: "project-%02d", index), title: "Project \(index)", kind: index % 5 == 4 ? .spans : .classification,
                waiting: 1_000 - index * 40, leased: 60 + index, doneThisShift: 900 + index * 13,
                oldestWaitingSeconds: oldest, waitTargetSeconds: 3_600,
                hourly: hourly, medianSeconds: Double(6 + index % 9),
                gold: GoldAccuracy(right: Double(45 - index % 4), scored: 50), hoursOutside: outside,
                agreement: agreement, goldRate: 0.05, overlap: index % 2 == 0 ? 0.1 : 0, priority: index == 5 ? 3 : 0,
                flagsWaiting: index == 0 ? 1 : 0)
        }
        var people = (0..<count).map { index -> PersonFloor in
            let name = String(format: "person%03d", index)
            let state: PersonState = switch index % 10 {
            case 0: .idle(since: now.addingTimeInterval(-720))
            case 1: .paused(by: "lee", note: "see me")
            case 2: .offline(lastSeen: now.addingTimeInterval(-1_200))
            case 3: .locked(since: now.addingTimeInterval(-300))
            case 4: .training(courseID: "basics")
            default: .labeling(projectID: projects[index % 20].id)
            }
            let right = Double(Int.random(in: 30...50, using: &random))
            return PersonFloor(
                username: name, stationID: String(format: "station-%03d", index), site: index % 2 == 0 ? "north" : "south", state: state,
                movedTo: index == 5 ? "project-05" : nil, done: 100 + index % 37, tasksPerHour: Double(60 + index % 41), activeSeconds: 6_000,
                gold: GoldAccuracy(right: right, scored: 50), outsideControl: index == 7,
                errorClasses: index % 9 == 0 ? [FloorErrorClass(projectID: "project-00", name: "wrong label", count: 6, share: 0.12)] : [],
                flagsRaised: index % 13 == 0 ? 1 : 0,
                coursesDue: index % 25 == 0 ? [FloorCourseDue(courseID: "basics", dueAt: now.addingTimeInterval(-3_600), isOverdue: true)] : [])
        }
        if shuffled { people.reverse() }
        let stations = (0..<12).map { index in
            StationFloor(
                id: String(format: "station-%03d", index), site: index % 2 == 0 ? "north" : "south", transport: index == 11 ? .bundle : .live,
                online: index != 2, lastSync: now.addingTimeInterval(index == 2 ? -1_200 : -5), unsent: index == 4 ? 3 : 0, bundlesAwaiting: index == 11 ? 1 : 0,
                bundleOverdue: index == 11, people: [String(format: "person%03d", index)])
        }
        let alerts = [
            FloorAlert(kind: .idle, subject: "person000", since: now.addingTimeInterval(-720), sentence: "person000 has been idle for 12m at station-000."),
            FloorAlert(kind: .silentStation, subject: "station-002", since: now.addingTimeInterval(-1_200), sentence: "Station station-002 has not synced for 20m."),
            FloorAlert(kind: .backlog, subject: "project-03", since: now.addingTimeInterval(-1_800), sentence: "project-03's oldest waiting task has waited 1h 30m, over its target of 1h 00m."),
        ]
        let flags = [FloorFlag(annotationID: flagID, projectID: "project-00", taskID: "t17", username: "person013", note: "Is sarcasm positive?", flaggedAt: now.addingTimeInterval(-900))]
        return ShiftFloor(
            since: now.addingTimeInterval(-8 * 3_600), now: now, site: nil, thresholds: FloorThresholds(), projects: projects, people: people, stations: stations,
            alerts: alerts, flags: flags, marking: .cui)
    }

    private func loaded(_ floor: ShiftFloor = LeadScreenTests.floor()) -> LeadScreen.State {
        var state = LeadScreen.State(username: "lee", now: Self.now, timeZone: Fixture.utc)
        XCTAssertEqual(LeadScreen.start(&state), [.ask(since: Self.now.addingTimeInterval(-8 * 3_600), action: nil)])
        XCTAssertEqual(LeadScreen.floorLoaded(&state, floor), [])
        return state
    }

    private func press(_ state: inout LeadScreen.State, _ keys: [Key]) -> [LeadScreen.Effect] {
        keys.flatMap { LeadScreen.update(&state, $0) }
    }

    private func type(_ text: String) -> [Key] { text.map { Key.character($0) } }

    @discardableResult
    private func snapshot(_ state: LeadScreen.State, _ name: String, file: StaticString = #filePath, line: UInt = #line) -> [Buffer] {
        Self.sizes.map { size in
            let buffer = Fixture.render(size) { LeadScreen.render(state, into: &$0) }
            let mismatch = TextSnapshot.mismatch(TextSnapshot.styledText(of: buffer), named: "\(name)-\(size)", testFile: "\(file)")
            XCTAssertNil(mismatch, mismatch ?? "", file: file, line: line)
            return buffer
        }
    }

    private func style(of text: String, in buffer: Buffer) -> Style? {
        for y in 0..<buffer.height {
            let row = (0..<buffer.width).map { buffer[$0, y].text }.joined()
            if let range = row.range(of: text) { return buffer[row.distance(from: row.startIndex, to: range.lowerBound), y].style }
        }
        return nil
    }

    func testTheProjectsPaneShowsQueuesThroughputAndQualityWithLateBacklogInRed() {
        let state = loaded()
        let buffers = snapshot(state, "lead-projects")
        let small = buffers[0], wide = buffers[2]
        XCTAssertTrue(buffers[1].text.contains("Shift since 03:06 · 300 people: 150 labeling, 30 training, 30 idle, 30 locked, 30 paused, 30 offline"), buffers[1].text)
        XCTAssertTrue(small.text.contains("project-00"), small.text)
        XCTAssertEqual(small.text.split(separator: "\n").first?.trimmingCharacters(in: .whitespaces), "CUI")
        // The late backlog and the hour outside control are red; the wide screen has every column
        XCTAssertEqual(style(of: "1h 30m/1h 00m !", in: small)?.foreground, .red)
        XCTAssertTrue(wide.text.contains("Agree") && wide.text.contains("Overlap") && !small.text.contains("Overlap"), wide.text)
        XCTAssertTrue(wide.text.contains("▁▁▁▁"), wide.text)
    }

    func testThePeoplePaneScrollsThroughThreeHundredAndColoursWhatNeedsALook() {
        var state = loaded()
        _ = press(&state, [.character("2")])
        var buffers = snapshot(state, "lead-people")
        XCTAssertEqual(style(of: "offline 20m", in: buffers[1])?.foreground, .red)
        XCTAssertEqual(style(of: "paused by lee: see me", in: buffers[1])?.foreground, .yellow)
        XCTAssertTrue(buffers[1].text.contains("labeling project-05 (moved to project-05)"), buffers[1].text)
        // The widest shows error classes and overdue courses, in colour
        XCTAssertEqual(style(of: "basics overdue", in: buffers[2])?.foreground, .red)
        XCTAssertTrue(buffers[2].text.contains("wrong label 12%"), buffers[2].text)
        // When the lead goes to the end of the list, the last person shows
        _ = press(&state, [.end])
        XCTAssertEqual(state.selectedPerson?.username, "person299")
        buffers = snapshot(state, "lead-people-end")
        XCTAssertTrue(buffers[0].text.contains("person299"), buffers[0].text)
    }

    func testStationsAlertsAndFlagsPanes() {
        var state = loaded()
        _ = press(&state, [.character("3")])
        let stations = snapshot(state, "lead-stations")
        XCTAssertEqual(style(of: "offline", in: stations[0])?.foreground, .red)
        _ = press(&state, [.character("4")])
        let alerts = snapshot(state, "lead-alerts")
        XCTAssertTrue(alerts[0].text.contains("person000 has been idle for 12m at station-000."), alerts[0].text)
        _ = press(&state, [.character("5")])
        let flags = snapshot(state, "lead-flags")
        XCTAssertTrue(flags[2].text.contains("Is sarcasm positive?"), flags[2].text)
    }

    func testEnterDrillsIntoAPersonAndAnAlertIntoWhatItIsAbout() {
        var state = loaded()
        _ = press(&state, [.character("2"), .down, .down, .enter])
        XCTAssertTrue(state.showsDetail)
        XCTAssertEqual(state.selectedPerson?.username, "person002")
        let detail = snapshot(state, "lead-person-detail")
        XCTAssertTrue(detail[0].text.contains("Station station-002 at north"), detail[0].text)
        // Esc goes back to the list, then home
        XCTAssertEqual(press(&state, [.escape]), [])
        XCTAssertFalse(state.showsDetail)
        // The backlog alert opens its project
        _ = press(&state, [.character("4"), .down, .down, .enter])
        XCTAssertEqual(state.tab, .projects)
        XCTAssertEqual(state.selectedProject?.id, "project-03")
        XCTAssertTrue(state.showsDetail)
        snapshot(state, "lead-project-detail")
        XCTAssertEqual(press(&state, [.escape, .escape]), [.back])
    }

    func testPausingAPersonAsksForANoteThenConfirmationThenSendsIt() {
        var state = loaded()
        _ = press(&state, [.character("2"), .down, .character("p")])
        XCTAssertEqual(state.form?.kind, .pauseNote(username: "person001"))
        _ = press(&state, type("break"))
        snapshot(state, "lead-pause-form")
        XCTAssertEqual(press(&state, [.enter]), [])
        XCTAssertEqual(state.confirming, .pause(username: "person001", note: "break"))
        snapshot(state, "lead-pause-confirm")
        let sent = press(&state, [.character("y")])
        XCTAssertEqual(sent, [.ask(since: state.since, action: .pause(username: "person001", note: "break"))])
        XCTAssertTrue(state.isSending)
        // Keys typed while it is sent wait, and the hub's sentence shows with the new floor
        XCTAssertEqual(press(&state, [.down]), [])
        XCTAssertEqual(LeadScreen.floorLoaded(&state, Self.floor(), sentence: "Paused person001 on every project."), [])
        XCTAssertEqual(state.message, "Paused person001 on every project.")
        XCTAssertEqual(state.selectedPerson?.username, "person002")
    }

    func testAnyKeyButYCancelsAndEveryFormRefusesBadInputWithASentence() {
        var state = loaded()
        _ = press(&state, [.character("2"), .character("r")])
        XCTAssertEqual(state.confirming, .resume(username: "person000"))
        XCTAssertEqual(press(&state, [.character("n")]), [])
        XCTAssertEqual(state.message, "Not sent.")
        // Move to a project that is not there
        _ = press(&state, [.character("m")] + type("nowhere") + [.enter])
        XCTAssertTrue(state.message?.hasPrefix("No project \"nowhere\" on the floor; type one of project-00, project-01") == true, state.message ?? "")
        _ = press(&state, Array(repeating: .backspace, count: 7) + type("project-02") + [.enter])
        XCTAssertEqual(state.confirming, .move(username: "person000", projectID: "project-02"))
        _ = press(&state, [.escape])
        // A course with a bad due date, then a good one
        _ = press(&state, [.character("c")] + type("basics soon") + [.enter])
        XCTAssertEqual(state.message, "\"soon\" is not a due date; type a day like 2026-12-15, a time from now like 3d, 12h or 90m, or nothing.")
        _ = press(&state, Array(repeating: .backspace, count: 4) + type("3d") + [.enter])
        XCTAssertEqual(state.confirming, .assignCourse(courseID: "basics", username: "person000", dueAt: Self.now.addingTimeInterval(3 * 86_400)))
        _ = press(&state, [.character("x")])
        // Projects: gold rate over 50%, overlap, priority
        _ = press(&state, [.character("1"), .character("g")] + type("70") + [.enter])
        XCTAssertEqual(state.message, "\"70\" is not a gold rate; type a percentage from 0 to 50, like 5 or 2.5.")
        _ = press(&state, [.backspace, .backspace] + type("2.5") + [.enter])
        XCTAssertEqual(state.confirming, .setGoldRate(projectID: "project-00", rate: 0.025))
        _ = press(&state, [.character("x"), .character("o")] + type("25%") + [.enter])
        XCTAssertEqual(state.confirming, .setOverlap(projectID: "project-00", overlap: 0.25))
        _ = press(&state, [.character("x"), .character("y")] + type("high") + [.enter])
        XCTAssertEqual(state.message, "\"high\" is not a priority; type a whole number from -99 to 99 (higher is offered first).")
        _ = press(&state, Array(repeating: .backspace, count: 4) + type("4") + [.enter])
        XCTAssertEqual(state.confirming, .setPriority(projectID: "project-00", priority: 4))
        // Flags: an empty answer is refused, a real one confirmed
        _ = press(&state, [.character("x"), .character("5"), .character("a"), .enter])
        XCTAssertEqual(state.message, "Type an answer for the person who raised the flag.")
        _ = press(&state, type("Label what is said.") + [.enter])
        XCTAssertEqual(state.confirming, .answerFlag(annotationID: Self.flagID, answer: "Label what is said."))
    }

    func testARefreshEveryTwoSecondsKeepsTheSelectionOnTheSamePerson() {
        var state = loaded()
        _ = press(&state, [.character("2"), .down, .down, .down])
        XCTAssertEqual(state.selectedPerson?.username, "person003")
        XCTAssertEqual(LeadScreen.ticked(&state, Self.now.addingTimeInterval(1)), [])
        XCTAssertEqual(LeadScreen.ticked(&state, Self.now.addingTimeInterval(2)), [.ask(since: state.since, action: nil)])
        // A refresh in flight does not hold keys, and does not ask twice
        XCTAssertEqual(LeadScreen.ticked(&state, Self.now.addingTimeInterval(5)), [])
        XCTAssertEqual(press(&state, [.down]), [])
        XCTAssertEqual(state.selectedPerson?.username, "person004")
        // The new floor lists people in another order: the selection follows person004
        XCTAssertEqual(LeadScreen.floorLoaded(&state, Self.floor(shuffled: true)), [])
        XCTAssertEqual(state.selectedPerson?.username, "person004")
        XCTAssertEqual(state.row, 295)
    }

    func testKeysTypedBeforeTheFirstFloorWaitAndAFailureSaysWhy() {
        var state = LeadScreen.State(username: "lee", now: Self.now, timeZone: Fixture.utc)
        _ = LeadScreen.start(&state)
        snapshot(state, "lead-loading")
        XCTAssertEqual(press(&state, [.character("2"), .down]), [])
        XCTAssertEqual(LeadScreen.floorLoaded(&state, Self.floor()), [])
        XCTAssertEqual(state.tab, .people)
        XCTAssertEqual(state.selectedPerson?.username, "person001")
        LeadScreen.failed(&state, message: "Lee is a labeler at the hub; only leads and admins act on the floor.")
        XCTAssertEqual(state.message, "Lee is a labeler at the hub; only leads and admins act on the floor.")
        XCTAssertFalse(state.isWaiting)
    }
}
