import AsyncHTTPClient
import Domain
import Foundation
import NIOCore
import Store

/// Syncs with a hub over HTTP: each request signed with the station's key.
///
/// AsyncHTTPClient rather than URLSession: on Linux, URLSession traps ("Transfer
/// completed, but there's no response") when a reply is cut inside its headers, which
/// the fault test provokes by killing the hub; that would take the labeler's screen
/// down with it. AsyncHTTPClient reports the same cut as an error. The station never
/// waits on it: the effect runner syncs off the UI.
public final class HTTPTransport: SyncTransport {
    /// How long to wait for the hub, in seconds.
    public struct Timeouts: Sendable {
        /// The longest a whole exchange may take, from connecting to the last byte of
        /// the reply, a large batch included. Past it the sync fails and is retried later.
        public var exchange: TimeInterval

        public init(exchange: TimeInterval = 60) {
            self.exchange = exchange
        }
    }

    public let hubURL: URL
    private let signer: RequestSigner
    private let timeouts: Timeouts
    private let clock: @Sendable () -> Date

    /// - Parameter clock: the time put in signatures; tests share it with the hub.
    public init(
        identity: StationIdentity, timeouts: Timeouts = Timeouts(), clock: @escaping @Sendable () -> Date = { Date() }
    ) throws {
        guard let address = identity.hubURL else { throw HTTPTransportError.badHubURL("") }
        hubURL = try Self.parseHubURL(address)
        signer = try RequestSigner(stationID: identity.stationID, privateKey: identity.privateKey)
        self.timeouts = timeouts
        self.clock = clock
    }

    public func exchange(_ request: SyncRequest) async throws -> SyncReply {
        let url = hubURL.appendingPathComponent(String(HubPath.sync.dropFirst()))
        let body = try SyncCoding.encode(request)
        let headers = try signer.headers(method: "POST", path: url.path, body: body, now: clock())
        let data = try await Self.post(body, to: url, headers: headers, timeouts: timeouts, hub: hubURL)
        do {
            return try SyncCoding.decode(SyncReply.self, from: data)
        } catch {
            throw HTTPTransportError.unreadableReply("\(error)")
        }
    }

    /// `POST /v1/lead`: the floor for a lead's console, signed as a sync is.
    public func lead(_ request: LeadRequest) async throws -> LeadReply {
        let url = hubURL.appendingPathComponent(String(HubPath.lead.dropFirst()))
        let body = try SyncCoding.encoder().encode(request)
        let headers = try signer.headers(method: "POST", path: url.path, body: body, now: clock())
        let data = try await Self.post(body, to: url, headers: headers, timeouts: timeouts, hub: hubURL)
        do {
            return try SyncCoding.decode(LeadReply.self, from: data)
        } catch {
            throw HTTPTransportError.unreadableReply("\(error)")
        }
    }

    /// `GET /v1/media/SHA256` with `Range: bytes=OFFSET-`, signed as a sync is (over an
    /// empty body); each piece of the reply is handed on as it arrives.
    public func fetchMedia(
        _ media: MediaReference, for stationID: String, from offset: Int, receive: (Data) throws -> Void
    ) async throws {
        let url = hubURL.appendingPathComponent(String(HubPath.media(media.sha256).dropFirst()))
        let headers = try signer.headers(method: "GET", path: url.path, body: Data(), now: clock())
        var request = HTTPClientRequest(url: url.absoluteString)
        request.method = .GET
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if offset > 0 { request.headers.add(name: "Range", value: "bytes=\(offset)-") }
        let response: HTTPClientResponse
        do {
            response = try await Self.execute(request, resending: .ifUnanswered, timeouts: timeouts)
        } catch {
            throw HTTPTransportError.unreachable(hub: hubURL.absoluteString, reason: Self.reason(for: error, timeouts: timeouts))
        }
        let status = response.status.code
        guard status == 200 || status == 206 else {
            let body = (try? await response.body.collect(upTo: 64 * 1024)).map { Data($0.readableBytesView) } ?? Data()
            throw Self.refusal(status: status, body: body)
        }
        // A hub that ignored the range sends the whole file: skip what is already here.
        var skip = status == 200 ? offset : 0
        if status == 206 {
            let range = response.headers["Content-Range"].first ?? ""
            guard range.hasPrefix("bytes \(offset)-") else {
                throw MediaFetchError.unexpectedReply("asked for bytes from \(offset), and the hub sent \"\(range)\"")
            }
        }
        do {
            for try await buffer in response.body {
                var piece = Data(buffer.readableBytesView)
                if skip > 0 {
                    let dropped = min(skip, piece.count)
                    piece.removeFirst(dropped)
                    skip -= dropped
                }
                if !piece.isEmpty { try receive(piece) }
            }
        } catch let error as MediaError {
            throw error
        } catch {
            throw HTTPTransportError.unreachable(hub: hubURL.absoluteString, reason: Self.reason(for: error, timeouts: timeouts))
        }
    }

