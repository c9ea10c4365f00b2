import TestSupport
import Domain
import Foundation
import Hub
import Store
import Testing

/// Properties of the hub's apply, checked on seeded random batches.
///
/// Each seed makes a batch of work on distinct tasks (so the items are independent):
/// valid labels, skips, late work from an older epoch, and work the hub must reject
/// (unknown tasks, labels and people, more labels than the project takes, another
/// station's work). The hub's whole state, every table but the audit log, is compared.
/// A failing seed is printed by the test name and can be replayed alone.
@Suite("Applying work at the hub: twice, or in another order, gives the same state")
struct ExchangePropertyTests {
    static let seeds: [UInt64] = Array(1...24)
    static let taskCount = 24
    static let appliedAt = monday + 600

    /// A hub on its own file with the project, two labelers, and every task leased to
    /// station-1 for a day, so no lease runs out between the applications compared.
    func leasedHub(_ directory: TemporaryDirectory, name: String) throws -> (Hub, HubDatabase) {
        let database = try HubDatabase(path: directory.path(name))
        let hub = Hub(database: database)
        try hub.createProject(sentimentProject(leaseSeconds: 24 * 3600), actor: "admin", now: monday)
        try hub.setUser(username: "ana", role: .labeler, actor: "admin", now: monday)
        try hub.setUser(username: "bea", role: .labeler, actor: "admin", now: monday)
        try hub.importTasks(projectID: "sentiment", tasks: (1...Self.taskCount).map { task("t\($0)") }, actor: "admin", now: monday)
        _ = try hub.exchange(request(wanted: Self.taskCount), now: monday)
        return (hub, database)
    }

    @Test(arguments: seeds)
    func independentWorkInAnyOrderGivesTheSameState(seed: UInt64) throws {
        // Given two identical hubs and a random batch
        let directory = try TemporaryDirectory()
        let (inOrder, inOrderDatabase) = try leasedHub(directory, name: "in-order.sqlite")
        let (shuffled, shuffledDatabase) = try leasedHub(directory, name: "shuffled.sqlite")
        var generator = SeededRandom(seed: seed)
        let batch = RandomWork.batch(taskCount: Self.taskCount, using: &generator)

        // When one applies it as made, and the other shuffled and split into two requests
        let outcomes = try inOrder.exchange(request(batch), now: Self.appliedAt).outcomes
        let reordered = batch.shuffled(using: &generator)
        let split = Int.random(in: 0...reordered.count, using: &generator)
        let shuffledOutcomes = try shuffled.exchange(request(Array(reordered[..<split])), now: Self.appliedAt).outcomes
            + shuffled.exchange(request(Array(reordered[split...])), now: Self.appliedAt).outcomes

        // Then each annotation gets the same outcome, and the hubs hold the same rows
        #expect(Dictionary(uniqueKeysWithValues: outcomes.map { ($0.annotationID, $0) })
            == Dictionary(uniqueKeysWithValues: shuffledOutcomes.map { ($0.annotationID, $0) }))
        #expect(try inOrderDatabase.contentDump() == shuffledDatabase.contentDump())
        // And the batch was not trivially all refused or all taken
        #expect(Set(outcomes.map(\.status)).count > 1 || batch.count < 4)
    }

    @Test(arguments: seeds)
    func theSameBatchTwiceGivesTheSameStateAndAnswers(seed: UInt64) throws {
        // Given a hub that has applied a random batch
        let directory = try TemporaryDirectory()
        let (hub, database) = try leasedHub(directory, name: "hub.sqlite")
        var generator = SeededRandom(seed: seed)
        let batch = RandomWork.batch(taskCount: Self.taskCount, using: &generator)
        let first = try hub.exchange(request(batch), now: Self.appliedAt)
        let afterFirst = try database.contentDump()

        // When the same batch arrives again, later
        let second = try hub.exchange(request(batch), now: Self.appliedAt + 3600)

        // Then the answers are the same and nothing changed
        #expect(second.outcomes == first.outcomes)
        #expect(try database.contentDump() == afterFirst)
    }
}

/// Random work for the property tests, drawn from a seeded generator.
enum RandomWork {
    static func batch(taskCount: Int, using generator: inout SeededRandom) -> [Annotation] {
        let size = Int.random(in: 1...16, using: &generator)
        let tasks = (1...taskCount).map { "t\($0)" }.shuffled(using: &generator).prefix(size)
        var batch = tasks.map { annotation(on: $0, using: &generator) }
        for ghost in 0..<Int.random(in: 0...2, using: &generator) {
            batch.append(annotation(on: "ghost-\(ghost)", using: &generator))
        }
        return batch
    }

    private static func annotation(on taskID: String, using generator: inout SeededRandom) -> Annotation {
        var made = Annotation(
            id: UUID(using: &generator), taskID: taskID, projectID: "sentiment",
            labels: [["positive", "negative"].randomElement(using: &generator)!],
            username: ["ana", "bea"].randomElement(using: &generator)!, stationID: "station-1", leaseEpoch: 1,
            createdAt: monday + Double(Int.random(in: 0...500, using: &generator)),
            secondsOnTask: Double(Int.random(in: 1...9000, using: &generator)) / 100)
        switch Int.random(in: 0..<10, using: &generator) {
        case 0: made.labels = []; made.skipReason = Project.standardSkipReasons.randomElement(using: &generator)
        case 1: made.leaseEpoch = 0  // late work from an older lease
        case 2: made.labels = ["meh"]
        case 3: made.labels = ["positive", "negative"]
        case 4: made.username = "mallory"
        case 5: made.stationID = "station-2"
        default: break
        }
        return made
    }
}

extension UUID {
    init(using generator: inout SeededRandom) {
        let high = generator.next()
        let low = generator.next()
        let bytes = (0..<8).map { UInt8(truncatingIfNeeded: high >> ($0 * 8)) } + (0..<8).map { UInt8(truncatingIfNeeded: low >> ($0 * 8)) }
        self.init(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                         bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }
}
