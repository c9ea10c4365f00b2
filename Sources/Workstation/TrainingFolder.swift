import Curriculum
import Foundation

/// The product's `Training/` folder: the starter courses, found as the demo finds its
/// `Assets/` (`$LABELDESK_TRAINING`, then up from the executable, the current folder,
/// `/usr/share/labeldesk/Training`).
public enum TrainingFolder {
    public static func locate(
        executable: String = CommandLine.arguments.first ?? "", environment: [String: String] = ProcessInfo.processInfo.environment,
        currentDirectory: String = FileManager.default.currentDirectoryPath
    ) throws -> URL {
        let candidates = ProductFolder.candidates(
            named: "Training", variable: "LABELDESK_TRAINING", executable: executable, environment: environment, currentDirectory: currentDirectory)
        for candidate in candidates where holdsCourses(candidate) { return candidate }
        throw WorkspaceError.trainingMissing(searched: candidates.map(\.path))
    }

    /// Whether a folder holds at least one course folder (one with a `course.conf`).
    public static func holdsCourses(_ folder: URL) -> Bool {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.contains { FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).appendingPathComponent(CourseFolder.manifestName).path) }
    }
}
