import Dispatch

/// A value worked out on another thread while the caller does something else, waited for when needed.
///
/// For the one place a transaction's thread has SQLite work to do and something pure
/// could be made beside it (an import's judgements, while its tasks go in): the machine
/// has a second core, and a GRDB connection may only be used on the thread it runs on.
final class BackgroundValue<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    // Written once by the worker before `done` is signalled, read only after waiting for it.
    private var result: Value?

    init(_ make: @escaping @Sendable () -> Value) {
        DispatchQueue.global(qos: .userInitiated).async {
            self.result = make()
            self.done.signal()
        }
    }

    /// Waits for the value; call once.
    func value() -> Value {
        done.wait()
        guard let result else { fatalError("BackgroundValue signalled without a value") }
        return result
    }
}
