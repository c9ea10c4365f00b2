import AsyncHTTPClient
import Foundation
import NIOCore
@testable import Sync
import Testing

/// A kept-alive connection the hub closed just as the pool handed it out fails the
/// request unsent; the transport sends it again rather than failing the sync.
@Suite("Sending a request again when its connection had closed")
struct SendingAgainTests {
    /// Counts calls and fails the first `failures` of them with `error`.
    final class Flaky: @unchecked Sendable {
        var calls = 0
        let failures: Int
        let error: Error
        init(failures: Int, error: Error) {
            self.failures = failures
            self.error = error
        }
        func send() throws -> String {
            calls += 1
            if calls <= failures { throw error }
            return "reply \(calls)"
        }
    }

    @Test(arguments: [HTTPTransport.Resending.ifUnsent, .ifUnanswered])
    func aRequestWhoseConnectionHadClosedIsSentAgain(resending: HTTPTransport.Resending) async throws {
        let flaky = Flaky(failures: 2, error: ChannelError.ioOnClosedChannel)
        let reply = try await HTTPTransport.sendingAgain(resending) { try flaky.send() }
        #expect(reply == "reply 3")
        #expect(flaky.calls == 3)
    }

    @Test func itIsSentAtMostThreeTimes() async throws {
        let flaky = Flaky(failures: 5, error: ChannelError.ioOnClosedChannel)
        await #expect(throws: ChannelError.ioOnClosedChannel) {
            try await HTTPTransport.sendingAgain(.ifUnsent) { try flaky.send() }
        }
        #expect(flaky.calls == 3)
    }

    @Test(arguments: [HTTPClientError.remoteConnectionClosed, IOError(errnoCode: ECONNRESET, reason: "read")] as [Error])
    func aRequestThatMayHaveArrivedIsSentAgainOnlyWhenTheHubAnswersItAlike(error: Error) async throws {
        let sync = Flaky(failures: 1, error: error)
        await #expect(throws: (any Error).self) { try await HTTPTransport.sendingAgain(.ifUnsent) { try sync.send() } }
        #expect(sync.calls == 1)

        let media = Flaky(failures: 1, error: error)
        #expect(try await HTTPTransport.sendingAgain(.ifUnanswered) { try media.send() } == "reply 2")
    }

    @Test func aTimeoutIsNeverSentAgain() async throws {
        for error in [HTTPClientError.deadlineExceeded, HTTPClientError.connectTimeout] {
            let flaky = Flaky(failures: 1, error: error)
            await #expect(throws: error) { try await HTTPTransport.sendingAgain(.ifUnanswered) { try flaky.send() } }
            #expect(flaky.calls == 1)
        }
    }
}
