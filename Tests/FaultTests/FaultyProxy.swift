import Domain
import Foundation
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// A TCP proxy on 127.0.0.1 between the stations and the hub that breaks exchanges on purpose.
///
/// Stations enrol through it, so the hub address they keep is the proxy's, and it
/// follows the hub to whatever port it listens on after a restart (`retarget`). With
/// faults on, each request draws its fate from a seeded generator: pass; cut while the
/// request is still going up (the hub must not apply half a request); cut after the hub
/// has answered and part of the answer has gone back (the hub applied it, the station
/// never hears); or have the station's process killed at that very moment, mid-sync.
///
/// HTTP/1.1 without pipelining: a request starts when the client sends after the
/// previous reply began, so a kept-alive connection still meets a new draw per request.
final class FaultyProxy: @unchecked Sendable {
    enum Fate: Equatable {
        case pass
        /// Forward this many bytes of the request, then close both sides.
        case cutRequest(afterBytes: Int)
        /// Forward this many bytes of the reply, then close both sides.
        case cutReply(afterBytes: Int)
        /// When the reply starts, ask for the requesting station to be killed, then close.
        case killStation
    }

    /// What the proxy did, for the report.
    struct Tally: Sendable {
        var connections = 0
        var requests = 0
        var cutRequests = 0
        var cutReplies = 0
        var stationsKilledMidReply = 0
        /// Connections refused because the hub was down.
        var hubDown = 0
    }

    let port: Int
    private let listener: Int32
    private let lock = NSLock()
    private var upstreamPort: Int
    private var faultsOn = false
    private var random: SeededRandom
    private var stopped = false
    private var counts = Tally()
    private var openSockets: Set<Int32> = []
    private var killStation: (@Sendable (String) -> Bool)?
    private let relays = DispatchGroup()

    struct SocketFailure: Error, CustomStringConvertible {
        var description: String
    }

