import Domain
import Foundation
import GRDB
import Hub
import Interchange
import Store
@testable import Sync
import Testing
import TestSupport

/// Gold reaches a station as ordinary work: nothing in the station's database file or in
/// the bundle files carries an answer key or says which task is gold.
@Suite("Gold is secret on the station")
struct GoldSecrecyTests {
    static let keyText = "KEY-7f3a-the-model-answer"

    @Test func neitherTheStationsDatabaseNorTheBundlesHoldAKeyOrAMarker() throws {
        // Given a site joined by bundles, a free-text project with tasks and a gold pool
        // whose keys are unmistakable, and ana, who has logged on at the station
        let site = try BundleSite(taskCount: 3)
        let answers = Project(id: "answers", title: "Answers", kind: .freeText, leaseSeconds: 24 * 3600)
        try site.hub.createProject(answers, actor: "admin", now: monday)
        try site.hub.importTasks(
            projectID: "answers", tasks: (1...12).map { LabelTask(id: "a\($0)", projectID: "answers", text: "prompt \($0)", marking: .cui) },
            actor: "admin", now: monday)
        try site.hub.importGold((1...6).map { number in
            InterchangeRecord(
                task: LabelTask(id: "a\(100 + number)", projectID: "answers", text: "prompt \(100 + number)", marking: .cui),
                annotations: [ImportedAnnotation(answer: .text("\(Self.keyText) \(number)"), annotator: "trainer", isGroundTruth: true)])
        }, projectID: "answers", actor: "admin", now: monday)
        // Onboarding alone (no rate after it), so the batch of 5 always holds 3 gold and 2 ordinary rows to compare.
        try site.hub.setGoldPolicy(GoldPolicy(rate: 0, onboarding: 3, provenRate: 0), projectID: "answers", actor: "admin", now: monday)
        let station = try site.enrol("bay-1")
        try station.database.addAccount(Account(username: "ana", displayName: "Ana", role: .labeler), password: "pw", now: monday)
        _ = try station.database.logOn(username: "ana", password: "pw", now: monday)

        // When the station's request bundle goes to the hub and the reply comes back
        let request = try station.exportBundle()
        _ = try site.importAtHub(request)
        let reply = try site.exportFromHub(for: station)
        _ = try station.importBundle(reply)

        // Then ana's queue holds her leases, gold among them, first (onboarding)
        let cached = try DatabaseQueue(path: site.directory.path("bay-1.sqlite")).read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM task WHERE project_id = 'answers' ORDER BY priority DESC, seq")
        }
        let ids: [String] = cached.map { $0["id"] }
        #expect(ids.count == 5, "the station's lease target: \(ids)")
        #expect(ids.prefix(3).allSatisfy { Int($0.dropFirst())! > 100 }, "\(ids)")
        #expect(cached.allSatisfy { ($0["assignee"] as String?) == "ana" })

        // And no key is in the station's files or in either bundle
        let folder = URL(fileURLWithPath: site.directory.path(""))
        let stationFiles = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("bay-1.sqlite") }
        #expect(!stationFiles.isEmpty)
        let marker = Data(Self.keyText.utf8)
        for name in stationFiles {
            let bytes = try Data(contentsOf: folder.appendingPathComponent(name))
            #expect(bytes.range(of: marker) == nil, "\(name) holds a key")
        }
        for (name, bytes) in [("request", request), ("reply", reply)] {
            #expect(bytes.range(of: marker) == nil, "the \(name) bundle holds a key")
            #expect(bytes.range(of: Data("gold".utf8)) == nil && bytes.range(of: Data("Gold".utf8)) == nil, "the \(name) bundle says gold")
        }
        // And no table or column of the station is about gold
        let schema = try DatabaseQueue(path: site.directory.path("bay-1.sqlite")).read { db in
            try String.fetchAll(db, sql: "SELECT COALESCE(sql, '') FROM sqlite_master")
        }
        #expect(!schema.joined().lowercased().contains("gold"))
        // And a gold row and an ordinary row are filled alike, column by column
        let gold = try #require(cached.first { Int(($0["id"] as String).dropFirst())! > 100 })
        let ordinary = try #require(cached.first { Int(($0["id"] as String).dropFirst())! <= 100 })
        #expect(gold.columnNames.map { (gold[$0] as DatabaseValue).isNull } == ordinary.columnNames.map { (ordinary[$0] as DatabaseValue).isNull })
        #expect((gold["epoch"] as Int) == (ordinary["epoch"] as Int))
        #expect((gold["expires_at"] as Date) == (ordinary["expires_at"] as Date))
    }
}
