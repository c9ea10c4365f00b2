import Foundation

/// Where a folder that ships with LabelDesk (`Assets/`, `Training/`) may be, in the
/// order to look: the environment variable naming it, up from the executable (a build
/// inside a clone), the current folder, then the system install location.
enum ProductFolder {
    static func candidates(
        named name: String, variable: String, executable: String, environment: [String: String],
        currentDirectory: String = FileManager.default.currentDirectoryPath
    ) -> [URL] {
        var candidates: [URL] = []
        if let explicit = environment[variable] { candidates.append(URL(fileURLWithPath: explicit)) }
        var folder = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            candidates.append(folder.appendingPathComponent(name))
            folder = folder.deletingLastPathComponent()
        }
        candidates.append(URL(fileURLWithPath: currentDirectory).appendingPathComponent(name))
        candidates.append(URL(fileURLWithPath: "/usr/share/labeldesk").appendingPathComponent(name))
        return candidates
    }
}
