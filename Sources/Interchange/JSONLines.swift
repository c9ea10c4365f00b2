import Dispatch
import Domain
import Foundation

/// The lines of a JSON-lines file (JSONL, Prodigy), parsed on every core.
///
/// Each line is one JSON value, read on its own: the file is cut at line ends into one
/// piece per core, and each piece is parsed and turned into items in parallel. Only what
/// needs the whole file (ids used twice, lines of one task) is left to the format, in
/// line order. The first problem by line number is the one reported, as a reading from
/// the top would find it.
enum JSONLines {
    /// Buffers handed to the threads of one parse; see `parse` for why this is safe.
    private struct Unchecked<T>: @unchecked Sendable {
        let value: T
        init(_ value: T) { self.value = value }
    }

    /// Items up to the first bad line, each with its line, and that line's problem, if
    /// any. Values and lines apart, so a reader hands the values on without copying them.
    struct Parsed<Value> {
        var values: [Value]
        var lines: [Int]
        var failure: (line: Int, problem: Problem)?
    }

    /// Below this size one core reads the file: starting threads costs more.
    static let parallelThreshold = 1 << 20

    static func parse<Value>(
        _ bytes: UnsafeBufferPointer<UInt8>,
        _ transform: @escaping @Sendable (JSONValue, _ line: Int, inout MarkingReader) throws(Problem) -> Value
    ) -> Parsed<Value> {
        let pieces = FileLines.pieces(bytes, count: bytes.count < parallelThreshold ? 1 : ProcessInfo.processInfo.activeProcessorCount)
        let results = UnsafeMutableBufferPointer<Parsed<Value>>.allocate(capacity: pieces.count)
        defer { results.deallocate() }
        // Each iteration reads only its own piece and writes only its own result slot;
        // the file's bytes are not written while this runs.
        let shared = Unchecked((pieces, results))
        let readPiece: @Sendable (Int) -> Void = { index in
            let (pieces, results) = shared.value
            (results.baseAddress! + index).initialize(to: parsePiece(pieces[index].bytes, firstLine: pieces[index].firstLine, transform))
        }
        if pieces.count == 1 { readPiece(0) } else { DispatchQueue.concurrentPerform(iterations: pieces.count, execute: readPiece) }
        var merged = Parsed<Value>(values: [], lines: [], failure: nil)
        merged.values.reserveCapacity(results.reduce(0) { $0 + $1.values.count })
        merged.lines.reserveCapacity(merged.values.capacity)
        for index in 0..<pieces.count {
            merged.values += results[index].values
            merged.lines += results[index].lines
            if let failure = results[index].failure {
                merged.failure = failure
                break
            }
        }
        (results.baseAddress!).deinitialize(count: pieces.count)
        return merged
    }

    /// One piece of the file (whole lines, the first numbered `firstLine`) parsed on its
    /// own: its items up to the first bad line, and that line's problem.
    static func parsePiece<Value>(
        _ bytes: UnsafeBufferPointer<UInt8>, firstLine: Int,
        _ transform: (JSONValue, _ line: Int, inout MarkingReader) throws(Problem) -> Value
    ) -> Parsed<Value> {
        var values: [Value] = []
        var lines: [Int] = []
        var markings = MarkingReader()
        var failedLine = 0
        do throws(Problem) {
            try FileLines.forEach(bytes, firstLine: firstLine) { line throws(Problem) in
                if line.isBlank { return }
                failedLine = line.number
                let value: JSONValue
                do throws(JSONSyntaxError) { value = try JSONValue.parse(utf8: line.bytes) } catch {
                    throw Problem("not valid JSON (\(error.problem) at column \(error.column))")
                }
                values.append(try transform(value, line.number, &markings))
                lines.append(line.number)
            }
            return Parsed(values: values, lines: lines, failure: nil)
        } catch {
            return Parsed(values: values, lines: lines, failure: (failedLine, error))
        }
    }

    /// The pieces of `bytes` (whole lines) a format's `readPieces` reads one at a time.
    static func readPieces(_ bytes: UnsafeBufferPointer<UInt8>) -> FileLines.SharedPieces {
        FileLines.SharedPieces(pieces: FileLines.pieces(bytes, cuts: Formats.pieceCuts(byteCount: bytes.count)))
    }
}
