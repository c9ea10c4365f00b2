import ArgumentParser
import Foundation
import Interchange

/// `--format NAME`, the one way every import and export names its file format.
struct FormatOption: ParsableArguments {
    @Option(help: ArgumentHelp(
        "The file format: jsonl, labelstudio, conll, prodigy, csv; for shapes on imagery (export): geojson, gpkg, coco. Default: from the file's ending (.jsonl, .json Label Studio, .conll, .csv, .geojson, .gpkg).",
        valueName: "FORMAT"))
    var format: String?

    @Option(help: ArgumentHelp("CoNLL only: the tagging scheme read (automatic, iob1, iob2, bioes).", valueName: "SCHEME"))
    var scheme: String?

    /// The format named, or guessed from `file`'s ending.
    func resolved(for file: String?) throws -> any TaskFormat.Type {
        if let format {
            guard let named = Formats.named(format) else {
                throw UserFacingError("--format \"\(format)\" is not a format; use one of \(Formats.names)")
            }
            return named
        }
        let ending = file.map { URL(fileURLWithPath: $0).pathExtension.lowercased() } ?? "jsonl"
        switch ending {
        case "jsonl": return JSONLFormat.self
        case "json": return LabelStudioFormat.self
        case "conll", "iob", "bio": return CoNLLFormat.self
        case "csv": return CSVFormat.self
        case "geojson": return GeoJSONFormat.self
        case "gpkg": return GeoPackageFormat.self
        default:
            throw UserFacingError("cannot tell the format of \(file ?? "the output") from its ending; name it with --format (\(Formats.names))")
        }
    }

    func options() throws -> InterchangeOptions {
        var options = InterchangeOptions()
        if let scheme {
            guard let read = TaggingScheme(rawValue: scheme.lowercased()) else {
                throw UserFacingError("--scheme \"\(scheme)\" is not a tagging scheme; use one of \(TaggingScheme.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            options.conllScheme = read
        }
        return options
    }
}

/// A line on the terminal that says what a long import or export is doing.
///
/// Silent for work under a second and when standard error is not a terminal (a script,
/// a pipe), so logs and scripts see only the final count.
final class ProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private var phase = ""
    private var done: Int?
    private var total = 1
    private var started = Date()
    private var shown = false
    private var finished = false
    private let isTerminal = isatty(2) == 1

    init(_ first: String) {
        phase = first
        guard isTerminal else { return }
        let line = self
        Thread.detachNewThread {
            Thread.sleep(forTimeInterval: 1)
            while line.draw() { Thread.sleep(forTimeInterval: 0.2) }
        }
    }

    /// The next step of the work, shown in place of the last.
    func step(_ name: String) {
        lock.lock()
        phase = name
        done = nil
        lock.unlock()
    }

    /// How much of this step is done: `done` of `total` parts.
    func fraction(_ done: Int, of total: Int) {
        lock.lock()
        self.done = done
        self.total = total
        lock.unlock()
    }

    private func draw() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard !finished else { return false }
        shown = true
        let seconds = Int(Date().timeIntervalSince(started))
        // The share done, when the work knows it; else a bar that moves each second.
        let filled = done.map { Int((Double($0) / Double(max(1, total)) * 10).rounded(.down)) } ?? (seconds % 10 + 1)
        let bar = String(repeating: "▮", count: min(10, filled)).padding(toLength: 10, withPad: "▯", startingAt: 0)
        let share = done.map { "\($0 * 100 / max(1, total))%, " } ?? ""
        FileHandle.standardError.write(Data("\r\u{1B}[2K\(bar) \(phase) (\(share)\(seconds) s)".utf8))
        return true
    }

    /// Clears the line; the caller prints the final count.
    func finish() {
        lock.lock()
        finished = true
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
        lock.unlock()
    }
}
