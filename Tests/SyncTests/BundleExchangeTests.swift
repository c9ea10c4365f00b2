import TestSupport
import Domain
import Foundation
import Hub
import Store
import Sync
import Testing

@Suite("Sync carried in bundle files")
struct BundleExchangeTests {
    @Test func aRoundTripCarriesWorkToTheHubAndAnswersBack() throws {
        // Given a hub with 10 tasks and an enrolled station that caches 5 per project
        let site = try BundleSite(taskCount: 10)
        let station = try site.enrol("station-1")

        // When the station's first bundle (nothing done yet) goes to the hub and the answer comes back
        let opening = try site.importAtHub(station.exportBundle())
        let firstAnswer = try station.importBundle(site.exportFromHub(for: station))

        // Then the station has the project and 5 leased tasks
        #expect(opening.description == "applied bundle 1 from station-1: 0 annotations accepted, 0 superseded, 0 rejected; 5 tasks leased")
        #expect(firstAnswer.description == "applied bundle 1 from hub: 0 annotations accepted, 0 superseded, 0 rejected; 5 tasks leased")
        #expect(try station.database.project(id: "sentiment")?.title == "Sentiment")
        #expect(try station.database.queuedTaskCount() == 5)

        // When a labeler does 3 of them and the work makes the same trip
        let work = try station.label(3)
        let delivery = try site.importAtHub(station.exportBundle())
        site.clock.advance(by: 60)
        let answer = try station.importBundle(site.exportFromHub(for: station))

        // Then the hub holds the 3 annotations once each, and the station's outbox is empty
        #expect(delivery.description == "applied bundle 2 from station-1: 3 annotations accepted, 0 superseded, 0 rejected; 3 tasks leased")
        #expect(answer.appliedBundle?.accepted == 3)
        #expect(try site.storedAnnotationIDs().sorted { $0.uuidString < $1.uuidString } == work.map(\.id).sorted { $0.uuidString < $1.uuidString })
        #expect(try station.database.outboxCount() == 0)
        #expect(try station.database.queuedTaskCount() == 5)
        #expect(try site.hub.taskCounts(projectID: "sentiment") == TaskCounts(open: 2, leased: 5, done: 3))

        // And both audit logs record each bundle written and applied
        #expect(try site.auditKinds().filter { $0.hasPrefix("bundle.") } == ["bundle.import", "bundle.export", "bundle.import", "bundle.export"])
        #expect(try station.auditKinds().filter { $0.hasPrefix("bundle.") } == ["bundle.export", "bundle.import", "bundle.export", "bundle.import"])
    }

    @Test func aBundleImportedTwiceIsAppliedOnce() throws {
        // Given a station bundle with two annotations, applied at the hub, and the hub's answer applied at the station
        let site = try BundleSite(taskCount: 6)
        let station = try site.enrol("station-1")
        _ = try site.importAtHub(station.exportBundle())
        _ = try station.importBundle(site.exportFromHub(for: station))
        try station.label(2)
        let work = try station.exportBundle()
        _ = try site.importAtHub(work)
        let answer = try site.exportFromHub(for: station)
        _ = try station.importBundle(answer)
        let hubBefore = try site.hubDatabase.contentDump()
        let stationBefore = try station.database.contentDump()

        // When each is imported again
        let hubAgain = try site.importAtHub(work)
        let stationAgain = try station.importBundle(answer)

        // Then both say so and nothing changed
        #expect(hubAgain == .alreadyApplied(sender: "station-1", sequence: 2, lastApplied: 2))
        #expect(hubAgain.description == "bundle 2 from station-1 was already applied; nothing to do")
        #expect(stationAgain == .alreadyApplied(sender: "hub", sequence: 2, lastApplied: 2))
        #expect(try site.hubDatabase.contentDump() == hubBefore)
        #expect(try station.database.contentDump() == stationBefore)
        #expect(try site.storedAnnotationIDs().count == 2)
    }

