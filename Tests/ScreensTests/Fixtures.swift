import Domain
import Foundation
import Screens
import TerminalCore

/// Shared, fixed inputs so snapshots read the same on every machine.
enum Fixture {
    static let utc = TimeZone(identifier: "UTC")!
    static let start = Date(timeIntervalSince1970: 1_795_000_000)  // 2026-11-18 ...
    static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40)]

    static let sentiment = Project(
        id: "sentiment", title: "Movie review sentiment",
        labels: [LabelChoice(name: "negative", mnemonic: "n"), LabelChoice(name: "positive", mnemonic: "p")],
        instructions: "Is the reviewer's opinion of the film negative or positive?"
    )

    static let topics = Project(
        id: "topics", title: "News topics",
        labels: [LabelChoice(name: "sport"), LabelChoice(name: "politics"), LabelChoice(name: "science")],
        allowsMultipleLabels: true, defaultMarking: .cui
    )

    // Real sentences from SST-2 (Assets/demo/sst2.dev.txt, lines 5 and 2).
    static let shortText = "there is a fabric of complex ideas here , and feelings that profoundly deepen them ."
    static let longText = "if you 've ever entertained the notion of doing what the title of this film implies , what sex with strangers actually shows may put you off the idea forever ."

    static func task(_ id: String = "sst2-dev-0005", text: String = shortText, project: Project = sentiment, marking: Marking = .unclassified) -> LeasedTask {
        LeasedTask(task: LabelTask(id: id, projectID: project.id, text: text, marking: marking), epoch: 1, expiresAt: start.addingTimeInterval(3600))
    }

    static func taskState(project: Project = sentiment, task: LeasedTask? = Fixture.task()) -> TaskScreen.State {
        var state = TaskScreen.State(project: project, keys: try! LabelKeys(labels: project.labels), current: task, now: start, doneToday: 12, waiting: 860, timeZone: utc, systemHigh: .topSecretSCI)
        state.sync = SyncIndicator(link: .standalone, pending: 2, lastSyncAt: start.addingTimeInterval(-60))
        return state
    }

    static func render(_ size: Size, _ draw: (inout Buffer) -> Void) -> Buffer {
        var buffer = Buffer(size: size)
        draw(&buffer)
        return buffer
    }
}
