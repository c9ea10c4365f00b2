import Foundation
import GRDB
import Testing

/// The three commands of enrolment by files, run as an admin would at a site with no
/// network to the hub: `station add --offer`, `station join --offer`, `station enrol`,
/// then a bundle each way to show the hub and the station now trust each other.
@Suite struct OfflineEnrolmentCommandTests {
    @Test func anOfferAndAReplyCarriedByHandEnrolAStationForBundles() throws {
        // Given a hub with a project and tasks, in a folder of its own, and a fresh station workspace
        let binary = try LabelDeskBinary()
        defer { binary.removeWorkspace() }
        let hubFolder = FileManager.default.temporaryDirectory.appendingPathComponent("labeldesk-e2e-hub-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: hubFolder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: hubFolder) }
        let hub = hubFolder.appendingPathComponent("hub.sqlite").path
        let tasks = hubFolder.appendingPathComponent("tasks.jsonl")
        try Data((1...6).map { #"{"id": "t\#($0)", "text": "text \#($0)"}"# }.joined(separator: "\n").utf8).write(to: tasks)
        func file(_ name: String) -> String { hubFolder.appendingPathComponent(name).path }
        func succeeds(_ arguments: [String], input: String? = nil) -> String {
            let result = binary.run(arguments, input: input)
            #expect(result.status == 0, "labeldesk \(arguments.joined(separator: " ")): \(result.output)")
            return result.output
        }
        _ = succeeds(["project", "create", "--db", hub, "--id", "sentiment", "--title", "Sentiment", "--labels", "negative:n,positive:p"])
        _ = succeeds(["import", "--db", hub, "--project", "sentiment", tasks.path])

        // When the admin writes an offer, the station joins with it, and the admin enrols the reply
        let added = succeeds(["station", "add", "--db", hub, "bay-3", "--offer", file("bay-3.offer.json")])
        let joined = succeeds(["station", "join", "--offer", file("bay-3.offer.json"), "--reply-out", file("bay-3.reply.json")])
        let enrolled = succeeds(["station", "enrol", "--db", hub, file("bay-3.reply.json")])

        // Then each says what it did, and the hub lists the station as enrolled
        let code = try #require(added.split(separator: "\n").first.map(String.init))
        #expect(code.range(of: #"^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$"#, options: .regularExpression) != nil)
        #expect(added.contains("Wrote the enrolment offer for bay-3 to \(file("bay-3.offer.json"))."))
        #expect(joined.contains("Joined the hub as station bay-3, to sync by bundle files only."))
        #expect(joined.contains("Wrote the reply to \(file("bay-3.reply.json"))."))
        #expect(enrolled == "Enrolled station bay-3.\n")
        #expect(succeeds(["station", "list", "--db", hub]).hasPrefix("bay-3\tenrolled "))

        // And a bundle goes each way and is applied
        _ = succeeds(["bundle", "export", "--out", file("bay-3.ldb")])
        #expect(succeeds(["bundle", "import", "--db", hub, file("bay-3.ldb")]).hasPrefix("applied bundle 1 from bay-3"))
        _ = succeeds(["bundle", "export", "--db", hub, "--for", "bay-3", "--out", file("hub.ldb")])
        #expect(succeeds(["bundle", "import", file("hub.ldb")]).contains("6 tasks leased"))

        // And carrying a file to the wrong command is refused with a sentence naming it
        let wrongWay = binary.run(["station", "join", "--offer", file("bay-3.reply.json"), "--reply-out", file("again.json")])
        #expect(wrongWay.status != 0)
        #expect(wrongWay.output.contains(
            "cannot join with \(file("bay-3.reply.json")): it is an enrolment reply, not an enrolment offer: a reply goes back to the hub"))
        #expect(!FileManager.default.fileExists(atPath: file("again.json")))
        let offerAtHub = binary.run(["station", "enrol", "--db", hub, file("bay-3.offer.json")])
        #expect(offerAtHub.status != 0)
        #expect(offerAtHub.output.contains("cannot enrol from \(file("bay-3.offer.json")): it is an enrolment offer, not an enrolment reply"))
    }
}
