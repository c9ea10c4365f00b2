import Domain
import Foundation
import Store

/// Gold accuracy over a shift as control charts: the floor's hours, and each person's.
///
/// What lets a shift lead tell a process change from noise (issue 11): the project's
/// gold accuracy per period is charted about its pooled accuracy over the window, and each
/// person's own periods about that same centre line, so an hour, or a person's run of
/// hours, that the Western Electric rules mark is one to look at. Read from the scored gold
/// answers as they were made (`scoredGoldAnswers`: history, resets do not matter), by the
/// time each was made, not received.
public struct QualityControl: Equatable, Sendable {
    public var projectID: String
    public var since: Date
    public var until: Date
    public var periodSeconds: Int
    /// The floor: one sample per period of the window (periods with no gold answers have no point).
    public var floor: PChart
    /// Each person's periods about the floor's centre line, by username.
    public var people: [String: PChart]

    /// When the period a point stands for begins.
    public func start(of point: PChart.Point) -> Date {
        since.addingTimeInterval(Double(point.index * periodSeconds))
    }

    /// People with at least one period a rule marked, by username.
    public var peopleOutside: [String] {
        people.filter { !$0.value.signalled.isEmpty }.keys.sorted()
    }

    /// The charts of `answers` (one project's) made in `since..<until`, in periods of
    /// `periodSeconds`.
    public init(projectID: String, answers: [ScoredGoldRow], since: Date, until: Date, periodSeconds: Int = 3_600) {
        self.projectID = projectID
        self.since = since
        self.until = until
        let length = max(1, periodSeconds)
        self.periodSeconds = length
        let periods = max(0, Int((until.timeIntervalSince(since) / Double(length)).rounded(.up)))
        func period(of answer: ScoredGoldRow) -> Int? {
            guard answer.projectID == projectID, answer.answeredAt >= since, answer.answeredAt < until else { return nil }
            return Int(answer.answeredAt.timeIntervalSince(since) / Double(length))
        }
        var all = Array(repeating: PChart.Sample(successes: 0, trials: 0), count: periods)
        var byPerson: [String: [PChart.Sample]] = [:]
        for answer in answers {
            guard let index = period(of: answer), index < periods else { continue }
            all[index].successes += answer.score
            all[index].trials += 1
            byPerson[answer.username, default: Array(repeating: PChart.Sample(successes: 0, trials: 0), count: periods)][index].successes += answer.score
            byPerson[answer.username]?[index].trials += 1
        }
        floor = PChart(all)
        let center = floor.center
        people = byPerson.mapValues { PChart($0, center: center) }
    }
}

extension Hub {
    /// The project's gold accuracy in `since..<until` as control charts (`QualityControl`).
    public func qualityControl(projectID: String, since: Date, until: Date, periodSeconds: Int = 3_600) throws -> QualityControl {
        guard until > since else {
            throw HubError.refused("a shift ends after it starts: \(since) is not before \(until)")
        }
        return try database.read { transaction in
            guard try transaction.project(id: projectID) != nil else { throw HubError.noSuchProject(projectID: projectID) }
            let answers = try transaction.scoredGoldAnswers(projectIDs: [projectID])
            return QualityControl(projectID: projectID, answers: answers, since: since, until: until, periodSeconds: periodSeconds)
        }
    }
}
