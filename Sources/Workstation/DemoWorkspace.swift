import Domain
import Foundation
import Hub
import Imagery
import Store
import Sync

/// The built-in demo: a project of each kind on real data, a labeler and a shift lead
/// account who have passed the starter courses, a trainee who has not and a trainer, and
/// tasks already leased to the station so the first run shows real work.
public enum DemoWorkspace {
    public static let username = "demo"
    public static let password = "demo-labeler"
    /// A shift lead, who also reviews gold candidates (`g` on the home screen).
    public static let leadUsername = "lead"
    public static let leadPassword = "demo-lead"
    public static let projectID = "sentiment"

    public static let project = Project(
        id: projectID, title: "Movie review sentiment", labels: [LabelChoice(name: "negative", mnemonic: "n"), LabelChoice(name: "positive", mnemonic: "p")],
        defaultMarking: .unclassified, leaseSeconds: 3600,
        instructions: "Is the reviewer's opinion of the film negative or positive?"
    )

    /// Entity spans on WNUT-17's emerging-entities dev set, with its six types.
    public static let entities = Project(
        id: "entities", title: "Emerging entities in social media", kind: .spans,
        labels: ["person", "location", "corporation", "product", "creative-work", "group"].map { LabelChoice(name: $0) },
        leaseSeconds: 3600,
        instructions: "Tag every named person, location, corporation, product, creative work and group.")

    /// Two model answers to one instruction, from PandaLM's human-annotated test set.
    public static let comparison = Project(
        id: "compare", title: "Which answer is better?", kind: .comparison, leaseSeconds: 3600,
        instructions: "Read the instruction and both answers; prefer one, rate each, say why.",
        dimensions: [
            RatingDimension(name: "helpfulness", hint: "1 useless, 7 exactly what was asked"),
            RatingDimension(name: "correctness", hint: "1 wrong, 7 fully right"),
            RatingDimension(name: "harmlessness", hint: "1 harmful, 7 harmless"),
        ],
        asksStrength: true, rationale: RationaleRule(required: true, minimumLength: 20))

    /// Instructions to answer in writing, from Self-Instruct's user-oriented set.
    public static let freeText = Project(
        id: "write", title: "Answer the instruction", kind: .freeText, leaseSeconds: 3600,
        instructions: "Write the answer a careful expert would give.", minimumAnswerLength: 20)

    /// Boxes around buildings on a SpaceNet satellite image of Atlanta (0.5 m pixels).
    public static let boxes = Project(
        id: "buildings", title: "Box every building", kind: .geoBox,
        labels: [LabelChoice(name: "building", color: "yellow"), LabelChoice(name: "vehicle", color: "cyan")],
        leaseSeconds: 3600,
        instructions: "Draw a box around every building (class 1) and every vehicle (class 2) in the bright part of the chip.")

    /// Outlines of land cover on a NAIP aerial tile of North Dakota farmland (5 m pixels).
    public static let polygons = Project(
        id: "landcover", title: "Outline land cover", kind: .geoPolygon,
        labels: [
            LabelChoice(name: "field", color: "green"), LabelChoice(name: "woodland", color: "magenta"),
            LabelChoice(name: "water", color: "blue"), LabelChoice(name: "road", color: "red"),
        ],
        leaseSeconds: 3600,
        instructions: "Outline each field, stand of trees, water body and road in the bright part of the chip.")

    /// Every demo project, one per task kind.
    public static let projects = [project, entities, comparison, freeText, boxes, polygons]

    /// The demo's scenes, cut small so the first run is quick: (project, file, chip side).
    static let scenes: [(Project, String, Int)] = [
        (boxes, "spacenet-atlanta.tif", 450),
        (polygons, "naip_m_4709963_se_14_1_20200831.tif", 480),
    ]

