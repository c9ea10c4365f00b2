import Foundation

/// Where the courses are when a command is not told: the `Training/` folder.
enum TrainingFolder {
    /// `$LABELDESK_TRAINING`, then `Training/` in the current folder, then beside the
    /// executable's clone (walking up from it, as the demo's `Assets/` are found), then
    /// the system install location.
    static func locate(
        executable: String = CommandLine.arguments.first ?? "", environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> URL {
        var candidates: [URL] = []
        if let explicit = environment["LABELDESK_TRAINING"] { candidates.append(URL(fileURLWithPath: explicit)) }
        candidates.append(URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("Training"))
        var folder = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            candidates.append(folder.appendingPathComponent("Training"))
            folder = folder.deletingLastPathComponent()
        }
        candidates.append(URL(fileURLWithPath: "/usr/share/labeldesk/Training"))
        var isFolder: ObjCBool = false
        for candidate in candidates where FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isFolder) && isFolder.boolValue {
            return candidate
        }
        throw UserFacingError(
            "no Training folder was found (looked in \(candidates.map(\.path).joined(separator: ", "))); give the folder that holds the courses, or set LABELDESK_TRAINING")
    }

    /// The folder given on the command line, or the one found.
    static func resolve(_ given: String?) throws -> URL {
        guard let given else { return try locate() }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: given, isDirectory: &isFolder), isFolder.boolValue else {
            throw UserFacingError("there is no folder \(given); give the folder that holds the course folders")
        }
        return URL(fileURLWithPath: given)
    }
}
