import Domain
import Foundation
import Hub
import Interchange
import Store
import Testing
import TestSupport

/// The lead console's figures on a fixed activity log, each against a value worked out by hand.
///
/// The log, from `monday` 09:00 (an hour's start) to `now`, 10:30:
/// - 20 sentiment tasks imported at 09:00; ana at station-1 (site north) leases 10 and
///   answers 6 in the first hour, taking 4, 6, 8, 10, 12 and 14 s, skips one (3 s) and
///   flags one of the six; her station last synced 30 s ago, saying she is labeling.
/// - bea at station-2 (site south) answers 10 gold items in the second hour, 5 s each, 5 right;
///   her station last synced 20 minutes ago.
/// - cid is on the roster and has done nothing; station-3 (south) has never synced.
@Suite("The shift floor's figures")
struct ShiftFloorTests {
    static let now = monday.addingTimeInterval(5_400)

    struct Floor {
        let hub: Hub
        let database: HubDatabase
        let directory: TemporaryDirectory
        let flagID: UUID
    }

    static func makeFloor() throws -> Floor {
        let directory = try TemporaryDirectory()
        let database = try HubDatabase(path: directory.path("hub.sqlite"))
        let hub = Hub(database: database, goldSeed: 7)
        try hub.createProject(sentimentProject(leaseSeconds: 7_200), actor: "admin", now: monday)
        for username in ["ana", "bea", "cid"] { _ = try hub.setUser(username: username, role: .labeler, actor: "admin", now: monday) }
        _ = try hub.setUser(username: "lee", role: .lead, actor: "admin", now: monday)
        _ = try database.addStation(id: "station-1", site: "north", actor: "admin", now: monday)
        _ = try database.addStation(id: "station-2", site: "south", actor: "admin", now: monday)
        _ = try database.addStation(id: "station-3", site: "south", actor: "admin", now: monday)
        try hub.importTasks(projectID: "sentiment", tasks: (0..<20).map { task("t\($0)") }, actor: "admin", now: monday)
        try hub.importGold(
            (0..<10).map { InterchangeRecord(task: task("g\($0)"), annotations: [ImportedAnnotation(answer: .labels(["positive"]), annotator: "t")]) },
            projectID: "sentiment", actor: "admin", now: monday)
        try hub.setGoldPolicy(GoldPolicy(rate: 0, onboarding: 10, provenRate: 0), projectID: "sentiment", actor: "admin", now: monday)

        // ana: ten leases (gold goes only to those named, and she has had her onboarding set to none by the order below)
        let anaLeases = try hub.exchange(
            SyncRequest(stationID: "station-1", annotations: [], cursor: 0, wantedLeases: 10), now: monday).leases
        #expect(anaLeases.count == 10)
        let seconds: [Double] = [4, 6, 8, 10, 12, 14]
        var anaWork = seconds.enumerated().map { index, seconds in
            Annotation(
                id: UUID(), taskID: anaLeases[index].task.id, projectID: "sentiment", labels: ["positive"], skipReason: nil, username: "ana",
                stationID: "station-1", leaseEpoch: anaLeases[index].epoch, createdAt: monday.addingTimeInterval(Double(600 + index * 60)),
                secondsOnTask: seconds)
        }
        anaWork[2].flag = "Is sarcasm positive?"
        let skip = Annotation(
            id: UUID(), taskID: anaLeases[6].task.id, projectID: "sentiment", labels: [], skipReason: "Unclear or ambiguous", username: "ana",
            stationID: "station-1", leaseEpoch: anaLeases[6].epoch, createdAt: monday.addingTimeInterval(1_200), secondsOnTask: 3)
        _ = try hub.exchange(SyncRequest(stationID: "station-1", annotations: anaWork + [skip], cursor: 0, wantedLeases: 0), now: monday.addingTimeInterval(1_800))

        // bea: her ten onboarding gold items, five right
        let beaLeases = try hub.exchange(
            SyncRequest(stationID: "station-2", annotations: [], cursor: 0, wantedLeases: 10, people: ["bea"]), now: monday.addingTimeInterval(3_600)).leases
        #expect(beaLeases.count == 10)
        let beaWork = beaLeases.enumerated().map { index, lease in
            Annotation(
                id: UUID(), taskID: lease.task.id, projectID: "sentiment", labels: [index < 5 ? "positive" : "negative"], skipReason: nil,
                username: "bea", stationID: "station-2", leaseEpoch: lease.epoch, createdAt: monday.addingTimeInterval(Double(3_700 + index * 60)),
                secondsOnTask: 5)
        }
        _ = try hub.exchange(
            SyncRequest(stationID: "station-2", annotations: beaWork, cursor: 0, wantedLeases: 0, people: ["bea"],
                        presence: [PersonPresence(username: "bea", activity: .labeling, subject: "sentiment", since: monday.addingTimeInterval(3_600), lastInputAt: now.addingTimeInterval(-1_200))]),
            now: now.addingTimeInterval(-1_200))
        // station-1's last word: ana labeling, a key 30 s ago, two annotations still to send
        _ = try hub.exchange(
            SyncRequest(stationID: "station-1", annotations: [], cursor: 0, wantedLeases: 0,
                        presence: [PersonPresence(username: "ana", activity: .labeling, subject: "sentiment", since: monday.addingTimeInterval(600), lastInputAt: now.addingTimeInterval(-30))],
                        unsent: 2),
            now: now.addingTimeInterval(-30))
        return Floor(hub: hub, database: database, directory: directory, flagID: anaWork[2].id)
    }

