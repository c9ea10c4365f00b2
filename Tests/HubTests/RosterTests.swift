import TestSupport
import Domain
import Foundation
import Hub
import Store
import Testing

@Suite("The hub takes work only from people on its roster who may label")
struct RosterTests {
    let directory: TemporaryDirectory
    let hub: Hub

    init() throws {
        directory = try TemporaryDirectory()
        hub = try makeHub(in: directory)
        try hub.importTasks(projectID: "sentiment", tasks: [task("a"), task("b"), task("c")], actor: "admin", now: monday)
    }

    @Test func workBySomeoneTheHubDoesNotKnowIsRejected() throws {
        // Given a lease, and work on it by a person only the station knows
        let lease = try #require(try hub.exchange(request(wanted: 1), now: monday).leases.first)

        // When it arrives
        let reply = try hub.exchange(request([work(on: lease, username: "mallory")]), now: monday + 10)

        // Then it is refused with a sentence saying how to fix it, and nothing is stored
        #expect(reply.outcomes.map(\.status) == [.rejected])
        #expect(reply.outcomes.first?.reason
            == "user \"mallory\" is not known at the hub; an admin adds them with `labeldesk user add mallory --role labeler --db HUB.sqlite`")
        #expect(try hub.exportRows(projectID: "sentiment").isEmpty)
    }

    @Test func onlyLabelersAndLeadsMayLabel() throws {
        // Given one person in each role
        for role in Role.allCases {
            try hub.setUser(username: "the-\(role.rawValue)", role: role, actor: "admin", now: monday)
        }
        let leases = try hub.exchange(request(wanted: 3), now: monday).leases
        let labelerWork = work(on: leases[0], username: "the-labeler")
        let trainerWork = work(on: leases[1], username: "the-trainer")
        let adminWork = work(on: leases[2], username: "the-admin")

        // When each sends work
        let reply = try hub.exchange(request([labelerWork, trainerWork, adminWork]), now: monday + 10)

        // Then only the labeler's is taken; the others say why
        #expect(reply.outcomes.map(\.status) == [.accepted, .rejected, .rejected])
        #expect(reply.outcomes[1].reason == "user \"the-trainer\" has the role trainer at the hub, and only labelers and leads may label")
        #expect(reply.outcomes[2].reason == "user \"the-admin\" has the role admin at the hub, and only labelers and leads may label")
        #expect(Role.labelingRoles == [.labeler, .lead])
    }

    @Test func changingARoleWithdrawsTheRightToLabelButKeepsEarlierAnswers() throws {
        // Given ana's accepted work
        let leases = try hub.exchange(request(wanted: 2), now: monday).leases
        let earlier = work(on: leases[0])
        #expect(try hub.exchange(request([earlier]), now: monday + 10).outcomes.map(\.status) == [.accepted])

        // When an admin makes her a trainer
        #expect(try hub.setUser(username: "ana", role: .trainer, actor: "admin", now: monday + 20) == .roleChanged(from: "labeler"))

        // Then her new work is refused, and a resend of the earlier work keeps its answer
        let reply = try hub.exchange(request([work(on: leases[1]), earlier]), now: monday + 30)
        #expect(reply.outcomes.map(\.status) == [.rejected, .accepted])
        #expect(try hub.users().map(\.role) == [.trainer, .labeler])
    }

    @Test func workClaimingAnotherStationIsRejected() throws {
        // Given station-2 holds a lease
        let lease = try #require(try hub.exchange(request(from: "station-2", wanted: 1), now: monday).leases.first)

        // When station-1 sends work that says it was made at station-2
        let forged = work(on: lease, station: "station-2")
        let reply = try hub.exchange(request(from: "station-1", [forged]), now: monday + 10)

        // Then it is refused
        #expect(reply.outcomes.map(\.status) == [.rejected])
        #expect(reply.outcomes.first?.reason
            == "annotation \(forged.id.uuidString) was made at station \"station-2\" but sent by station \"station-1\"; a station may only send its own work")
        #expect(try hub.taskCounts(projectID: "sentiment").done == 0)
    }

    @Test func settingTheSameRoleTwiceChangesNothing() throws {
        #expect(try hub.setUser(username: "cy", role: .lead, actor: "admin", now: monday) == .added)
        #expect(try hub.setUser(username: "cy", role: .lead, actor: "admin", now: monday) == .unchanged)
        #expect(throws: StoreError.self) { try hub.setUser(username: "Not Valid", role: .lead, actor: "admin", now: monday) }
    }
}
