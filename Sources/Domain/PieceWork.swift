import Dispatch
import Foundation

/// Pure work on many rows spread over every core, results in order: decoding what an
/// export read, after the reading (which must stay on the connection's thread) is done,
/// and reading and preparing a file's pieces while the ones before are inserted.
public enum PieceWork {
    /// Below this many items one core does the work: starting threads costs more.
    public static let parallelThreshold = 2_000

    /// Slots handed to the threads of one map; each piece writes only its own.
    @usableFromInline struct Unchecked<T>: @unchecked Sendable {
        @usableFromInline let value: T
        @usableFromInline init(_ value: T) { self.value = value }
    }

    /// `transform` of every index in `0..<count`, in order; the first failure by index is
    /// thrown. Typed, so a transform that cannot fail makes a map that cannot either.
    /// `onEveryCore: false` keeps it on this thread: for work that is itself one of
    /// several running side by side (a piece of `inOrder`).
    ///
    /// Inlinable, as `ranges` is: made for the caller's types, a map of a piece costs
    /// what a loop does, not a runtime lookup of generic types for every item.
    @inlinable
    public static func map<Value, Failure: Error>(
        count: Int, onEveryCore: Bool = true, _ transform: (Int) throws(Failure) -> Value
    ) throws(Failure) -> [Value] {
        let pieces = ranges(count: count, onEveryCore: onEveryCore) { range in
            Result { () throws(Failure) -> [Value] in try range.map(transform) }
        }
        if pieces.count == 1 { return try pieces[0].get() }
        var values: [Value] = []
        values.reserveCapacity(count)
        for piece in pieces { values += try piece.get() }
        return values
    }

    /// `make` of each of `0..<count`'s ranges, one per core, side by side, in order: for
    /// work that gathers a range's results into one value (rows in one buffer). One
    /// range, on this thread, below `parallelThreshold` items or when not `onEveryCore`.
    @inlinable
    public static func ranges<Value>(count: Int, onEveryCore: Bool = true, _ make: (Range<Int>) -> Value) -> [Value] {
        let pieceCount = count < parallelThreshold || !onEveryCore ? 1 : ProcessInfo.processInfo.activeProcessorCount
        guard pieceCount > 1 else { return [make(0..<count)] }
        let results = UnsafeMutableBufferPointer<Value>.allocate(capacity: pieceCount)
        defer { results.deallocate() }
        return withoutActuallyEscaping(make) { make in
            let shared = Unchecked((results, make))
            DispatchQueue.concurrentPerform(iterations: pieceCount) { piece in
                let (results, make) = shared.value
                (results.baseAddress! + piece).initialize(to: make((count * piece / pieceCount)..<(count * (piece + 1) / pieceCount)))
            }
            defer { results.baseAddress!.deinitialize(count: pieceCount) }
            return Array(results)
        }
    }

    /// Starts `make` on another thread and gives back a function that waits for its
    /// value: for pure work beside what must stay on the connection's thread.
    public static func inBackground<Value: Sendable>(_ make: @escaping @Sendable () -> Value) -> () -> Value {
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

    /// `make` of every index in `0..<count`, each handed to `consume` on this thread in
    /// order, while the next ones (at most `ahead` at a time) are made on other threads.
    ///
    /// For a file read and stored in pieces: the pieces after this one are read (pure
    /// work, any thread) while this one is inserted (which must stay on the connection's
    /// thread), so the reading costs no time of its own. When `consume` throws, no more
    /// pieces are started, those running are waited for, and the error is thrown: `make`
    /// may use memory that lives only as long as this call.
    public static func inOrder<Value: Sendable>(
        count: Int, ahead: Int = ProcessInfo.processInfo.activeProcessorCount,
        make: @escaping @Sendable (Int) -> Value, consume: (Value) throws -> Void
    ) throws {
        guard count > 1 else {
            if count == 1 { try consume(make(0)) }
            return
        }
        let slots = Slots<Value>(count: count)
        let group = DispatchGroup()
        func start(_ index: Int) {
            DispatchQueue.global(qos: .userInitiated).async(group: group) {
                guard !slots.isCancelled else { return }
                slots.fill(index, with: make(index))
            }
        }
        let window = max(1, ahead)
        for index in 0..<min(window, count) { start(index) }
        defer { group.wait() }
        for index in 0..<count {
            let value = slots.take(index)
            if index + window < count { start(index + window) }
            do { try consume(value) } catch {
                slots.cancel()
                throw error
            }
        }
    }

    /// The results of `inOrder`, each filled once by its worker and taken once by the
    /// consumer, under one condition.
    private final class Slots<Value>: @unchecked Sendable {
        private let condition = NSCondition()
        private var values: [Value?]
        private var cancelled = false

        init(count: Int) { values = Array(repeating: nil, count: count) }

        var isCancelled: Bool {
            condition.lock()
            defer { condition.unlock() }
            return cancelled
        }

        func cancel() {
            condition.lock()
            cancelled = true
            condition.unlock()
        }

        func fill(_ index: Int, with value: Value) {
            condition.lock()
            values[index] = value
            condition.broadcast()
            condition.unlock()
        }

        func take(_ index: Int) -> Value {
            condition.lock()
            defer { condition.unlock() }
            while true {
                if let value = values[index] {
                    values[index] = nil
                    return value
                }
                condition.wait()
            }
        }
    }

    /// Where a background value waits; written once before `done` is signalled, read after.
    private final class Box<Value>: @unchecked Sendable {
        let done = DispatchSemaphore(value: 0)
        var value: Value?
    }
}
