import Dispatch
import Foundation

/// Pure work on many rows spread over every core, results in order: decoding what an
/// export read, after the reading (which must stay on the connection's thread) is done,
/// and checking and preparing what an import will insert (the hub's part of it).
public enum PieceWork {
    /// Below this many items one core does the work: starting threads costs more.
    static let parallelThreshold = 2_000

    /// Slots handed to the threads of one map; each piece writes only its own.
    private struct Unchecked<T>: @unchecked Sendable {
        let value: T
        init(_ value: T) { self.value = value }
    }

    /// `transform` of every index in `0..<count`, in order; the first failure by index is
    /// thrown. Typed, so a transform that cannot fail makes a map that cannot either.
    public static func map<Value, Failure: Error>(count: Int, _ transform: (Int) throws(Failure) -> Value) throws(Failure) -> [Value] {
        let pieceCount = count < parallelThreshold ? 1 : ProcessInfo.processInfo.activeProcessorCount
        guard pieceCount > 1 else { return try (0..<count).map(transform) }
        let results = UnsafeMutableBufferPointer<Result<[Value], Failure>>.allocate(capacity: pieceCount)
        defer { results.deallocate() }
        let outcome: Result<[Value], Failure> = withoutActuallyEscaping(transform) { transform in
            let shared = Unchecked((results, transform))
            DispatchQueue.concurrentPerform(iterations: pieceCount) { piece in
                let (results, transform) = shared.value
                let range = (count * piece / pieceCount)..<(count * (piece + 1) / pieceCount)
                (results.baseAddress! + piece).initialize(to: Result { () throws(Failure) -> [Value] in try range.map(transform) })
            }
            defer { results.baseAddress!.deinitialize(count: pieceCount) }
            var values: [Value] = []
            values.reserveCapacity(count)
            for result in results {
                switch result {
                case .success(let piece): values += piece
                case .failure(let failure): return .failure(failure)
                }
            }
            return .success(values)
        }
        return try outcome.get()
    }

    /// Starts `make` on another thread and gives back a function that waits for its
    /// value: for pure work beside what must stay on the connection's thread.
    static func inBackground<Value: Sendable>(_ make: @escaping @Sendable () -> Value) -> () -> Value {
        let box = Box<Value>()
        DispatchQueue.global(qos: .userInitiated).async {
            box.value = make()
            box.done.signal()
        }
        return {
            box.done.wait()
            guard let value = box.value else { fatalError("PieceWork.inBackground signalled without a value") }
            return value
        }
    }

    /// Where a background value waits; written once before `done` is signalled, read after.
    private final class Box<Value>: @unchecked Sendable {
        let done = DispatchSemaphore(value: 0)
        var value: Value?
    }
}