    @Test func theProjectsQueueThroughputAndQuality() throws {
        let floor = try Self.makeFloor()
        let shift = try floor.hub.shiftFloor(since: monday, now: Self.now)
        let project = try #require(shift.projects.first)
        // 20 tasks: 7 answered (6 done, 1 skipped), 3 still leased to ana, 10 waiting
        #expect(project.waiting == 10)
        #expect(project.leased == 3)
        // Done: ana's 6 and bea's 10 gold answers
        #expect(project.doneThisShift == 16)
        // Waiting since 09:00: 90 minutes against a 60-minute target
        #expect(project.oldestWaitingSeconds == 5_400)
        #expect(project.waitTargetSeconds == 3_600)
        #expect(project.isBacklogLate)
        // The sparkline's last two hours: 6 then 10; the ten before, nothing
        #expect(project.hourly == Array(repeating: 0, count: 10) + [6, 10])
        // Sixteen times: 4, ten 5s, 6, 8, 10, 12, 14: the 8th and 9th are both 5
        #expect(project.medianSeconds == 5)
        // Gold: 5 of 10, Wilson 95% (0.2366, 0.7634)
        let gold = try #require(project.gold)
        #expect(gold.scored == 10 && gold.right == 5)
        #expect(abs(gold.lower - 0.23659) < 1e-4 && abs(gold.upper - 0.76341) < 1e-4)
        #expect(project.flagsWaiting == 1)
        #expect(project.goldRate == 0 && project.overlap == 0 && project.priority == 0)
    }

    @Test func thePeopleWhatTheyAreDoingAndHowTheyDo() throws {
        let floor = try Self.makeFloor()
        let shift = try floor.hub.shiftFloor(since: monday, now: Self.now)
        #expect(shift.people.map(\.username) == ["ana", "bea", "cid"])
        let ana = shift.people[0], bea = shift.people[1], cid = shift.people[2]
        #expect(ana.state == .labeling(projectID: "sentiment"))
        #expect(ana.stationID == "station-1" && ana.site == "north")
        #expect(ana.done == 6)
        // Active time 4+6+8+10+12+14 and the skip's 3 = 57 s; 6 tasks in 57 s is 378.95 an hour
        #expect(ana.activeSeconds == 57)
        #expect(abs((ana.tasksPerHour ?? 0) - 6 / (57.0 / 3_600)) < 1e-9)
        #expect(ana.flagsRaised == 1)
        #expect(ana.gold == nil)
        // bea's station last synced 20 minutes ago, past the 5-minute silence: offline
        #expect(bea.state == .offline(lastSeen: Self.now.addingTimeInterval(-1_200)))
        #expect(bea.gold == GoldAccuracy(right: 5, scored: 10))
        #expect(bea.site == "south")
        #expect(cid.state == .away && cid.done == 0 && cid.stationID == nil)
    }

