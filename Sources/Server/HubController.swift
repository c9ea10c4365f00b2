import Domain
import Foundation
import Hub
import Hummingbird
import Logging
import Store
import Sync

/// The hub's three endpoints: health, enrolment and sync.
///
/// Each handler reads the body within the size limit, checks who is asking, decodes,
/// and only then lets the hub change anything; every refusal is a `ServerError` with a
/// sentence. The rules themselves live in `Hub` and `Sync`, not here.
struct HubController: Sendable {
    let hub: Hub
    let database: HubDatabase
    let verifier: RequestVerifier
    let configuration: ServerConfiguration

    func addRoutes(to router: Router<BasicRequestContext>) {
        router.get(RouterPath(HubPath.health)) { _, _ in
            JSONResponse.make(["status": "ok"])
        }
        router.post(RouterPath(HubPath.enrol)) { request, _ in
            try await answering { try await enrol(request) }
        }
        router.post(RouterPath(HubPath.sync)) { request, _ in
            try await answering { try await sync(request) }
        }
        router.post(RouterPath(HubPath.lead)) { request, _ in
            try await answering { try await lead(request) }
        }
        router.get(RouterPath(HubPath.media + "/:sha256")) { request, context in
            try await answering { try await media(request, sha256: context.parameters.get("sha256") ?? "") }
        }
    }