    /// Enrols this station at a hub with a one-time code from the hub's admin.
    ///
    /// Makes the station's key pair here, sends the hub only the public half, and
    /// returns the identity to save (`StationDatabase.saveIdentity`).
    public static func enrol(
        hubURL: String, code: String, timeouts: Timeouts = Timeouts(), now: Date = Date()
    ) async throws -> StationIdentity {
        let base = try parseHubURL(hubURL)
        let keys = StationKeyPair()
        let body = try SyncCoding.encoder().encode(EnrolmentRequest(code: code, publicKey: keys.publicKey.base64EncodedString()))
        let data = try await post(body, to: base.appendingPathComponent(String(HubPath.enrol.dropFirst())), headers: [:], timeouts: timeouts, hub: base)
        let reply: EnrolmentReply
        do {
            reply = try SyncCoding.decode(EnrolmentReply.self, from: data)
        } catch {
            throw HTTPTransportError.unreadableReply("\(error)")
        }
        guard let hubKey = Data(base64Encoded: reply.hubPublicKey), hubKey.count == 32 else {
            throw HTTPTransportError.unreadableReply("the hub's public key is not a base64 32-byte key")
        }
        return StationIdentity(
            stationID: reply.stationID, privateKey: keys.privateKey, hubURL: base.absoluteString,
            hubPublicKey: hubKey, enrolledAt: now)
    }

    /// `http://host:port` with an optional base path; anything else is refused.
    static func parseHubURL(_ text: String) throws -> URL {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let url = URL(string: trimmed), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = url.host, !host.isEmpty
        else { throw HTTPTransportError.badHubURL(text) }
        return url
    }

    /// One HTTP client for every hub request of this process.
    ///
    /// Not AsyncHTTPClient's shared one: that one retries a refused connection until the
    /// request's deadline, so with the hub down every sync, and the last one on quitting,
    /// hung for the whole exchange timeout. Here a hub that does not take the connection
    /// fails the sync at once (or after 5 s for a host that never answers), and the
    /// station's own backoff decides when to try again. Redirects are not followed: a
    /// signed request names its path.
    private static let client: HTTPClient = {
        var configuration = HTTPClient.Configuration()
        configuration.timeout = HTTPClient.Configuration.Timeout(connect: .seconds(5))
        configuration.redirectConfiguration = .disallow
        configuration.connectionPool.retryConnectionEstablishment = false
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }()

    /// When a request whose connection failed may be sent again.
    enum Resending: Sendable {
        /// Only when it never went out: safe for every request.
        case ifUnsent
        /// Also when the connection failed before any reply came: for a request the hub
        /// answers the same however often it comes (a GET of media).
        case ifUnanswered
    }

    /// Sends a request on the client, again on a fresh connection when the pooled one
    /// failed as `resending` allows.
    private static func execute(_ request: HTTPClientRequest, resending: Resending, timeouts: Timeouts) async throws -> HTTPClientResponse {
        try await sendingAgain(resending) {
            try await client.execute(request, timeout: .milliseconds(Int64(timeouts.exchange * 1000)))
        }
    }

