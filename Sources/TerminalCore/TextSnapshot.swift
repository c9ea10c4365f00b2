import Foundation

/// Compares a screen's text with a snapshot file kept beside the tests.
///
/// Set `LABELDESK_RECORD_SNAPSHOTS=1` to write the files anew. Files keep trailing
/// spaces, so a line that lost its padding fails.
public enum TextSnapshot {
    public static var isRecording: Bool {
        ProcessInfo.processInfo.environment["LABELDESK_RECORD_SNAPSHOTS"] == "1"
    }

    /// Returns nil when `text` matches the file, or a sentence that shows the difference.
    ///
    /// - Parameters:
    ///   - name: the snapshot's name, a file name without extension.
    ///   - testFile: pass `#filePath`; snapshots live in `__Snapshots__` beside it.
    public static func mismatch(_ text: String, named name: String, testFile: String) -> String? {
        let directory = URL(fileURLWithPath: testFile).deletingLastPathComponent().appendingPathComponent("__Snapshots__")
        let file = directory.appendingPathComponent("\(name).txt")
        let framed = text + "\n"
        if isRecording {
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                try framed.write(to: file, atomically: true, encoding: .utf8)
            } catch {
                return "could not record snapshot \(file.path): \(error)"
            }
            return nil
        }
        guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
            return "no snapshot at \(file.path); run the tests with LABELDESK_RECORD_SNAPSHOTS=1 to record it"
        }
        if expected == framed { return nil }
        let expectedLines = expected.components(separatedBy: "\n")
        let actualLines = framed.components(separatedBy: "\n")
        for index in 0..<max(expectedLines.count, actualLines.count) {
            let want = index < expectedLines.count ? expectedLines[index] : "<none>"
            let got = index < actualLines.count ? actualLines[index] : "<none>"
            if want != got {
                return "snapshot \(name) differs at line \(index + 1):\n  expected |\(want)|\n  actual   |\(got)|\n\nwhole screen:\n\(framed)"
            }
        }
        return "snapshot \(name) differs"
    }
}