    @Test func stationsAndAlertsNewestFirst() throws {
        let floor = try Self.makeFloor()
        let shift = try floor.hub.shiftFloor(since: monday, now: Self.now)
        #expect(shift.stations.map(\.id) == ["station-1", "station-2", "station-3"])
        let one = shift.stations[0], two = shift.stations[1], three = shift.stations[2]
        #expect(one.online && one.transport == .live && one.unsent == 2 && one.people == ["ana"] && one.site == "north")
        #expect(!two.online && two.lastSync == Self.now.addingTimeInterval(-1_200))
        #expect(three.transport == .never && three.lastSync == nil && !three.online)
        // Alerts: station-2 silent since 10:10; bea's gold below 85% since 10:00 (the hour
        // it began); the backlog late since 10:00 (09:00 plus its hour); the flag since 09:12
        #expect(shift.alerts.map(\.kind) == [.silentStation, .backlog, .quality, .flag])
        #expect(shift.alerts.map(\.subject) == ["station-2", "sentiment", "bea", "sentiment"])
        #expect(shift.alerts[0].since == Self.now.addingTimeInterval(-1_200))
        #expect(shift.alerts[2].sentence == "bea's gold on sentiment is 50% (24%-76%) over 10 items, below 85%.")
        #expect(shift.flags.map(\.annotationID) == [floor.flagID])
    }

