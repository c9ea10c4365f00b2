import ArgumentParser
import Domain
import Foundation
import Hub
import Imagery
import Interchange
import Workstation

struct GoldCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gold", abstract: "The gold pool: tasks with answer keys, kept only in the hub's database.",
        subcommands: [Import.self, List.self, Candidates.self, Policy.self, Retire.self, Review.self])

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

    struct Candidates: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Ordinary tasks whose consensus is near certain: list them, or accept, correct or reject one as gold.",
            discussion: """
                A candidate is a done task whose Dawid-Skene consensus (anchored by the pool's keys) has at least the \
                policy's candidate votes and confidence (labeldesk gold policy). Accepted or corrected, it joins the pool \
                under its own id and is never handed to anyone who labelled it; rejected, it is not offered again. A \
                decision names its reviewer (--as), who must be a lead, trainer or admin on the hub's roster, and is \
                audited. Leads and trainers can also review on the terminal: g on the home screen.
                """)
        @OptionGroup var workspace: WorkspaceOption
        @OptionGroup var hubDatabase: HubDatabaseOption
        @Option(help: "The project.") var project: String
        @Option(help: "Add this task to the pool with its consensus as the key.") var accept: String?
        @Option(help: "Add this task to the pool with --label as the key.") var correct: String?
        @Option(help: "The key for --correct: one of the project's labels (a, b or tie for a comparison).") var label: String?
        @Option(help: "Turn this task down as gold.") var reject: String?
        @Option(name: .customLong("as"), help: "The reviewer: a lead, trainer or admin on the hub's roster.") var reviewer: String?

        func run() throws {
            let hub = Hub(database: try hubDatabase.open(workspace: workspace, creating: false))
            guard try hub.project(id: project) != nil else { throw UserFacingError("there is no project \"\(project)\"; see labeldesk project list") }
            let decisions: [(String, GoldCandidateDecision)] = [
                accept.map { ($0, .accept) }, correct.map { ($0, .correct(label ?? "")) }, reject.map { ($0, .reject) },
            ].compactMap { $0 }
            guard decisions.count <= 1 else { throw UserFacingError("give one of --accept, --correct and --reject at a time") }
            if label != nil, correct == nil { throw UserFacingError("--label goes with --correct TASK, to give the key that task should have") }
            guard let (taskID, decision) = decisions.first else {
                let candidates = try hub.goldCandidates(projectID: project)
                guard !candidates.isEmpty else {
                    let policy = try hub.goldPolicy(projectID: project)
                    print("""
                        No task of \(project) is a gold candidate: none is done with \(policy.candidateVotes) votes or more at a \
                        consensus confidence of \(policy.candidateConfidence). Overlap (labeldesk gold policy --overlap) gives tasks more votes.
                        """)
                    return
                }
                print("task\tconsensus\tconfidence\tvotes\ttext")
                for candidate in candidates {
                    let votes = candidate.votes.map { "\($0.label) \($0.count)" }.joined(separator: ", ")
                    let text = candidate.task.text.count > 60 ? candidate.task.text.prefix(59) + "…" : Substring(candidate.task.text)
                    print("\(candidate.task.id)\t\(candidate.label)\t\(String(format: "%.3f", candidate.confidence))\t\(votes)\t\(text)")
                }
                return
            }
            if case .correct("") = decision { throw UserFacingError("--correct \(taskID) needs --label with the key the task should have") }
            guard let reviewer else { throw UserFacingError("a decision names its reviewer: add --as NAME (a lead, trainer or admin on the hub's roster)") }
            try hub.decideGoldCandidate(projectID: project, taskID: taskID, decision: decision, reviewer: reviewer, now: Date())
            switch decision {
            case .reject: print("Turned down \(taskID) as gold; it is not offered again.")
            case .accept, .correct: print("Added \(taskID) to \(project)'s gold pool.")
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
            abstract: "Show a project's gold policy, or change some of it: how much gold, onboarding, when quality warns and pauses, overlap, gold candidates and the answer exports give.")
        @OptionGroup var workspace: WorkspaceOption
        @OptionGroup var hubDatabase: HubDatabaseOption
        @Option(help: "The project.") var project: String
        @Option(help: "Share of a person's leases that are gold after onboarding (0 to 0.5; default 0.05).") var rate: Double?
        @Option(help: "A new person's first leases that are all gold (default 10).") var onboarding: Int?
        @Option(help: "The rate for a person with a proven record (default 0.02).") var provenRate: Double?
        @Option(help: "Scored gold items before quality warns or pauses anyone (default 20).") var minimum: Int?
        @Option(help: "Warn when the 95% interval's upper bound is below this accuracy (default 0.85).") var warnBelow: Double?
        @Option(help: "Pause when the 95% interval's upper bound is below this accuracy (default 0.7).") var pauseBelow: Double?
        @Option(help: "Share of ordinary tasks labelled by several different people, for agreement and consensus (0 to 1; default 0).") var overlap: Double?
        @Option(help: "How many different people label an overlapped task (2 to 10; default 2).") var overlapPeople: Int?
        @Option(help: "Votes a task's consensus needs to be offered as a gold candidate (default 3).") var candidateVotes: Int?
        @Option(help: "Consensus confidence a gold candidate needs (0.5 to 1; default 0.95).") var candidateConfidence: Double?
        @Option(help: "What an export gives as each task's answer: first (default), majority or dawid-skene (the consensus of everyone's).") var exportAnswer: String?
        @Option(help: ArgumentHelp(
            "Assign a course's remedial lesson and retest when a person's gold accuracy on a label or error class is below this, even at its 95% interval's best (0 to 1, or off; default off).",
            valueName: "ACCURACY")) var remediation: String?
        @Option(help: "Scored gold items on a label or error class before remediation looks at it (default 10).") var remediationMinimum: Int?

        func run() throws {
            let hub = Hub(database: try hubDatabase.open(workspace: workspace, creating: false))
            guard try hub.project(id: project) != nil else { throw UserFacingError("there is no project \"\(project)\"; see labeldesk project list") }
            var policy = try hub.goldPolicy(projectID: project)
            let changes = [
                rate != nil, onboarding != nil, provenRate != nil, minimum != nil, warnBelow != nil, pauseBelow != nil, overlap != nil,
                overlapPeople != nil, candidateVotes != nil, candidateConfidence != nil, exportAnswer != nil, remediation != nil, remediationMinimum != nil,
            ]
            if changes.contains(true) {
                policy.rate = rate ?? policy.rate
                policy.onboarding = onboarding ?? policy.onboarding
                policy.provenRate = provenRate ?? policy.provenRate
                policy.minimumGold = minimum ?? policy.minimumGold
                policy.warnBelow = warnBelow ?? policy.warnBelow
                policy.pauseBelow = pauseBelow ?? policy.pauseBelow
                policy.overlap = overlap ?? policy.overlap
                policy.overlapPeople = overlapPeople ?? policy.overlapPeople
                policy.candidateVotes = candidateVotes ?? policy.candidateVotes
                policy.candidateConfidence = candidateConfidence ?? policy.candidateConfidence
                if let exportAnswer {
                    guard let answer = GoldPolicy.ExportAnswer(rawValue: exportAnswer) else {
                        let choices = GoldPolicy.ExportAnswer.allCases.map(\.rawValue).joined(separator: ", ")
                        throw UserFacingError("--export-answer is one of \(choices), not \"\(exportAnswer)\"")
                    }
                    policy.exportAnswer = answer
                }
                if let remediation {
                    if remediation.lowercased() == "off" {
                        policy.remediationBelow = nil
                    } else if let share = Double(remediation.hasSuffix("%") ? String(remediation.dropLast()) : remediation) {
                        policy.remediationBelow = remediation.hasSuffix("%") ? share / 100 : share
                    } else {
                        throw UserFacingError("--remediation is an accuracy like 0.8 or 80%, or off; \"\(remediation)\" is neither")
                    }
                }
                policy.remediationMinimum = remediationMinimum ?? policy.remediationMinimum
                try hub.setGoldPolicy(policy, projectID: project, actor: "admin", now: Date())
            }
            print("""
                rate \(policy.rate), onboarding \(policy.onboarding), proven rate \(policy.provenRate); \
                warn below \(policy.warnBelow), pause below \(policy.pauseBelow), after \(policy.minimumGold) scored gold items; \
                overlap \(policy.overlap) of tasks by \(policy.overlapPeople) people; \
                candidates from \(policy.candidateVotes) votes at confidence \(policy.candidateConfidence); \
                exports give the \(policy.exportAnswer == .first ? "first answer" : policy.exportAnswer.rawValue + " consensus") as each task's answer; \
                remediation \(policy.remediationBelow.map { "below \($0) on a label or error class, after \(policy.remediationMinimum) scored gold items on it" } ?? "off")
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

                For a geo-box or geo-polygon project, --scene SCENE takes a GeoJSON or COCO answer key instead: the scene \
                is cut into chips as labeldesk imagery add cuts it (--chip, --overlap, --margin), the file's shapes are \
                placed onto them as labeldesk predictions import places a model's (GeoJSON in any coordinate system: its \
                crs member, else --crs, else WGS 84; COCO in the scene's pixels, its image's file_name the scene's), and \
                each chip they touch becomes a gold item whose key is the shapes on it. With --empty, chips no shape \
                touches join too, with an empty key: nothing to mark there. Ids are the chips' as imagery add names them, \
                so a scene already added (as tasks or as gold) is refused.
                """)
        @OptionGroup var file: ImportFileOptions
        @Option(help: "Geo projects: the scene a GeoJSON or COCO file's shapes lie on; it is cut into gold chips.") var scene: String?
        @Option(help: "With --scene: the side of a chip's part to label, in scene pixels (default 1024).") var chip: Int?
        @Option(help: "With --scene: pixels neighbouring chips share (default 64).") var overlap: Int?
        @Option(help: "With --scene: a GeoJSON file's coordinate system when it names none: EPSG:NNNN or WKT.") var crs: String?
        @Option(help: "With --scene: the GeoJSON property that names a shape's class (default class).") var classProperty: String?
        @Flag(help: "With --scene: chips no shape touches become gold too, with an empty key.") var empty = false

        func run() throws {
            if let scene { return try importScene(scene) }
            let sceneOnly = [("--chip", chip != nil), ("--overlap", overlap != nil), ("--crs", crs != nil), ("--class-property", classProperty != nil), ("--empty", empty)]
            if let given = sceneOnly.first(where: { $0.1 }) {
                throw UserFacingError("\(given.0) applies only to a GeoJSON or COCO answer key, with --scene SCENE naming the scene its shapes lie on")
            }
            let sceneless = UserFacingError("a GeoJSON or COCO answer key needs the scene its shapes lie on: labeldesk gold import --project \(file.project) --scene SCENE \(file.file)")
            let format = try file.formatOption.resolved(for: file.file)
            if format.name == GeoJSONFormat.name || format.name == COCOFormat.name { throw sceneless }
            // A .json file for a geo project is a COCO key far more often than Label Studio, which geo projects do not read.
            if format.name == LabelStudioFormat.name, file.formatOption.format == nil,
               let target = try Hub(database: try file.hubDatabase.open(workspace: file.workspace, creating: false)).project(id: file.project),
               target.kind.isGeospatial {
                throw sceneless
            }
            let (hub, records, progress) = try file.read(what: "gold items")
            defer { progress.finish() }
            let count = try hub.importGold(records, projectID: file.project, actor: "admin", now: Date())
            progress.finish()
            print("Added \(count) gold \(count == 1 ? "item" : "items") to \(file.project)'s pool.")
        }

        /// A scene's chips with the keys a GeoJSON or COCO file places onto them.
        func importScene(_ scene: String) throws {
            if let format = file.formatOption.format, !["geojson", "coco"].contains(format.lowercased()) {
                throw UserFacingError("with --scene the answer key is GeoJSON or COCO, not --format \(format); leave --format out")
            }
            guard FileManager.default.fileExists(atPath: scene) else { throw UserFacingError("there is no file \(scene); check the path") }
            guard let data = FileManager.default.contents(atPath: file.file) else {
                throw UserFacingError("cannot read \(file.file); check the path and that you may read it")
            }
            let hub = Hub(database: try file.hubDatabase.open(workspace: file.workspace, creating: false))
            guard try hub.project(id: file.project) != nil else {
                throw UserFacingError("there is no project \"\(file.project)\"; create it first with: labeldesk project create --file PROJECT.json")
            }
            let layout = try ChipLayout(chipSize: chip ?? 1024, overlap: overlap ?? 64, margin: file.margin)
            let progress = ProgressLine("reading \(file.file)")
            defer { progress.finish() }
            let outcome = try SceneGoldImport.importGold(
                data, fileName: URL(fileURLWithPath: file.file).lastPathComponent, scene: scene, projectID: file.project, layout: layout,
                crs: crs, classProperty: classProperty ?? "class", emptyChips: empty, hub: hub, actor: "admin", now: Date(),
                progress: progress.step)
            progress.finish()
            let placed = outcome.placement
            print("Added \(outcome.items) gold \(outcome.items == 1 ? "item" : "items") to \(file.project)'s pool from \(outcome.chips) chips of \(scene) (\(placed.format), \(placed.crs)), marked \(outcome.marking.rawValue)"
                + (outcome.emptyItems > 0 ? ", \(outcome.emptyItems) of them with nothing to mark." : "."))
            if let outside = placed.outsideSentence(chipsOf: URL(fileURLWithPath: scene).lastPathComponent) { print(outside) }
            for refusal in placed.refused {
                print("Left chip \(refusal.taskID) out of the pool: \(placed.format == "coco" ? "annotation" : "feature") \(refusal.number) cannot be kept on it (\(refusal.reason)).")
            }
            if placed.holesLeftOut > 0 { print("\(placed.holesLeftOut) inner rings (holes) were left out: shapes have none.") }
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
