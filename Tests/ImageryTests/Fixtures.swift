import Foundation
import XCTest

/// Where the shared real test files are: `<worktree>/../shared/fixtures`.
enum Fixtures {
    // Symbolic links resolved: scratch packages link the test folder from elsewhere.
    static let testsFolder = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
    static let shared = testsFolder.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("shared/fixtures")

    static func path(_ relativePath: String) -> String {
        shared.appendingPathComponent(relativePath).path
    }

    static func vector(_ name: String) throws -> Data {
        try Data(contentsOf: testsFolder.appendingPathComponent("Vectors/\(name)"))
    }

    /// A fresh folder under the system's temporary folder, removed by the test's teardown.
    static func temporaryFolder(for test: XCTestCase) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("imagery-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        test.addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        return folder
    }
}
