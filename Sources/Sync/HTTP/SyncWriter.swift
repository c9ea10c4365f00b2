import Domain
import Foundation

/// Writes sync messages as JSON by hand: the bulk of every request and reply.
///
/// `JSONEncoder` on Linux builds a tree of boxed values and sorts every object's keys,
/// which cost more than the hub's whole apply for a batch of 500 annotations. The
/// annotations, outcomes and leases, which make up nearly all of a message, are written
/// here directly, with keys in sorted order and dates as milliseconds, exactly as
/// `SyncCoding.encoder()` would; the rest (projects, counts) still goes through it.
/// `SyncCoding.decoder()` reads both, and a test holds the two writers to the same
/// meaning.
struct SyncWriter {
    private(set) var text = ""

    init(reservingCapacity capacity: Int) {
        text.reserveCapacity(capacity)
    }

    var data: Data { Data(text.utf8) }

    mutating func write(_ request: SyncRequest) throws {
        text += "{\"annotations\":["
        for (index, annotation) in request.annotations.enumerated() {
            if index > 0 { text += "," }
            try write(annotation)
        }
        text += "]"
        if !request.attempts.isEmpty {
            text += ",\"attempts\":"
            try encoded(request.attempts)
        }
        text += ",\"cursor\":"
        text += String(request.cursor)
        if !request.lessonReadings.isEmpty {
            text += ",\"lessonReadings\":"
            try encoded(request.lessonReadings)
        }
        if !request.people.isEmpty {
            text += ",\"people\":["
            for (index, person) in request.people.enumerated() {
                if index > 0 { text += "," }
                quoted(person)
            }
            text += "]"
        }
        if !request.presence.isEmpty {
            text += ",\"presence\":"
            try encoded(request.presence)
        }
        text += ",\"stationID\":"
        quoted(request.stationID)
        if request.unsent > 0 {
            text += ",\"unsent\":"
            text += String(request.unsent)
        }
        text += ",\"wantedLeases\":"
        text += String(request.wantedLeases)
        text += "}"
    }

    mutating func write(_ reply: SyncReply) throws {
        text += "{"
        if !reply.courses.isEmpty {
            text += "\"courses\":"
            try encoded(reply.courses)
            text += ","
        }
        text += "\"cursor\":"
        text += String(reply.cursor)
        text += ",\"leases\":["
        for (index, lease) in reply.leases.enumerated() {
            if index > 0 { text += "," }
            try write(lease)
        }
        text += "],\"outcomes\":["
        for (index, outcome) in reply.outcomes.enumerated() {
            if index > 0 { text += "," }
            write(outcome)
        }
        text += "]"
        if let pauses = reply.pauses {
            text += ",\"pauses\":"
            try encoded(pauses)
        }
        text += ",\"projects\":"
        try encoded(reply.projects)
        if let standings = reply.standings {
            text += ",\"standings\":"
            try encoded(standings)
        }
        if !reply.trainingOutcomes.isEmpty {
            text += ",\"trainingOutcomes\":["
            for (index, outcome) in reply.trainingOutcomes.enumerated() {
                if index > 0 { text += "," }
                write(outcome)
            }
            text += "]"
        }
        text += ",\"waitingAtHub\":"
        try encoded(reply.waitingAtHub)
        text += "}"
    }

    private mutating func write(_ annotation: Annotation) throws {
        text += "{"
        if let answer = annotation.storedAnswer {
            text += "\"answer\":"
            text += answer
            text += ","
        }
        text += "\"createdAt\":"
        try date(annotation.createdAt)
        if let flag = annotation.flag {
            text += ",\"flag\":"
            quoted(flag)
        }
        text += ",\"id\":\""
        text += annotation.id.uuidString
        text += "\",\"labels\":["
        for (index, label) in annotation.labels.enumerated() {
            if index > 0 { text += "," }
            quoted(label)
        }
        text += "],\"leaseEpoch\":"
        text += String(annotation.leaseEpoch)
        if let accepted = annotation.predictionAccepted { text += accepted ? ",\"predictionAccepted\":true" : ",\"predictionAccepted\":false" }
        text += ",\"projectID\":"
        quoted(annotation.projectID)
        text += ",\"secondsOnTask\":"
        try number(annotation.secondsOnTask)
        if let reason = annotation.skipReason {
            text += ",\"skipReason\":"
            quoted(reason)
        }
        text += ",\"stationID\":"
        quoted(annotation.stationID)
        text += ",\"taskID\":"
        quoted(annotation.taskID)
        text += ",\"username\":"
        quoted(annotation.username)
        text += "}"
    }

    private mutating func write(_ outcome: AnnotationOutcome) {
        text += "{\"annotationID\":\""
        text += outcome.annotationID.uuidString
        text += "\""
        if let reason = outcome.reason {
            text += ",\"reason\":"
            quoted(reason)
        }
        text += ",\"status\":\""
        text += outcome.status.rawValue
        text += "\"}"
    }

    private mutating func write(_ lease: LeasedTask) throws {
        text += "{"
        if let assignee = lease.assignee {
            text += "\"assignee\":"
            quoted(assignee)
            text += ","
        }
        text += "\"epoch\":"
        text += String(lease.epoch)
        text += ",\"expiresAt\":"
        try date(lease.expiresAt)
        text += ",\"task\":{\"id\":"
        quoted(lease.task.id)
        if let image = lease.task.image {
            // Rare next to text tasks, so the plain encoder (sorted keys) is fast enough.
            text += ",\"image\":"
            try encoded(image)
        }
        if let layout = lease.task.layout {
            text += ",\"layout\":"
            layout.write(into: &text)
        }
        text += ",\"marking\":\""
        text += lease.task.marking.rawValue
        text += "\""
        if let meta = lease.task.meta {
            text += ",\"meta\":"
            quoted(meta)
        }
        if !lease.task.predictions.isEmpty {
            text += ",\"predictions\":"
            JSONValue.array(lease.task.predictions.map(\.json)).write(into: &text)
        }
        text += ",\"priority\":"
        text += String(lease.task.priority)
        text += ",\"projectID\":"
        quoted(lease.task.projectID)
        if !lease.task.responses.isEmpty {
            text += ",\"responses\":"
            JSONValue.array(lease.task.responses.map(JSONValue.string)).write(into: &text)
        }
        text += ",\"text\":"
        quoted(lease.task.text)
        text += "}}"
    }

    private mutating func quoted(_ string: String) {
        JSONValue.writeQuoted(string, into: &text)
    }

    /// Milliseconds since 1970, as `JSONEncoder.DateEncodingStrategy.millisecondsSince1970`.
    private mutating func date(_ date: Date) throws {
        try number(date.timeIntervalSince1970 * 1000)
    }

    /// A `Double` as its shortest text that reads back to the same value; JSON has no
    /// infinity or NaN, so those are refused, as `JSONEncoder` refuses them.
    private mutating func number(_ value: Double) throws {
        guard value.isFinite else {
            throw EncodingError.invalidValue(value, EncodingError.Context(codingPath: [], debugDescription: "\(value) is not a JSON number"))
        }
        if value == value.rounded(), abs(value) < 1e15 {
            text += String(Int64(value))
        } else {
            text += "\(value)"
        }
    }

    private mutating func encoded(_ value: some Encodable) throws {
        text += String(decoding: try SyncCoding.encoder().encode(value), as: UTF8.self)
    }
}