    @Test func reorderedBundlesApplyTheNewerAndIgnoreTheOlder() throws {
        // Given two station bundles written one after the other, the second carrying the first's work too
        let site = try BundleSite(taskCount: 6)
        let station = try site.enrol("station-1")
        _ = try site.importAtHub(station.exportBundle())
        _ = try station.importBundle(site.exportFromHub(for: station))
        let early = try station.label(2)
        let second = try station.exportBundle()
        let late = try station.label(2)
        let third = try station.exportBundle()

        // When the hub gets the later one first
        let newer = try site.importAtHub(third)
        let older = try site.importAtHub(second)

        // Then the later one brings all four, and the earlier is recognised as already carried
        #expect(newer.appliedBundle?.accepted == 4)
        #expect(older == .alreadyApplied(sender: "station-1", sequence: 2, lastApplied: 3))
        #expect(older.description == "bundle 2 from station-1 was already applied (bundle 3, applied here, carried all of it); nothing to do")
        #expect(Set(try site.storedAnnotationIDs()) == Set((early + late).map(\.id)))
        #expect(try site.storedAnnotationIDs().count == 4)
    }

    @Test func aGapIsRefusedUntilTheMissingBundleIsApplied() throws {
        // Given two hub bundles for a station, the second built on the station having applied the first
        let site = try BundleSite(taskCount: 10)
        let station = try site.enrol("station-1")
        _ = try site.importAtHub(station.exportBundle())
        let first = try site.exportFromHub(for: station)
        _ = try station.importBundle(first)
        try station.label(2)
        _ = try site.importAtHub(station.exportBundle())
        let second = try site.exportFromHub(for: station)

        // And the station's database replaced by a fresh one from its enrolment, which applied neither
        let rebuilt = try site.restored(station, as: "station-1-rebuilt")
        let before = try rebuilt.database.contentDump()

        // When the second arrives first
        let refused = try rebuilt.importBundle(second)

        // Then it is refused as a gap, saying what to do, and nothing but the audit log changed
        #expect(refused == .refused(.gap(sender: "hub", receiver: "station-1", sequence: 2, buildsOn: 1, lastApplied: 0)))
        #expect(refused.description == """
            bundle 2 from hub follows 0: it carries only what came after bundle 1, so bundle 1 is missing. \
            Nothing was applied. Import it first; if it is lost, the hub can write it again \
            (`labeldesk bundle export --db HUB.sqlite --for station-1 --sequence 1`)
            """)
        #expect(try rebuilt.database.contentDump() == before)
        #expect(try rebuilt.auditKinds() == ["bundle.refused"])

        // When the hub writes bundle 1 again, and it and then bundle 2 are imported
        let firstAgain = try site.exportFromHub(for: station, sequence: 1)
        let applied = try [rebuilt.importBundle(firstAgain), rebuilt.importBundle(second)]

        // Then bundle 1 is the same bundle as before (same signed bytes), and both apply in order
        #expect(firstAgain.dropLast(96) == first.dropLast(96))
        #expect(applied.map(\.appliedBundle?.sequence) == [1, 2])
        #expect(try rebuilt.database.queuedTaskCount() == 7)
    }

    @Test func aLostStationBundleIsCoveredByTheNext() throws {
        // Given a station that labels 2 tasks and writes a bundle that never reaches the hub
        let site = try BundleSite(taskCount: 10)
        let station = try site.enrol("station-1")
        _ = try site.importAtHub(station.exportBundle())
        _ = try station.importBundle(site.exportFromHub(for: station))
        let lostWork = try station.label(2)
        _ = try station.exportBundle()

        // When it labels one more and its next bundle arrives
        let laterWork = try station.label(1)
        let result = try site.importAtHub(station.exportBundle())

        // Then the hub gets all three
        #expect(result.appliedBundle?.sequence == 3)
        #expect(result.appliedBundle?.accepted == 3)
        #expect(Set(try site.storedAnnotationIDs()) == Set((lostWork + laterWork).map(\.id)))
    }

    @Test func aLostHubBundleIsCoveredByTheNext() throws {
        // Given the hub's answer to two annotations lost on the way back
        let site = try BundleSite(taskCount: 10)
        let station = try site.enrol("station-1")
        _ = try site.importAtHub(station.exportBundle())
        _ = try station.importBundle(site.exportFromHub(for: station))
        try station.label(2)
        _ = try site.importAtHub(station.exportBundle())
        _ = try site.exportFromHub(for: station)

        // When the station sends one more annotation and the hub's next answer arrives
        try station.label(1)
        _ = try site.importAtHub(station.exportBundle())
        let result = try station.importBundle(site.exportFromHub(for: station))

        // Then it answers all three, and the station's outbox is empty
        #expect(result.appliedBundle?.sequence == 3)
        #expect(result.appliedBundle?.accepted == 3)
        #expect(try station.database.outboxCount() == 0)
        #expect(try station.database.syncStatus().rejected.isEmpty)
    }

    @Test func aOneWayLinkBringsEveryAnnotationToTheHubExactlyOnce() throws {
        // Given a station with leased tasks whose link to the hub now runs one way only
        let site = try BundleSite(taskCount: 10)
        let station = try site.enrol("station-1")
        _ = try site.importAtHub(station.exportBundle())
        _ = try station.importBundle(site.exportFromHub(for: station))

        // When it writes three bundles, labeling between them, and the hub imports all three
        var made: [Annotation] = []
        var results: [BundleImportResult] = []
        var bundles: [Data] = []
        for count in [2, 2, 1] {
            made += try station.label(count)
            bundles.append(try station.exportBundle())
        }
        for bundle in bundles { results.append(try site.importAtHub(bundle)) }

        // Then every annotation is at the hub once, though later bundles repeated earlier work
        #expect(results.map(\.appliedBundle?.accepted) == [2, 4, 5])
        #expect(try site.storedAnnotationIDs().count == 5)
        #expect(Set(try site.storedAnnotationIDs()) == Set(made.map(\.id)))
        #expect(try site.hub.taskCounts(projectID: "sentiment").done == 5)

        // And the station, having heard nothing, still holds all five, ready for the next bundle
        #expect(try station.database.outboxCount() == 5)
    }

    @Test func theHubWritesNothingForAStationItHasNotHeardFromOrDoesNotKnow() throws {
        let site = try BundleSite(taskCount: 3)
        let station = try site.enrol("station-1")

        #expect(throws: BundleError.nothingWritten(station: "station-1")) { try site.exportFromHub(for: station) }
        #expect(throws: BundleError.unknownStation("station-7")) {
            try site.hubBundles.exportBundle(for: "station-7", actor: "admin", now: monday)
        }
        // A station registered but not enrolled is named as such, with what to do next
        _ = try site.hubDatabase.addStation(id: "station-8", actor: "admin", now: monday)
        #expect(throws: BundleError.stationNotEnrolledAtHub("station-8")) {
            try site.hubBundles.exportBundle(for: "station-8", actor: "admin", now: monday)
        }
        _ = try site.importAtHub(station.exportBundle())
        #expect(throws: BundleError.noSuchBundle(station: "station-1", sequence: 2, latest: 1)) {
            try site.exportFromHub(for: station, sequence: 2)
        }
        try site.hubDatabase.revokeStation(id: "station-1", actor: "admin", now: monday)
        #expect(throws: BundleError.stationRevoked("station-1")) { try site.exportFromHub(for: station) }
    }

    @Test func aStationWithoutEnrolmentCannotWriteBundles() throws {
        let directory = try TemporaryDirectory()
        let database = try StationDatabase(path: directory.path("station.sqlite"), passwordHasher: .cheapForTests)

        #expect(throws: BundleError.stationNotEnrolled) {
            try StationBundles(database: database).exportBundle(actor: "ana", now: monday)
        }
        #expect(try database.contentDump().contains { $0.hasPrefix("bundle_sent") } == false)
    }
}
