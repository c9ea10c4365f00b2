import ArgumentParser
import Domain
import Foundation
import Hub
import Workstation

struct GoldCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gold", abstract: "The gold pool: tasks with answer keys, kept only in the hub's database.",
        subcommands: [Import.self, List.self, Policy.self, Retire.self, Review.self])

    struct Review: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Free-text gold answers wait for a reviewer: list them, or score one (0 wrong to 1 right).")
        @OptionGroup var workspace: WorkspaceOption
        @OptionGroup var hubDatabase: HubDatabaseOption
        @Option(help: "The project.") var project: String
        @Option(help: "The answer to score (its id, from the list).") var answer: String?
        @Option(help: "The score, 0 to 1.") var score: Double?

        func run() throws {
            let hub = Hub(database: try hubDatabase.open(workspace: workspace, creating: false))
            switch (answer, score) {
            case (let id?, let value?):
                guard let uuid = UUID(uuidString: id) else { throw UserFacingError("--answer takes an answer's id as gold review lists it, not \"\(id)\"") }
                try hub.reviewGoldAnswer(uuid, projectID: project, score: value, actor: "admin", now: Date())
                print("Scored \(id): \(value).")
            case (nil, nil):
                let waiting = try hub.goldAwaitingReview(projectID: project)
                guard !waiting.isEmpty else {
                    print("No gold answers of \(project) wait for review.")
                    return
                }
                for (answer, key) in waiting {
                    guard case .text(let given) = answer.annotation.answer, case .text(let expected) = key else { continue }
                    print("\(answer.annotation.id.uuidString)\t\(answer.annotation.taskID)\t\(answer.annotation.username)")
                    print("  answer: \(given)")
                    print("  key:    \(expected)")
                }
            default:
                throw UserFacingError("give both --answer and --score to score an answer, or neither to list those waiting")
            }
        }
    }

    struct Retire: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Take gold items out of the pool: no longer handed out (their answers still count).")
        @OptionGroup var workspace: WorkspaceOption
        @OptionGroup var hubDatabase: HubDatabaseOption
        @Option(help: "The project.") var project: String
        @Argument(help: "The gold items' ids.") var ids: [String]

        func run() throws {
            let hub = Hub(database: try hubDatabase.open(workspace: workspace, creating: false))
            let count = try hub.retireGold(ids, projectID: project, actor: "admin", now: Date())
            print("Retired \(count) gold \(count == 1 ? "item" : "items") of \(project).")
        }
    }

    struct Policy: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a project's gold policy, or change some of it: how much gold, onboarding, and when quality warns and pauses.")
        @OptionGroup var workspace: WorkspaceOption
        @OptionGroup var hubDatabase: HubDatabaseOption
        @Option(help: "The project.") var project: String
        @Option(help: "Share of a person's leases that are gold after onboarding (0 to 0.5; default 0.05).") var rate: Double?
        @Option(help: "A new person's first leases that are all gold (default 10).") var onboarding: Int?
        @Option(help: "The rate for a person with a proven record (default 0.02).") var provenRate: Double?
        @Option(help: "Scored gold items before quality warns or pauses anyone (default 20).") var minimum: Int?
        @Option(help: "Warn when the 95% interval's upper bound is below this accuracy (default 0.85).") var warnBelow: Double?
        @Option(help: "Pause when the 95% interval's upper bound is below this accuracy (default 0.7).") var pauseBelow: Double?

        func run() throws {
            let hub = Hub(database: try hubDatabase.open(workspace: workspace, creating: false))
            guard try hub.project(id: project) != nil else { throw UserFacingError("there is no project \"\(project)\"; see labeldesk project list") }
            var policy = try hub.goldPolicy(projectID: project)
            let changes = [rate != nil, onboarding != nil, provenRate != nil, minimum != nil, warnBelow != nil, pauseBelow != nil]
            if changes.contains(true) {
                policy.rate = rate ?? policy.rate
                policy.onboarding = onboarding ?? policy.onboarding
                policy.provenRate = provenRate ?? policy.provenRate
                policy.minimumGold = minimum ?? policy.minimumGold
                policy.warnBelow = warnBelow ?? policy.warnBelow
                policy.pauseBelow = pauseBelow ?? policy.pauseBelow
                try hub.setGoldPolicy(policy, projectID: project, actor: "admin", now: Date())
            }
            print("""
                rate \(policy.rate), onboarding \(policy.onboarding), proven rate \(policy.provenRate); \
                warn below \(policy.warnBelow), pause below \(policy.pauseBelow), after \(policy.minimumGold) scored gold items
                """)
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import tasks with their answer keys into a project's gold pool, all or nothing.",
            discussion: """
                The same formats as labeldesk import (jsonl, labelstudio, conll, prodigy, csv, and JSONL chip lists for \
                geo projects), each task with its key: its one annotation, or the one marked ground_truth (Label Studio's \
                ground_truth, or "ground_truth": true in LabelDesk JSONL). Gold item ids share the project's ids with its \
                tasks. The keys never leave the hub's database.
                """)
        @OptionGroup var file: ImportFileOptions

        func run() throws {
            let (hub, records, progress) = try file.read(what: "gold items")
            defer { progress.finish() }
            let count = try hub.importGold(records, projectID: file.project, actor: "admin", now: Date())
            progress.finish()
            print("Added \(count) gold \(count == 1 ? "item" : "items") to \(file.project)'s pool.")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List a project's gold items with their keys (admin only: the keys are secret).",
            discussion: "Columns: id, added, source, people it was handed to, answers received, the key. Items handed to many people are worth retiring (labeldesk gold retire).")
        @OptionGroup var workspace: WorkspaceOption
        @OptionGroup var hubDatabase: HubDatabaseOption
        @Option(help: "The project.") var project: String

        func run() throws {
            let hub = Hub(database: try hubDatabase.open(workspace: workspace, creating: false))
            guard try hub.project(id: project) != nil else { throw UserFacingError("there is no project \"\(project)\"; see labeldesk project list") }
            let items = try hub.goldItems(projectID: project)
            guard !items.isEmpty else {
                print("Project \(project) has no gold items; add some with labeldesk gold import --project \(project) FILE.")
                return
            }
            let exposure = try hub.goldExposure(projectID: project)
            for item in items {
                let seen = exposure[item.task.id] ?? (0, 0)
                print("\(item.task.id)\t\(Timestamp.seconds(item.addedAt))\t\(item.source.rawValue)\thanded \(seen.handed)\tanswered \(seen.answered)\t\(item.key.summary)")
            }
        }
    }
}
