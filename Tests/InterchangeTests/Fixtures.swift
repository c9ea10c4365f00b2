import Foundation

/// Where the shared real test files are: `<worktree>/../shared/fixtures`.
enum Fixtures {
    // Symbolic links resolved: scratch packages link the test folder from elsewhere.
    static let testsFolder = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
    static let shared = testsFolder.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("shared/fixtures")

    static func data(_ relativePath: String) throws -> Data {
        try Data(contentsOf: shared.appendingPathComponent(relativePath))
    }

    static func vector(_ name: String) throws -> Data {
        try Data(contentsOf: testsFolder.appendingPathComponent("Vectors/\(name)"))
    }
}