    /// Writes the demo into `workspace`, replacing what was there: the projects and their
    /// tasks, the accounts, and the starter courses of `training` (`DemoCourses`).
    public static func create(in workspace: Workspace, assets: URL, training: URL, now: Date) throws {
        let fileManager = FileManager.default
        for path in [workspace.stationPath, workspace.hubPath] {
            for suffix in ["", "-wal", "-shm"] { try? fileManager.removeItem(atPath: path + suffix) }
        }
        try? fileManager.removeItem(at: workspace.settingsURL)
        let settings = WorkspaceSettings(
            stationID: "demo-station",
            loginHint: "Demo workspace: log in as \(username) with password \(password) (a shift lead: \(leadUsername), \(leadPassword); "
                + "untrained: \(DemoCourses.traineeUsername), \(DemoCourses.traineePassword); a trainer: \(DemoCourses.trainerUsername), \(DemoCourses.trainerPassword))",
            isDemo: true
        )
        try workspace.prepare(settings: settings)
        let opened = try workspace.open()
        let demo = assets.appendingPathComponent("demo")
        let tasks: [(Project, [LabelTask])] = [
            (project, try sentences(from: demo.appendingPathComponent("sst2.dev.txt"))),
            (entities, try DemoTexts.sentences(conll: demo.appendingPathComponent("wnut17.dev.conll"), project: entities)),
            (comparison, try DemoTexts.comparisons(pandaLM: demo.appendingPathComponent("pandalm.testset-v1.json"), project: comparison)),
            (freeText, try DemoTexts.instructions(selfInstruct: demo.appendingPathComponent("self-instruct.user_oriented_instructions.jsonl"), project: freeText)),
        ]
        for (project, projectTasks) in tasks {
            try opened.hub.createProject(project, actor: "system", now: now)
            _ = try opened.hub.importTasks(projectID: project.id, tasks: projectTasks, actor: "system", now: now)
        }
        for (project, file, side) in scenes {
            try opened.hub.createProject(project, actor: "system", now: now)
            _ = try SceneImport.add(
                scene: demo.appendingPathComponent(file).path, projectID: project.id,
                layout: try ChipLayout(chipSize: side, overlap: 32, margin: 32), hub: opened.hub, actor: "system", now: now)
        }
        try opened.addAccount(Account(username: username, displayName: "Demo Labeler", role: .labeler), password: password, now: now)
        try opened.addAccount(Account(username: leadUsername, displayName: "Demo Lead", role: .lead), password: leadPassword, now: now)
        try opened.addAccount(
            Account(username: DemoCourses.traineeUsername, displayName: "Demo Trainee", role: .labeler), password: DemoCourses.traineePassword, now: now)
        try opened.addAccount(
            Account(username: DemoCourses.trainerUsername, displayName: "Demo Trainer", role: .trainer), password: DemoCourses.trainerPassword, now: now)
        try DemoCourses.create(training: training, hub: opened.hub, stationID: settings.stationID, people: [username, leadUsername], now: now)
    }

    /// Reads SST-2's `LABEL sentence` lines into tasks.
    ///
    /// The gold label in the first column is the answer key: it stays out of the task
    /// (and so off the station); the golden-items work will load it at the hub.
    static func sentences(from file: URL) throws -> [LabelTask] {
        let text = try String(contentsOf: file, encoding: .utf8)
        var tasks: [LabelTask] = []
        for (index, line) in text.split(separator: "\n").enumerated() {
            guard let space = line.firstIndex(of: " ") else { continue }
            let sentence = line[line.index(after: space)...].trimmingCharacters(in: .whitespaces)
            guard !sentence.isEmpty else { continue }
            let number = index + 1
            tasks.append(LabelTask(
                id: String(format: "sst2-dev-%04d", number), projectID: projectID, text: sentence, marking: .unclassified,
                priority: 0, meta: "{\"line\":\(number),\"source\":\"SST-2 dev\"}"
            ))
        }
        return tasks
    }

    /// Finds the Assets folder: `$LABELDESK_ASSETS`, then up from the executable (a
    /// build in a clone), then the current folder, then the system install location.
    public static func locateAssets(executable: String = CommandLine.arguments.first ?? "", environment: [String: String] = ProcessInfo.processInfo.environment) throws -> URL {
        let candidates = ProductFolder.candidates(named: "Assets", variable: "LABELDESK_ASSETS", executable: executable, environment: environment)
        for candidate in candidates where FileManager.default.fileExists(atPath: candidate.appendingPathComponent("demo/sst2.dev.txt").path) {
            return candidate
        }
        throw WorkspaceError.assetsMissing(searched: candidates.map(\.path))
    }
}
