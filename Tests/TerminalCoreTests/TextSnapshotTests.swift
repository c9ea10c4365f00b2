import Foundation
import Testing
import TerminalCore

/// A fresh directory with a stand-in test file, so snapshots land in a temp `__Snapshots__`.
private struct TemporaryTestFile {
    let directory: URL
    var path: String { directory.appendingPathComponent("FakeTests.swift").path }
    var snapshots: URL { directory.appendingPathComponent("__Snapshots__") }

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("TextSnapshotTests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    func writeSnapshot(_ contents: String, named name: String) throws {
        try FileManager.default.createDirectory(at: snapshots, withIntermediateDirectories: true)
        try contents.write(to: snapshots.appendingPathComponent("\(name).txt"), atomically: true, encoding: .utf8)
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }
}

/// Comparison tests cannot run while recording: then every comparison passes by design.
@Suite("TextSnapshot", .disabled(if: TextSnapshot.isRecording, "LABELDESK_RECORD_SNAPSHOTS=1 records instead of comparing"))
struct TextSnapshotTests {
    @Test func matchingTextPasses() throws {
        // Given a snapshot file holding the screen plus a final newline
        let file = try TemporaryTestFile()
        defer { file.remove() }
        try file.writeSnapshot("ab \n c\n", named: "screen")
        // When the same screen is compared, Then there is no mismatch
        #expect(TextSnapshot.mismatch("ab \n c", named: "screen", testFile: file.path) == nil)
    }

    @Test func lostTrailingSpaceFailsAndNamesTheLine() throws {
        let file = try TemporaryTestFile()
        defer { file.remove() }
        try file.writeSnapshot("ab \n c\n", named: "screen")
        let message = try #require(TextSnapshot.mismatch("ab\n c", named: "screen", testFile: file.path))
        #expect(message.contains("line 1"))
        #expect(message.contains("|ab |"))
        #expect(message.contains("|ab|"))
    }

    @Test func extraLineFails() throws {
        let file = try TemporaryTestFile()
        defer { file.remove() }
        try file.writeSnapshot("a\n", named: "screen")
        let message = try #require(TextSnapshot.mismatch("a\nb", named: "screen", testFile: file.path))
        #expect(message.contains("line 2"))
    }

    @Test func missingSnapshotSaysHowToRecordIt() throws {
        let file = try TemporaryTestFile()
        defer { file.remove() }
        let message = try #require(TextSnapshot.mismatch("a", named: "absent", testFile: file.path))
        #expect(message.contains("LABELDESK_RECORD_SNAPSHOTS=1"))
        #expect(message.contains("absent.txt"))
    }
}

/// Runs only when the suite is run with LABELDESK_RECORD_SNAPSHOTS=1.
@Suite("TextSnapshot recording", .enabled(if: TextSnapshot.isRecording, "set LABELDESK_RECORD_SNAPSHOTS=1 to test recording"))
struct TextSnapshotRecordingTests {
    @Test func recordingWritesTheFileWithTrailingSpacesKept() throws {
        let file = try TemporaryTestFile()
        defer { file.remove() }
        #expect(TextSnapshot.mismatch("ab \n c ", named: "recorded", testFile: file.path) == nil)
        let written = try String(contentsOf: file.snapshots.appendingPathComponent("recorded.txt"), encoding: .utf8)
        #expect(written == "ab \n c \n")
    }
}