    @Test func aSiteNarrowsPeopleAndStationsButNotQueues() throws {
        let floor = try Self.makeFloor()
        let south = try floor.hub.shiftFloor(since: monday, site: "south", now: Self.now)
        #expect(south.people.map(\.username) == ["bea"])
        #expect(south.stations.map(\.id) == ["station-2", "station-3"])
        #expect(south.projects.first?.doneThisShift == 16)
        // A site no station stands at is refused with the sites there are
        #expect(throws: HubError.refused("no station stands at site \"east\"; the sites are north, south (labeldesk station add NAME --site SITE gives a station its site)")) {
            try floor.hub.shiftFloor(since: monday, site: "east", now: Self.now)
        }
    }

    @Test func anIdlePersonAndALockedScreenAreToldApart() throws {
        let floor = try Self.makeFloor()
        // Given ana's station reporting her last key 11 minutes ago
        _ = try floor.hub.exchange(
            SyncRequest(stationID: "station-1", annotations: [], cursor: 0, wantedLeases: 0,
                        presence: [PersonPresence(username: "ana", activity: .labeling, subject: "sentiment", since: monday, lastInputAt: Self.now.addingTimeInterval(-660))]),
            now: Self.now)
        let idle = try floor.hub.shiftFloor(since: monday, now: Self.now)
        #expect(idle.people[0].state == .idle(since: Self.now.addingTimeInterval(-660)))
        #expect(idle.alerts.first?.kind == .idle && idle.alerts.first?.sentence == "ana has been idle for 11m at station-1.")
        // And then locked
        _ = try floor.hub.exchange(
            SyncRequest(stationID: "station-1", annotations: [], cursor: 0, wantedLeases: 0,
                        presence: [PersonPresence(username: "ana", activity: .locked, since: Self.now, lastInputAt: Self.now.addingTimeInterval(-900))]),
            now: Self.now)
        #expect(try floor.hub.shiftFloor(since: monday, now: Self.now).people[0].state == .locked(since: Self.now))
    }

    @Test func aLeadsPauseIsCheckedAuditedAndReachesTheStationOnAnIdleSync() throws {
        let floor = try Self.makeFloor()
        // A labeler may not act on the floor
        #expect(throws: HubError.self) { try floor.hub.perform(.pause(username: "ana", note: ""), actor: "bea", now: Self.now) }
        // When lee pauses ana
        let sentence = try floor.hub.perform(.pause(username: "ana", note: "see me"), actor: "lee", now: Self.now)
        #expect(sentence == "Paused ana on every project (\"see me\"); their station stops serving work at its next sync.")
        // Then the floor shows it, and the audit log has it
        #expect(try floor.hub.shiftFloor(since: monday, now: Self.now).people[0].state == .paused(by: "lee", note: "see me"))
        let audit = try floor.database.recentAuditEntries(limit: 1)
        #expect(audit.first?.kind == AuditKind.leadAction.rawValue && audit.first?.actor == "lee")
        // And ana's station's next sync, asking for nothing, hears of it
        let before = try floor.hub.exchange(SyncRequest(stationID: "station-1", annotations: [], cursor: 0, wantedLeases: 0), now: Self.now).cursor
        let reply = try floor.hub.exchange(
            SyncRequest(stationID: "station-1", annotations: [], cursor: before - 1, wantedLeases: 0, people: ["ana"]), now: Self.now)
        #expect(reply.pauses == [QueuePause(username: "ana", projectID: "sentiment", lead: LeadHold(by: "lee", note: "see me"))])
        // And resuming lifts it; resuming twice is refused with a sentence
        _ = try floor.hub.perform(.resume(username: "ana"), actor: "lee", now: Self.now)
        #expect(throws: HubError.refused("ana is neither paused nor moved by a lead, so there is nothing to resume")) {
            try floor.hub.perform(.resume(username: "ana"), actor: "lee", now: Self.now)
        }
    }

    @Test func aMoveLeavesOneQueueAndProjectSettingsChange() throws {
        let floor = try Self.makeFloor()
        try floor.hub.createProject(Project(id: "topics", title: "Topics", labels: [LabelChoice(name: "a")]), actor: "admin", now: monday)
        _ = try floor.hub.perform(.move(username: "ana", projectID: "topics"), actor: "lee", now: Self.now)
        let reply = try floor.hub.exchange(
            SyncRequest(stationID: "station-1", annotations: [], cursor: 0, wantedLeases: 1, people: ["ana"]), now: Self.now)
        #expect(reply.pauses == [QueuePause(username: "ana", projectID: "sentiment", lead: LeadHold(by: "lee", note: "", movedTo: "topics"))])
        #expect(try floor.hub.shiftFloor(since: monday, now: Self.now).people[0].movedTo == "topics")
        // Gold rate, overlap and priority
        _ = try floor.hub.perform(.setGoldRate(projectID: "sentiment", rate: 0.1), actor: "lee", now: Self.now)
        _ = try floor.hub.perform(.setOverlap(projectID: "sentiment", overlap: 0.25), actor: "lee", now: Self.now)
        _ = try floor.hub.perform(.setPriority(projectID: "topics", priority: 5), actor: "lee", now: Self.now)
        let shift = try floor.hub.shiftFloor(since: monday, now: Self.now)
        #expect(shift.projects.map(\.id) == ["topics", "sentiment"])
        #expect(shift.projects[1].goldRate == 0.1 && shift.projects[1].overlap == 0.25)
        // The priority reaches stations as the project's record
        let changed = try floor.hub.exchange(SyncRequest(stationID: "station-1", annotations: [], cursor: reply.cursor, wantedLeases: 0), now: Self.now)
        #expect(changed.projects.map(\.id) == ["topics"] && changed.projects.first?.priority == 5)
        #expect(throws: HubError.refused("a gold rate is a share from 0% to 50%, not 70%")) {
            try floor.hub.perform(.setGoldRate(projectID: "sentiment", rate: 0.7), actor: "lee", now: Self.now)
        }
    }

    @Test func aFlagAnsweredLeavesTheWaitingList() throws {
        let floor = try Self.makeFloor()
        let sentence = try floor.hub.perform(.answerFlag(annotationID: floor.flagID, answer: "Label what is said, not meant."), actor: "lee", now: Self.now)
        #expect(sentence.hasPrefix("Answered the flag on sentiment task "))
        let shift = try floor.hub.shiftFloor(since: monday, now: Self.now)
        #expect(shift.flags.isEmpty && shift.projects[0].flagsWaiting == 0)
        #expect(!shift.alerts.contains { $0.kind == .flag })
    }
}