    /// Runs `send`, and again (up to `attempts` in all) while it fails on a connection
    /// as `resending` allows; any other failure is the caller's.
    ///
    /// A hub, or a proxy in front of it, may close a kept-alive connection just as the
    /// pool hands it to the next request. Caught before the request is written, the
    /// client fails it with `ioOnClosedChannel` having sent nothing; caught after, with a
    /// reset or a closed connection and no reply. A sync is not sent again on the second
    /// (the hub may have acted on it: the station's backoff tries again later); a GET is.
    static func sendingAgain<Reply>(_ resending: Resending, attempts: Int = 3, _ send: () async throws -> Reply) async throws -> Reply {
        var attempt = 1
        while true {
            do {
                return try await send()
            } catch where attempt < attempts && mayResend(after: error, resending) {
                attempt += 1
            }
        }
    }

    private static func mayResend(after error: Error, _ resending: Resending) -> Bool {
        if let channel = error as? ChannelError, channel == .ioOnClosedChannel { return true }
        guard resending == .ifUnanswered else { return false }
        if let client = error as? HTTPClientError, client == .remoteConnectionClosed { return true }
        if let io = error as? IOError, io.errnoCode == ECONNRESET || io.errnoCode == EPIPE { return true }
        return false
    }

    /// The largest reply read: a reply carries at most a batch of leases.
    static let maximumReplySize = 256 * 1024 * 1024

    /// Sends one POST; a success's body, or a typed error with the hub's sentence.
    private static func post(_ body: Data, to url: URL, headers: [String: String], timeouts: Timeouts, hub: URL) async throws -> Data {
        var request = HTTPClientRequest(url: url.absoluteString)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        request.body = .bytes(ByteBuffer(bytes: body))
        let status: UInt
        let data: Data
        do {
            let response = try await execute(request, resending: .ifUnsent, timeouts: timeouts)
            status = response.status.code
            let buffer = try await response.body.collect(upTo: maximumReplySize)
            data = Data(buffer.readableBytesView)
        } catch {
            throw HTTPTransportError.unreachable(hub: hub.absoluteString, reason: reason(for: error, timeouts: timeouts))
        }
        if (200..<300).contains(status) { return data }
        throw refusal(status: status, body: data)
    }

    /// The typed error for a hub's answer that is not a success, with its sentence.
    private static func refusal(status: UInt, body: Data) -> HTTPTransportError {
        let sentence = hubSentence(in: body) ?? "HTTP status \(status)"
        switch status {
        case 401: return .unauthorized(sentence)
        case 403: return .forbidden(sentence)
        default: return .refused(status: Int(status), sentence)
        }
    }

    /// A few words for why the hub did not answer, not the network library's dump.
    public static func reason(for error: Error, timeouts: Timeouts = Timeouts()) -> String {
        if let io = error as? IOError { return String(cString: strerror(io.errnoCode)).lowercased() }
        if let client = error as? HTTPClientError {
            switch client {
            case .connectTimeout, .deadlineExceeded, .readTimeout:
                return "no answer within \(Int(timeouts.exchange)) s"
            case .remoteConnectionClosed:
                return "the connection was closed before the reply was complete"
            default:
                break
            }
        }
        let text = String(describing: error)
        if let errno = text.range(of: "errno: "), let code = Int32(text[errno.upperBound...].prefix { $0.isNumber }) {
            return String(cString: strerror(code)).lowercased()
        }
        return String(text.prefix(160))
    }

    /// The hub's `{"error": "..."}` sentence, or the start of whatever else it sent.
    private static func hubSentence(in data: Data) -> String? {
        if let reply = try? JSONDecoder().decode(ErrorReply.self, from: data) { return reply.error }
        let text = String(decoding: data.prefix(300), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }
}
