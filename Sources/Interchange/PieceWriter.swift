import Dispatch
import Foundation

/// Text written in pieces, one per core, and joined in order: for formats whose records
/// are written each on their own (JSONL, Prodigy, CoNLL, CSV rows, Label Studio tasks).
///
/// An export of a hundred thousand tasks spent a third of its time writing on one core
/// of two. Every piece is written by the same per-record code a single pass would run,
/// so the bytes are the same; when several records fail, the first by position is the
/// one reported, as a pass from the top would find it.
enum PieceWriter {
    /// Below this many records one core writes: starting threads costs more.
    static let parallelThreshold = 2_000

    /// Results handed to the threads of one write; each writes only its own slot.
    private struct Unchecked<T>: @unchecked Sendable {
        let value: T
        init(_ value: T) { self.value = value }
    }

    /// `head`, then each of `count` records written by `writeRecord` (given its index and
    /// the piece's text), then `tail`, as UTF-8.
    static func write(
        count: Int, bytesPerRecord: Int, head: String = "", tail: String = "",
        pieces wanted: Int = ProcessInfo.processInfo.activeProcessorCount,
        _ writeRecord: @escaping @Sendable (Int, inout String) throws(InterchangeError) -> Void
    ) throws(InterchangeError) -> Data {
        let pieceCount = count < parallelThreshold ? 1 : max(1, min(wanted, count))
        let bounds = (0...pieceCount).map { count * $0 / pieceCount }
        let results = UnsafeMutableBufferPointer<Result<String, InterchangeError>>.allocate(capacity: pieceCount)
        defer { results.deallocate() }
        let shared = Unchecked(results)
        let writePiece: @Sendable (Int) -> Void = { piece in
            var text = ""
            text.reserveCapacity((bounds[piece + 1] - bounds[piece]) * bytesPerRecord)
            do throws(InterchangeError) {
                for index in bounds[piece]..<bounds[piece + 1] { try writeRecord(index, &text) }
                (shared.value.baseAddress! + piece).initialize(to: .success(text))
            } catch {
                (shared.value.baseAddress! + piece).initialize(to: .failure(error))
            }
        }
        if pieceCount == 1 { writePiece(0) } else { DispatchQueue.concurrentPerform(iterations: pieceCount, execute: writePiece) }
        defer { results.baseAddress!.deinitialize(count: pieceCount) }
        var texts: [String] = []
        for result in results {
            switch result {
            case .success(let text): texts.append(text)
            case .failure(let error): throw error
            }
        }
        var data = Data(capacity: head.utf8.count + texts.reduce(0) { $0 + $1.utf8.count } + tail.utf8.count)
        for var text in [head] + texts + [tail] {
            text.withUTF8 { data.append($0) }
        }
        return data
    }
}
