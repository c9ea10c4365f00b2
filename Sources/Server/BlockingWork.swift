import Dispatch

/// Runs synchronous database work off Swift's cooperative threads.
///
/// `Hub` and `HubDatabase` block on SQLite; on a two-core hub the cooperative pool has
/// two threads, and one long write on them would stall every other request.
enum BlockingWork {
    private static let queue = DispatchQueue(label: "labeldesk.hub.database", attributes: .concurrent)

    static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try body() }) }
        }
    }
}
