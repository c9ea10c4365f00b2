import Curriculum
import Domain
import Foundation
import Hub

/// The demo's training: the starter courses published at its hub, passed already by the
/// demo labeler and lead (so every queue is open to them, as on a trained floor), and a
/// trainee who has passed nothing and finds every queue locked until they take the courses.
///
/// The passes are made the way a station makes them, not written into tables: each
/// course's assessment answered with its keys (`GIFTQuestion.fullMarkResponse`, the
/// practice keys), sent through `Hub.exchange` from the demo station, graded there, and an
/// essay marked by the demo trainer with `Hub.markAttempt`. So what the demo shows is what
/// the hub's own rules made of real attempts, in prerequisite order.
public enum DemoCourses {
    public static let traineeUsername = "trainee"
    public static let traineePassword = "demo-trainee"
    public static let trainerUsername = "trainer"
    public static let trainerPassword = "demo-trainer"

    /// Publishes the courses of `training` as the demo trainer (who must be on the
    /// roster), and passes each of them for `people`, finishing before `now`.
    static func create(training: URL, hub: Hub, stationID: String, people: [String], now: Date) throws {
        try hub.publishCourses(from: training, actor: trainerUsername, now: now)
        let courses = try hub.publishedCourses().compactMap { try hub.course(id: $0.id) }
        let ordered = inPrerequisiteOrder(courses)
        for person in people {
            // Passed in order over the last hours: a prerequisite finished before the next starts.
            var started = now.addingTimeInterval(-Double(ordered.count + 1) * 1_800)
            for course in ordered {
                let attempt = CourseAttempt(
                    id: UUID(), courseID: course.id, courseVersion: course.version, username: person, stationID: stationID,
                    startedAt: started, finishedAt: started.addingTimeInterval(20 * 60), responses: answeredRight(course))
                let reply = try hub.exchange(
                    SyncRequest(stationID: stationID, annotations: [], cursor: 0, wantedLeases: 0, people: [person], attempts: [attempt]),
                    now: attempt.finishedAt)
                guard let outcome = reply.trainingOutcomes.first, outcome.status == .accepted else {
                    throw DemoCoursesError.attemptRefused(course: course.id, person: person, reason: reply.trainingOutcomes.first?.reason ?? "no answer")
                }
                let grade = CourseGrading.grade(attempt.responses, in: course)
                for (item, mark) in grade.items.sorted(by: { $0.key < $1.key }) where mark == .awaitingTrainer {
                    _ = try hub.markAttempt(attempt.id, item: item, mark: 1, actor: trainerUsername, now: attempt.finishedAt.addingTimeInterval(60))
                }
                started = started.addingTimeInterval(1_800)
            }
        }
    }

    /// Each item of the course's assessment answered as its key has it; an essay with a
    /// sentence for the trainer to mark.
    static func answeredRight(_ course: Course) -> [String: AttemptResponse] {
        var responses: [String: AttemptResponse] = [:]
        for item in course.assessment {
            switch item {
            case .question(_, let question):
                if let response = question.fullMarkResponse {
                    responses[item.key] = .question(response)
                } else if case .essay = question.kind {
                    responses[item.key] = .question(.text("The demo labeler's answer, marked by the demo trainer."))
                }
            case .practice(let practice):
                responses[item.key] = .practice(practice.key)
            }
        }
        return responses
    }

    /// Courses with each one's prerequisites before it (by id among equals).
    static func inPrerequisiteOrder(_ courses: [Course]) -> [Course] {
        var placed: [Course] = []
        var placedIDs: Set<String> = []
        var waiting = courses.sorted { $0.id < $1.id }
        while !waiting.isEmpty {
            guard let next = waiting.firstIndex(where: { $0.manifest.prerequisites.allSatisfy(placedIDs.contains) }) else {
                // A circle, which publishing refuses: keep the rest in id order.
                return placed + waiting
            }
            let course = waiting.remove(at: next)
            placed.append(course)
            placedIDs.insert(course.id)
        }
        return placed
    }
}

/// The demo's training could not be made: a starter course the hub would not pass.
public enum DemoCoursesError: Error, CustomStringConvertible, Equatable {
    case attemptRefused(course: String, person: String, reason: String)

    public var description: String {
        switch self {
        case let .attemptRefused(course, person, reason):
            "the demo could not pass course \(course) for \(person) (\(reason)); run labeldesk course lint to check the Training folder"
        }
    }
}
