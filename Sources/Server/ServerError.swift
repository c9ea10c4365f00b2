import Foundation
import Hummingbird
import Sync

/// A refusal the hub sends a client: a status and a sentence, as `{"error": "..."}`.
///
/// Every error that reaches a client passes through here, so a client always gets a
/// sentence it can show, never an empty 500 or a stack trace.
struct ServerError: HTTPResponseError {
    let status: HTTPResponse.Status
    let sentence: String

    init(_ status: HTTPResponse.Status, _ sentence: String) {
        self.status = status
        self.sentence = sentence
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        JSONResponse.make(status: status, ErrorReply(error: sentence))
    }

    static func bodyTooLarge(limit: Int) -> ServerError {
        ServerError(.contentTooLarge, "the request body is larger than the hub accepts (\(limit) bytes); send smaller batches")
    }

    static func badRequest(_ sentence: String) -> ServerError {
        ServerError(.badRequest, sentence)
    }

    static func internalFailure(_ sentence: String) -> ServerError {
        ServerError(.internalServerError, sentence)
    }
}
