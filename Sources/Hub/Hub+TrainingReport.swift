import Curriculum
import Domain
import Foundation
import Store

/// What `labeldesk report training --course C` prints: where everyone stands, the
/// attempts and marks, remediations, the quiz's item analysis, and whether the lessons
/// work.
public struct TrainingReport: Equatable, Sendable {
    /// Who is assigned, started, passed, failed, overdue (the live view of `course status`).
    public var status: CourseStatusReport
    /// Every attempt at the course, oldest first, with the hub's grade.
    public var attempts: [StoredAttempt]
    /// The course's remediation assignments, oldest first: open and cleared.
    public var remediations: [PersonCourseAssignment]
    /// Fresh starts on gold that passing this course's retest gave.
    public var resets: [QualityReset]
    /// The item analysis of the counted attempts at the current version; nil when there are none.
    public var items: Items?
    /// Per lesson, in the course's order.
    public var efficacy: [LessonEfficacy]
    /// Per lesson with two versions.
    public var variants: [LessonVariantComparison]
    /// The projects whose gold the efficacy figures read.
    public var goldProjects: [String]
    /// Gold items each side of a reading.
    public var window: Int

    public struct Items: Equatable, Sendable {
        public var analysis: ItemAnalysis
        /// Each column's key (`q3`, `p:<task id>`) with what a trainer knows it by: the
        /// question's name or the start of its text, or the practice task's id.
        public var titles: [String: String]
        /// Attempts not in the analysis: not counted, or on another version of the course.
        public var leftOut: Int
    }
}

extension Hub {
    /// Gold items each side of a lesson reading that the efficacy figures read, unless asked otherwise.
    public static let efficacyWindow = 10

    /// The training report of a published course as of `now`; `window` gold items each
    /// side of a reading (see `LessonEfficacy`).
    ///
    /// The efficacy figures read gold from the projects the course qualifies for and
    /// those its remediations came from; for a course tied to none, every project's.
    public func trainingReport(courseID: String, window: Int = efficacyWindow, now: Date) throws -> TrainingReport {
        guard window >= 1 else { throw HubError.refused("the efficacy window is a number of gold items, 1 or more, not \(window)") }
        return try database.read { transaction in
            let status = try Self.courseStatus(courseID: courseID, now: now, in: transaction)
            var courses = CourseLookup(transaction: transaction)
            guard let course = try courses.course(id: courseID, version: status.version) else {
                throw HubError.refused("course \(courseID) as published cannot be read at the hub; publish it again")
            }
            let attempts = try transaction.attempts(courseID: courseID)
            let remediations = try transaction.assignments(courseID: courseID).filter {
                if case .remediation = $0.assignment.reason { return true }
                return false
            }

            let analysed = attempts.filter { $0.counted && $0.attempt.courseVersion == status.version }
            var items: TrainingReport.Items?
            if !analysed.isEmpty {
                let marks = try analysed.map { stored in
                    MarksTable.CourseAttemptMarks(
                        id: stored.attempt.id.uuidString, responses: stored.attempt.responses,
                        trainerMarks: Dictionary(try transaction.trainerMarks(attemptID: stored.attempt.id).map { ($0.item, $0.mark) }, uniquingKeysWith: { _, last in last }))
                }
                var titles: [String: String] = [:]
                for item in course.assessment {
                    switch item {
                    case .question(_, let question):
                        titles[item.key] = question.name.isEmpty ? String(question.text.text.prefix(40)) : question.name
                    case .practice(let practice):
                        titles[item.key] = "practice \(practice.task.id)"
                    }
                }
                items = TrainingReport.Items(
                    analysis: ItemAnalysis(MarksTable(course: course, attempts: marks)), titles: titles, leftOut: attempts.count - analysed.count)
            }

            var projects = course.manifest.qualifies
            for row in remediations {
                if case .remediation(let projectID, _, _) = row.assignment.reason, !projects.contains(projectID) { projects.append(projectID) }
            }
            let known = Set(try transaction.projects().map(\.id))
            projects = projects.filter(known.contains).sorted()
            if projects.isEmpty { projects = known.sorted() }
            let readings = try transaction.lessonReadings(courseID: courseID).map(\.reading)
            let readers = Array(Set(readings.map(\.username))).sorted()
            let answers = try transaction.scoredGoldAnswers(projectIDs: projects, usernames: readers).map {
                ScoredGoldAnswer(username: $0.username, answeredAt: $0.answeredAt, credit: $0.score)
            }
            let efficacy = course.lessons.map { LessonEfficacy(lesson: $0.file, readings: readings, answers: answers, window: window) }
            let variants = zip(course.lessons, efficacy).compactMap { lesson, figures in
                lesson.variant.map { LessonVariantComparison(figures, variantFile: $0.file) }
            }
            return TrainingReport(
                status: status, attempts: attempts, remediations: remediations, resets: try transaction.qualityResets(courseID: courseID), items: items,
                efficacy: efficacy, variants: variants, goldProjects: projects, window: window)
        }
    }
}
