import Domain
import Foundation
import Store
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Syncs with a hub over HTTP: each request signed with the station's key.
///
/// URLSession rather than AsyncHTTPClient: it ships with Foundation, so the station
/// builds minutes faster, and it is quick enough on a LAN (about 1 ms per request on
/// loopback). The station never waits on it: the effect runner syncs off the UI.
public final class HTTPTransport: SyncTransport {
    /// How long to wait for the hub, in seconds.
    public struct Timeouts: Sendable {
        /// The longest silence while connecting or waiting for bytes.
        public var request: TimeInterval
        /// The longest a whole exchange may take, a large batch included.
        public var resource: TimeInterval

        public init(request: TimeInterval = 10, resource: TimeInterval = 60) {
            self.request = request
            self.resource = resource
        }
    }

    public let hubURL: URL
    private let signer: RequestSigner
    private let session: URLSession
    private let clock: @Sendable () -> Date

    /// - Parameter clock: the time put in signatures; tests share it with the hub.
    public init(
        identity: StationIdentity, timeouts: Timeouts = Timeouts(), clock: @escaping @Sendable () -> Date = { Date() }
    ) throws {
        guard let address = identity.hubURL else { throw HTTPTransportError.badHubURL("") }
        hubURL = try Self.parseHubURL(address)
        signer = try RequestSigner(stationID: identity.stationID, privateKey: identity.privateKey)
        session = Self.makeSession(timeouts)
        self.clock = clock
    }

    deinit {
        session.finishTasksAndInvalidate()
    }

    public func exchange(_ request: SyncRequest) async throws -> SyncReply {
        let url = hubURL.appendingPathComponent(String(HubPath.sync.dropFirst()))
        let body = try SyncCoding.encoder().encode(request)
        var urlRequest = URLRequest(url: url)
        urlRequest.httpMethod = "POST"
        urlRequest.httpBody = body
        urlRequest.setValue("application/json", forHTTPHeaderField: "Content-Type")
        for (name, value) in try signer.headers(method: "POST", path: url.path, body: body, now: clock()) {
            urlRequest.setValue(value, forHTTPHeaderField: name)
        }
        let data = try await Self.send(urlRequest, over: session, hub: hubURL)
        do {
            return try SyncCoding.decode(SyncReply.self, from: data)
        } catch {
            throw HTTPTransportError.unreadableReply("\(error)")
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
        var urlRequest = URLRequest(url: base.appendingPathComponent(String(HubPath.enrol.dropFirst())))
        urlRequest.httpMethod = "POST"
        urlRequest.httpBody = body
        urlRequest.setValue("application/json", forHTTPHeaderField: "Content-Type")
        let session = makeSession(timeouts)
        defer { session.finishTasksAndInvalidate() }
        let data = try await send(urlRequest, over: session, hub: base)
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

    private static func makeSession(_ timeouts: Timeouts) -> URLSession {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeouts.request
        configuration.timeoutIntervalForResource = timeouts.resource
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.httpShouldSetCookies = false
        return URLSession(configuration: configuration)
    }

    /// Sends one request; a success's body, or a typed error with the hub's sentence.
    private static func send(_ request: URLRequest, over session: URLSession, hub: URL) async throws -> Data {
        let data: Data
        let response: URLResponse
        do {
            (data, response) = try await session.data(for: request)
        } catch let error as URLError {
            throw HTTPTransportError.unreachable(hub: hub.absoluteString, reason: error.localizedDescription)
        } catch {
            throw HTTPTransportError.unreachable(hub: hub.absoluteString, reason: "\(error)")
        }
        guard let http = response as? HTTPURLResponse else {
            throw HTTPTransportError.unreadableReply("the answer is not HTTP")
        }
        if (200..<300).contains(http.statusCode) { return data }
        let sentence = hubSentence(in: data) ?? "HTTP status \(http.statusCode)"
        switch http.statusCode {
        case 401: throw HTTPTransportError.unauthorized(sentence)
        case 403: throw HTTPTransportError.forbidden(sentence)
        default: throw HTTPTransportError.refused(status: http.statusCode, sentence)
        }
    }

    /// The hub's `{"error": "..."}` sentence, or the start of whatever else it sent.
    private static func hubSentence(in data: Data) -> String? {
        if let reply = try? JSONDecoder().decode(ErrorReply.self, from: data) { return reply.error }
        let text = String(decoding: data.prefix(300), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }
}
