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
