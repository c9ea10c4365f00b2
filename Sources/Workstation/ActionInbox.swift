import Synchronization

/// Where effects post their answers for the run loop, from any thread.
public final class ActionInbox: Sendable {
    private let actions = Mutex<[AppAction]>([])

    public init() {}

    public func post(_ action: AppAction) {
        actions.withLock { $0.append(action) }
    }

    /// Takes every action posted so far, oldest first.
    public func drain() -> [AppAction] {
        actions.withLock { pending in
            defer { pending = [] }
            return pending
        }
    }
}
