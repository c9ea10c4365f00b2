import Curriculum
import Domain
import Foundation
import Hub
import Screens
import Store

/// The trainer screen's effects, run against the hub in this process (standalone), as
/// gold review is: a station syncing with a hub elsewhere has no courses' records here.
extension EffectRunner {
    func performForTrainer(_ effect: AppEffect) throws {
        guard let hub else { return inbox.post(.failed(Self.trainAtTheHub)) }
        do {
            switch effect {
            case .loadTrainerCourses:
                let now = clock()
                inbox.post(.trainerCoursesLoaded(try hub.publishedCourses().map { Self.summary(try hub.courseStatus(courseID: $0.id, now: now)) }))
            case .loadTrainerCourse(let courseID):
                inbox.post(.trainerCourseLoaded(try Self.courseView(courseID, hub: hub, now: clock())))
            case let .markEssay(attemptID, item, mark, trainer):
                let stored = try hub.markAttempt(attemptID, item: item, mark: mark, actor: trainer, now: clock())
                let share = String(format: "%.0f%%", stored.share * 100)
                let result = stored.awaitingTrainer ? "other items still wait for a mark" : (stored.passed ? "passed" : "not passed")
                inbox.post(.trainerDone(sentence: "Marked \(item) of \(stored.attempt.username)'s attempt: \(share) so far, \(result)."))
                inbox.post(.trainerCourseLoaded(try Self.courseView(stored.attempt.courseID, hub: hub, now: clock())))
            case let .assignCourse(courseID, assignee, dueAt, actor):
                let people = try hub.assignCourse(courseID, to: Self.assignee(assignee), dueAt: dueAt, actor: actor, now: clock())
                let whom: String = switch assignee {
                case .person: people.joined(separator: ", ")
                case .cohort(let name): "cohort \(name) (\(people.joined(separator: ", ")))"
                }
                let due = dueAt.map { ", due " + Hub.utcFormatter("yyyy-MM-dd HH:mm 'UTC'").string(from: $0) } ?? ""
                inbox.post(.trainerDone(sentence: "Assigned \(courseID) to \(whom)\(due)."))
                inbox.post(.trainerCourseLoaded(try Self.courseView(courseID, hub: hub, now: clock())))
            default:
                break
            }
        } catch let refusal as HubError {
            // The hub's rules said no (a role, a course unpublished): its sentence, for a person.
            inbox.post(.failed(Self.sentence(refusal)))
        }
    }

    /// Why a station that syncs with a hub elsewhere has no trainer's view: the courses'
    /// records, attempts and answers live at that hub.
    static let trainAtTheHub =
        "Courses are followed where the hub is: on its machine, labeldesk course status COURSE, course mark and report training --course COURSE."

    static func summary(_ report: CourseStatusReport) -> TrainerScreen.CourseSummary {
        TrainerScreen.CourseSummary(
            courseID: report.courseID, title: report.title, version: report.version,
            assigned: report.people.count(where: { $0.assignment != nil }), started: report.people.count(where: \.hasStarted),
            passed: report.people.count(where: { $0.state.isPassed }), failed: report.people.count(where: { $0.state == .outOfAttempts }),
            overdue: report.people.count(where: \.isOverdue), essays: report.awaitingTrainer.reduce(0) { $0 + $1.items.count })
    }

    /// One read of the training report, with the questions and answers of the essays
    /// waiting, each from the version of the course its attempt answered.
    static func courseView(_ courseID: String, hub: Hub, now: Date) throws -> TrainerScreen.CourseView {
        let report = try hub.trainingReport(courseID: courseID, now: now)
        let status = report.status
        var versions: [String: Course] = [:]
        func course(_ version: String) throws -> Course? {
            if let known = versions[version] { return known }
            let read = try hub.course(id: courseID, version: version)
            versions[version] = read
            return read
        }
        let attempts = Dictionary(report.attempts.map { ($0.attempt.id, $0.attempt) }, uniquingKeysWith: { first, _ in first })
        var essays: [TrainerScreen.Essay] = []
        for waiting in status.awaitingTrainer {
            guard let attempt = attempts[waiting.attemptID] else { continue }
            let answered = try course(attempt.courseVersion)
            for item in waiting.items {
                let asked = answered?.assessment.first { $0.key == item }
                essays.append(TrainerScreen.Essay(
                    attemptID: waiting.attemptID, username: waiting.username, finishedAt: waiting.finishedAt, item: item,
                    question: asked.map(Self.question) ?? item, answer: attempt.responses[item].map(Self.answer) ?? ""))
            }
        }
        let people = status.people.map { person in
            TrainerScreen.Person(
                username: person.username, how: how(person.assignment), state: person.state, hasStarted: person.hasStarted,
                isOverdue: person.isOverdue, attempts: person.attemptsUsed, best: person.bestShare, dueAt: person.assignment?.dueAt)
        }
        let items = report.items.map { items in
            items.analysis.questions.map { question in
                TrainerScreen.Item(
                    key: question.name, title: items.titles[question.name] ?? question.name, attempts: question.attempts,
                    facility: question.facility, discrimination: question.discriminationIndex, flags: question.flags)
            }
        }
        let current = try course(status.version)
        return TrainerScreen.CourseView(
            courseID: courseID, title: status.title, version: status.version, passMark: status.passMark, attemptsAllowed: status.attemptsAllowed,
            marking: current?.practice?.project.defaultMarking ?? .unclassified, people: people, items: items,
            analysed: report.items?.analysis.quiz.attempts ?? 0, leftOut: report.items?.leftOut ?? 0, essays: essays)
    }

    static func assignee(_ assignee: TrainerScreen.Assignee) -> CourseAssignee {
        switch assignee {
        case .person(let username): .person(username)
        case .cohort(let name): .cohort(name)
        }
    }

    static func how(_ assignment: CourseAssignment?) -> String {
        switch assignment?.reason {
        case nil: "unassigned"
        case .assigned(let by, let cohort?): "by \(by) (cohort \(cohort))"
        case .assigned(let by, nil): "by \(by)"
        case .remediation(let projectID, _, _): "remediation (\(projectID))"
        }
    }

    static func question(_ item: AssessmentItem) -> String {
        switch item {
        case .question(_, let question): question.text.text
        case .practice(let practice): practice.task.text
        }
    }

    /// An answer as text: an essay's or free text's words; anything else as it was recorded.
    static func answer(_ response: AttemptResponse) -> String {
        switch response {
        case .question(.text(let text)), .practice(.text(let text)): text
        default: "\(response)"
        }
    }
}