    /// `GET /v1/media/SHA256`: one file of the media store, whole or from `Range: bytes=N-`.
    ///
    /// Signed as a sync is (over an empty body) and checked by the same verifier, which
    /// records the nonce: a request is used once. A station gets only files a task
    /// leased to it names. A range is answered 206 with `Content-Range`, so a station
    /// whose transfer was cut asks for the rest and keeps what it had.
    func media(_ request: Request, sha256: String) async throws -> Response {
        let now = configuration.clock()
        let headers = signatureHeaders(of: request)
        let method = request.method.rawValue
        let path = request.uri.path
        let range = request.headers[.range]
        let (hub, verifier) = (hub, verifier)
        do {
            let (stored, offset, bytes) = try await BlockingWork.run { () throws -> (StoredMedia, Int, Data) in
                let stationID = try verifier.authenticate(method: method, path: path, header: { headers[$0] }, body: Data(), now: now)
                let stored = try hub.media(sha256, forStation: stationID)
                let size = stored.reference.byteCount
                let offset = try MediaRange.start(of: range, size: size)
                return (stored, offset, try stored.read(from: offset, length: size - offset))
            }
            let size = stored.reference.byteCount
            var fields: HTTPFields = [.contentType: "application/octet-stream", .acceptRanges: "bytes"]
            if range != nil { fields[.contentRange] = "bytes \(offset)-\(size - 1)/\(size)" }
            return Response(
                status: range == nil ? .ok : .partialContent, headers: fields,
                body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
        } catch let failure as AuthenticationFailure {
            configuration.logger.warning("request refused", metadata: ["reason": "\(failure)"])
            throw ServerError(.unauthorized, failure.description)
        } catch let refusal as MediaRequestRefusal {
            switch refusal {
            case .malformedName: throw ServerError.badRequest(refusal.description)
            case .notStored: throw ServerError(.notFound, refusal.description)
            case .notLeased: throw ServerError(.forbidden, refusal.description)
            }
        } catch let problem as MediaRange.Problem {
            throw ServerError(.rangeNotSatisfiable, problem.description)
        }
    }

    /// `POST /v1/enrol`: no signature yet (the station has no key the hub knows); the
    /// one-time code is the proof.
    func enrol(_ request: Request) async throws -> Response {
        let body = try await collectBody(request)
        let enrolment = try decode(EnrolmentRequest.self, from: body)
        let database = database
        let now = configuration.clock()
        do {
            let reply = try await BlockingWork.run { try HubEnrolment.enrol(enrolment, database: database, now: now) }
            configuration.logger.info("station enrolled", metadata: ["station": "\(reply.stationID)"])
            return JSONResponse.make(reply)
        } catch let error as StoreError {
            switch error {
            case .unknownEnrolmentCode, .enrolmentCodeExpired, .stationRevoked:
                throw ServerError(.forbidden, error.description)
            default:
                throw ServerError.badRequest(error.description)
            }
        }
    }

    /// `POST /v1/sync`: signed by an enrolled station, speaking only for itself.
    ///
    /// The signature is checked before the body is decoded, and the request's nonce is
    /// recorded in the same transaction as the exchange: one commit per sync.
    func sync(_ request: Request) async throws -> Response {
        let hub = hub, verifier = verifier
        return JSONResponse.make(try await signed(request, as: SyncRequest.self, speaksFor: \.stationID, doing: "sync") { syncRequest, verified, now in
            try hub.exchange(syncRequest, now: now) { transaction in try verifier.admit(verified, in: transaction) }
        })
    }

    /// A signed request's message, checked in this order off the event loop: the
    /// signature over the body, the message, and that it speaks for the station that
    /// signed it; then `answer` runs with it. A bad signature is 401 with its reason.
    private func signed<Message: Decodable, Answer: Sendable>(
        _ request: Request, as type: Message.Type, speaksFor stationID: @escaping @Sendable (Message) -> String, doing what: String,
        answer: @escaping @Sendable (Message, VerifiedRequest, Date) throws -> Answer
    ) async throws -> Answer {
        let body = try await collectBody(request)
        let now = configuration.clock()
        let headers = signatureHeaders(of: request)
        let method = request.method.rawValue
        let path = request.uri.path
        let verifier = verifier
        do {
            return try await BlockingWork.run {
                let verified = try verifier.verify(method: method, path: path, header: { headers[$0] }, body: body, now: now)
                let message = try decode(type, from: body)
                guard stationID(message) == verified.stationID else {
                    throw ServerError(
                        .forbidden,
                        "the request speaks for station \"\(stationID(message))\" but is signed by station \"\(verified.stationID)\"; a station may only \(what) as itself")
                }
                return try answer(message, verified, now)
            }
        } catch let failure as AuthenticationFailure {
            configuration.logger.warning("request refused", metadata: ["reason": "\(failure)"])
            throw ServerError(.unauthorized, failure.description)
        }
    }

    /// `POST /v1/lead`: a lead's console, from an enrolled station speaking for itself.
    ///
    /// Checked like a sync (signature, then the station it speaks for, then its nonce);
    /// the hub then checks the lead's role. A refusal of the role is 403 with its sentence.
    func lead(_ request: Request) async throws -> Response {
        let hub = hub, verifier = verifier, database = database
        return JSONResponse.make(try await signed(request, as: LeadRequest.self, speaksFor: \.stationID, doing: "ask for the floor") { leadRequest, verified, now in
            try database.write { transaction in try verifier.admit(verified, in: transaction) }
            do {
                return try hub.lead(leadRequest, now: now)
            } catch let refusal as HubError {
                throw ServerError(.forbidden, refusal.description)
            }
        })
    }

    /// The request's signature headers by their canonical names; HTTPTypes keeps
    /// names lower-cased, and they are case-insensitive.
    private func signatureHeaders(of request: Request) -> [String: String] {
        var found: [String: String] = [:]
        for field in request.headers {
            if let name = RequestSignature.headerNames.first(where: { $0.lowercased() == field.name.canonicalName }) {
                found[name] = field.value
            }
        }
        return found
    }

    /// The whole body, or 413 when it is over the limit. A declared length over the
    /// limit is refused before a byte of the body is read.
    private func collectBody(_ request: Request) async throws -> Data {
        let limit = configuration.maximumBodySize
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > limit {
            throw ServerError.bodyTooLarge(limit: limit)
        }
        do {
            let buffer = try await request.body.collect(upTo: limit)
            return Data(buffer.readableBytesView)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            // NIO's "too many bytes": replaced so the client gets the sentence too.
            throw ServerError.bodyTooLarge(limit: limit)
        }
    }

    private func decode<T: Decodable>(_ type: T.Type, from body: Data) throws(ServerError) -> T {
        do {
            return try SyncCoding.decode(type, from: body)
        } catch {
            throw ServerError.badRequest(error.description)
        }
    }

    /// Runs a handler so that anything it throws reaches the client as a sentence.
    private func answering(_ handler: () async throws -> Response) async throws -> Response {
        do {
            return try await handler()
        } catch let error as ServerError {
            throw error
        } catch {
            configuration.logger.error("request failed", metadata: ["error": "\(error)"])
            // The details stay in the hub's log; the station gets what to do.
            throw ServerError.internalFailure("the hub could not complete the request; try again, and tell the hub's admin if it keeps happening (the hub's log has the details)")
        }
    }
}
