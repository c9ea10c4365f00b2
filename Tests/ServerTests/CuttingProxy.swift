import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A tiny HTTP proxy on 127.0.0.1 for tests: passes requests to a hub, and does to the
/// replies to media requests what the test asks (cut them short, flip a byte).
///
/// One request per connection (it asks the hub to close after replying), one thread
/// per connection, every socket with a 5 s timeout: bounded, so a test cannot hang on it.
final class CuttingProxy: @unchecked Sendable {
    /// What to do to the reply to the `index`-th media request (0-based).
    struct Plan: Sendable {
        /// Close the connection after this many bytes of the reply's body.
        var cutAfterBodyBytes: Int?
        /// Flip the lowest bit of the body byte at this offset.
        var flipBodyByteAt: Int?

        static let passThrough = Plan()
    }

    let port: Int
    private let listener: Int32
    private let upstreamPort: Int
    private let plan: @Sendable (Int) -> Plan
    private let lock = NSLock()
    private var mediaRequests = 0
    private var ranges: [String] = []
    private var stopped = false

    var url: String { "http://127.0.0.1:\(port)" }

    /// The `Range` header of each media request, in order ("" when none).
    var mediaRanges: [String] { lock.withLock { ranges } }

    init(upstreamPort: Int, plan: @escaping @Sendable (Int) -> Plan) throws {
        self.upstreamPort = upstreamPort
        self.plan = plan
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw ProxyError("socket: \(errno)") }
        var yes: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = Self.loopback(port: 0)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(descriptor, 16) == 0 else {
            close(descriptor)
            throw ProxyError("bind/listen: \(errno)")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        listener = descriptor
        port = Int(UInt16(bigEndian: address.sin_port))
        Thread.detachNewThread { [self] in acceptLoop() }
    }

    func stop() {
        lock.withLock { stopped = true }
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    private func acceptLoop() {
        while !lock.withLock({ stopped }) {
            let client = accept(listener, nil, nil)
            guard client >= 0 else { return }
            Self.setTimeout(client)
            Thread.detachNewThread { [self] in serve(client) }
        }
    }

    private func serve(_ client: Int32) {
        defer { close(client) }
        guard var request = Self.readRequest(from: client) else { return }
        let head = String(decoding: request.prefix(4096), as: UTF8.self)
        let isMedia = head.hasPrefix("GET /v1/media/")
        var plan = Plan.passThrough
        if isMedia {
            let range = head.components(separatedBy: "\r\n")
                .first { $0.lowercased().hasPrefix("range:") }
                .map { String($0.dropFirst(6)).trimmingCharacters(in: .whitespaces) } ?? ""
            plan = lock.withLock {
                ranges.append(range)
                mediaRequests += 1
                return self.plan(mediaRequests - 1)
            }
        }
        request = Self.askingToClose(request)
        let upstream = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard upstream >= 0 else { return }
        defer { close(upstream) }
        Self.setTimeout(upstream)
        var address = Self.loopback(port: upstreamPort)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(upstream, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0, Self.writeAll(request, to: upstream) else { return }

        // Forward the reply; count body bytes once the head has passed.
        var headSeen = Data()
        var headPassed = false
        var bodySent = 0
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let count = recv(upstream, &buffer, buffer.count, 0)
            guard count > 0 else { return }
            var piece = Data(buffer[0..<count])
            var headPart = Data()
            if !headPassed {
                // The head is held until whole, and goes on saying the connection closes
                // after this reply, as it will: a client must not send another on it.
                headSeen.append(piece)
                guard let end = headSeen.range(of: Data("\r\n\r\n".utf8)) else { continue }
                headPassed = true
                headPart = Self.closing(headSeen[..<end.upperBound])
                piece = headSeen[end.upperBound...]
            }
            if let flip = plan.flipBodyByteAt, (bodySent..<bodySent + piece.count).contains(flip) {
                let index = piece.startIndex + (flip - bodySent)
                piece[index] ^= 0x01
            }
            if let cut = plan.cutAfterBodyBytes, bodySent + piece.count >= cut {
                _ = Self.writeAll(headPart + piece.prefix(cut - bodySent), to: client)
                // End our side with a FIN, not a reset, so every byte sent arrives
                // before the client learns the reply was cut; then wait for it to hang up.
                shutdown(client, Int32(SHUT_WR))
                var sink = [UInt8](repeating: 0, count: 1024)
                while recv(client, &sink, sink.count, 0) > 0 {}
                return
            }
            bodySent += piece.count
            guard Self.writeAll(headPart + piece, to: client) else { return }
        }
    }

    // MARK: Sockets

    private static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }

    private static func setTimeout(_ socket: Int32) {
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(socket, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    /// The request's head and as much body as its Content-Length says.
    private static func readRequest(from socket: Int32) -> Data? {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            if let end = data.range(of: Data("\r\n\r\n".utf8)) {
                let head = String(decoding: data[..<end.lowerBound], as: UTF8.self).lowercased()
                let length = head.components(separatedBy: "\r\n")
                    .first { $0.hasPrefix("content-length:") }
                    .flatMap { Int($0.dropFirst(15).trimmingCharacters(in: .whitespaces)) } ?? 0
                if data.count - end.upperBound >= length { return data }
            }
            let count = recv(socket, &buffer, buffer.count, 0)
            guard count > 0 else { return nil }
            data.append(contentsOf: buffer[0..<count])
        }
    }

    /// The request with `Connection: close`, so the hub ends the connection after its reply.
    private static func askingToClose(_ request: Data) -> Data {
        guard let end = request.range(of: Data("\r\n\r\n".utf8)) else { return request }
        return closing(request[..<end.upperBound]) + request[end.upperBound...]
    }

    /// A message head (through its blank line) with `Connection: close` in place of any
    /// `Connection` header it had.
    private static func closing(_ head: Data) -> Data {
        let lines = String(decoding: head, as: UTF8.self).components(separatedBy: "\r\n")
            .filter { !$0.isEmpty && !$0.lowercased().hasPrefix("connection:") }
        return Data((lines + ["Connection: close"]).joined(separator: "\r\n").utf8) + Data("\r\n\r\n".utf8)
    }

    private static func writeAll(_ data: Data, to socket: Int32) -> Bool {
        var offset = 0
        let bytes = [UInt8](data)
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard written > 0 else { return false }
            offset += written
        }
        return true
    }
}

struct ProxyError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