    init(upstreamPort: Int, seed: UInt64) throws {
        self.upstreamPort = upstreamPort
        random = SeededRandom(seed: seed)
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard listener >= 0 else { throw SocketFailure(description: "socket: \(String(cString: strerror(errno)))") }
        var yes: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = Self.loopback(port: 0)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(listener, 64) == 0 else {
            close(listener)
            throw SocketFailure(description: "bind/listen: \(String(cString: strerror(errno)))")
        }
        var chosen = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &chosen) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        port = Int(UInt16(bigEndian: chosen.sin_port))
        self.listener = listener
    }

    var url: String { "http://127.0.0.1:\(port)" }

    var tally: Tally { lock.withLock { counts } }

    /// Sends new connections to the hub's new port; connections to the old one are dead anyway.
    func retarget(to port: Int) {
        lock.withLock { upstreamPort = port }
    }

    func setFaults(_ on: Bool) {
        lock.withLock { faultsOn = on }
    }

    /// Who kills a station when a `.killStation` fate comes up; returns whether it did.
    func onKillStation(_ kill: @escaping @Sendable (String) -> Bool) {
        lock.withLock { killStation = kill }
    }

    func start() {
        let thread = Thread { [self] in acceptLoop() }
        thread.name = "faulty-proxy-accept"
        relays.enter()
        thread.start()
    }

    /// Stops accepting, cuts every connection and waits (briefly) for the relays to end.
    func stop() {
        let sockets = lock.withLock {
            stopped = true
            return openSockets
        }
        for descriptor in sockets { shutdown(descriptor, Int32(SHUT_RDWR)) }
        _ = relays.wait(timeout: .now() + 5)
        close(listener)
    }

    // MARK: Relaying

    private func acceptLoop() {
        defer { relays.leave() }
        while !lock.withLock({ stopped }) {
            var waiting = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
            guard poll(&waiting, 1, 100) > 0 else { continue }
            let client = CleanSpawn.descriptorLock.withLock {
                let accepted = accept(listener, nil, nil)
                if accepted >= 0 { _ = fcntl(accepted, F_SETFD, FD_CLOEXEC) }
                return accepted
            }
            guard client >= 0 else { continue }
            lock.withLock { counts.connections += 1 }
            relays.enter()
            let thread = Thread { [self] in
                defer { relays.leave() }
                relay(client)
            }
            thread.name = "faulty-proxy-relay"
            thread.start()
        }
    }

    private func relay(_ client: Int32) {
        guard let upstream = connectUpstream() else {
            lock.withLock { counts.hubDown += 1 }
            close(client)
            return
        }
        let registered = lock.withLock {
            guard !stopped else { return false }
            openSockets.formUnion([client, upstream])
            return true
        }
        defer {
            lock.withLock { openSockets.subtract([client, upstream]) }
            shutdown(client, Int32(SHUT_RDWR))
            shutdown(upstream, Int32(SHUT_RDWR))
            close(client)
            close(upstream)
        }
        guard registered else { return }

        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var fate = Fate.pass
        var station: String?
        var requestBytes = 0
        var replyBytes = 0
        var newRequest = true
        while !lock.withLock({ stopped }) {
            var sockets = [pollfd(fd: client, events: Int16(POLLIN), revents: 0), pollfd(fd: upstream, events: Int16(POLLIN), revents: 0)]
            guard poll(&sockets, 2, 250) >= 0 || errno == EINTR else { return }
            if sockets[0].revents != 0 {
                let count = recv(client, &buffer, buffer.count, 0)
                guard count > 0 else { return }
                if newRequest {
                    newRequest = false
                    requestBytes = 0
                    replyBytes = 0
                    station = station ?? Self.stationHeader(in: buffer[0..<count])
                    fate = drawFate(knowsStation: station != nil)
                }
                if case .cutRequest(let limit) = fate, requestBytes + count >= limit {
                    _ = sendAll(upstream, buffer[0..<max(0, limit - requestBytes)])
                    lock.withLock { counts.cutRequests += 1 }
                    return
                }
                requestBytes += count
                guard sendAll(upstream, buffer[0..<count]) else { return }
            }
            if sockets[1].revents != 0 {
                let count = recv(upstream, &buffer, buffer.count, 0)
                guard count > 0 else { return }
                // "100 Continue" is not the reply yet: the request's body follows it.
                if replyBytes == 0, Self.isInterim(buffer[0..<count]) {
                    guard sendAll(client, buffer[0..<count]) else { return }
                    continue
                }
                newRequest = true
                switch fate {
                case .cutReply(let limit) where replyBytes + count >= limit:
                    _ = sendAll(client, buffer[0..<max(0, limit - replyBytes)])
                    lock.withLock { counts.cutReplies += 1 }
                    return
                case .killStation:
                    if let station, lock.withLock({ killStation })?(station) == true {
                        lock.withLock { counts.stationsKilledMidReply += 1 }
                        return
                    }
                default:
                    break
                }
                replyBytes += count
                guard sendAll(client, buffer[0..<count]) else { return }
            }
        }
    }

    private func drawFate(knowsStation: Bool) -> Fate {
        lock.withLock {
            counts.requests += 1
            guard faultsOn else { return .pass }
            let roll = random.pick(0...99)
            switch roll {
            case 0..<26: return .cutReply(afterBytes: random.pick(1...1500))
            case 26..<32: return .cutRequest(afterBytes: random.pick(1...700))
            case 32..<38: return knowsStation ? .killStation : .cutReply(afterBytes: random.pick(1...1500))
            default: return .pass
            }
        }
    }

    private func connectUpstream() -> Int32? {
        let target = lock.withLock { upstreamPort }
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { return nil }
        var address = Self.loopback(port: target)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(descriptor)
            return nil
        }
        return descriptor
    }

    /// Writes all of `bytes`; false when the peer is gone. Never raises SIGPIPE.
    private func sendAll(_ descriptor: Int32, _ bytes: ArraySlice<UInt8>) -> Bool {
        var offset = bytes.startIndex
        while offset < bytes.endIndex {
            let written = bytes[offset...].withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { return false }
            offset += written
        }
        return true
    }

    private static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }

    /// The station a request speaks for, from its signature header.
    static func stationHeader(in bytes: ArraySlice<UInt8>) -> String? {
        let text = String(decoding: bytes.prefix(8192), as: UTF8.self)
        for line in text.split(separator: "\r\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            if line[..<colon].lowercased() == "x-labeldesk-station" {
                return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
        }
        return nil
    }

    static func isInterim(_ bytes: ArraySlice<UInt8>) -> Bool {
        String(decoding: bytes.prefix(12), as: UTF8.self).hasPrefix("HTTP/1.1 100")
    }
}
