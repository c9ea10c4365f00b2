import Domain
import Foundation
import Hub
import Store

/// Brings the media a station's leases need, resuming cut transfers and checking every byte.
///
/// Each file is fetched into `<station>.media/partial/<sha256>.part`; a cut connection
/// leaves the part, and the next request asks only for the rest (an HTTP Range). Once
/// the part has the file's length, `MediaFolder.install` hashes it whole: a match is
/// renamed into place and marked present, the only state in which its tasks are shown;
/// a mismatch is deleted and fetched again from the start, at most `attemptsPerFile`
/// times per sync, then left for the next sync with a sentence in the summary.
public struct MediaFetcher: Sendable {
    let database: StationDatabase
    let transport: any SyncTransport
    let stationID: String
    /// Whole-file attempts per sync: each ends in a hash check that failed.
    let attemptsPerFile: Int
    /// Requests per file per sync, resumptions included; each must bring new bytes.
    let requestsPerFile: Int

    public init(
        database: StationDatabase, transport: any SyncTransport, stationID: String,
        attemptsPerFile: Int = 3, requestsPerFile: Int = 64
    ) {
        self.database = database
        self.transport = transport
        self.stationID = stationID
        self.attemptsPerFile = max(1, attemptsPerFile)
        self.requestsPerFile = max(1, requestsPerFile)
    }

    /// Fetches every file some cached task needs and the station does not hold verified.
    ///
    /// Never throws: what did not arrive is said in the result, and the files stay
    /// wanted for the next sync. A hub that cannot be reached stops the round.
    public func fetchMissing() async -> MediaFetchResult {
        var result = MediaFetchResult()
        let wanted: [StationMedia]
        do {
            wanted = try database.mediaToFetch()
        } catch {
            result.problems.append("the station's media list cannot be read: \(error)")
            return result
        }
        for media in wanted {
            switch await fetch(media.reference) {
            case .present:
                result.fetched += 1
            case .problem(let sentence):
                result.problems.append(sentence)
            case .stop(let sentence):
                result.problems.append(sentence)
                return result
            }
        }
        return result
    }

    private enum Outcome {
        case present
        /// This file did not arrive; others may.
        case problem(String)
        /// Nothing more will arrive this sync (the hub is out of reach).
        case stop(String)
    }

    private func fetch(_ reference: MediaReference) async -> Outcome {
        let folder = database.mediaFolder
        let partial = folder.partialURL(for: reference.sha256)
        let name = "media \(reference.sha256.prefix(12))…"
        var failedChecks = 0
        var requests = 0
        while true {
            var have = MediaFolder.partSize(partial)
            if have > reference.byteCount {
                try? FileManager.default.removeItem(at: partial)
                have = 0
            }
            if have < reference.byteCount {
                guard requests < requestsPerFile else {
                    try? database.markMediaFetching(reference, hasPart: have > 0)
                    return .problem("\(name) did not arrive in \(requests) requests (\(have) of \(reference.byteCount) bytes); the next sync asks for the rest")
                }
                requests += 1
                do {
                    try await receive(reference, into: partial, from: have)
                } catch {
                    let now = MediaFolder.partSize(partial)
                    try? database.markMediaFetching(reference, hasPart: now > 0)
                    // A cut after new bytes is worth resuming at once; no new bytes
                    // means the hub is not answering, or refuses this file.
                    if now > have { continue }
                    if error is MediaRequestRefusal || (error as? HTTPTransportError).map(\.isAboutThisFile) == true {
                        return .problem("\(name) was not fetched: \(error)")
                    }
                    return .stop("imagery was not fetched: \(error)")
                }
                continue
            }
            do {
                try folder.install(partial, as: reference)
                try database.markMediaPresent(reference)
                return .present
            } catch let error as MediaError {
                guard case .mismatch = error else { return .problem("\(name) was not kept: \(error)") }
                failedChecks += 1
                let failures = (try? database.recordMediaFailure(reference, problem: error.description)) ?? failedChecks
                if failedChecks >= attemptsPerFile {
                    return .problem("\(name) failed its SHA-256 check \(failedChecks) times in this sync (\(failures) in all) and was deleted each time; its tasks stay hidden, and the next sync fetches it again. If it keeps failing, tell the hub's admin: the hub's copy or the network is damaging it")
                }
            } catch {
                return .problem("\(name) was not kept: \(error)")
            }
        }
    }

    /// One request: appends what arrives to the part file, flushed as it comes.
    private func receive(_ reference: MediaReference, into partial: URL, from offset: Int) async throws {
        let handle = try MediaFolder.openPartForAppending(partial)
        defer { try? handle.close() }
        try? database.markMediaFetching(reference, hasPart: true)
        var remaining = reference.byteCount - offset
        try await transport.fetchMedia(reference, for: stationID, from: offset) { piece in
            // Never past the declared size: a longer answer is cut here and fails its check.
            let kept = piece.prefix(max(0, remaining))
            do {
                try handle.write(contentsOf: kept)
            } catch {
                throw MediaError.cannotWrite(path: partial.path, reason: String(describing: error))
            }
            remaining -= kept.count
        }
    }
}

/// What one round of media fetching did, for the sync summary and the log.
public struct MediaFetchResult: Equatable, Sendable {
    /// Files fetched and verified in this round.
    public var fetched = 0
    /// One sentence per file that did not arrive, or for the round that stopped.
    public var problems: [String] = []

    public init(fetched: Int = 0, problems: [String] = []) {
        self.fetched = fetched
        self.problems = problems
    }
}
