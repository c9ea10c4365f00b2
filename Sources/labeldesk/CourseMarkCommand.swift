import ArgumentParser
import Foundation
import Hub

/// `course mark ATTEMPT-ID ITEM MARK --as TRAINER`: a trainer's mark for an essay or free text.
struct CourseMarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mark", abstract: "Mark an essay or free-text item of an attempt; the attempt is graded again.",
        discussion: """
            course status COURSE lists the attempts awaiting a trainer, with their ids and items (q3 is the quiz's \
            question 3, counting from 0; p:ID a practice task). MARK is 0 to 1 (0.5) or a percentage (50%). Trainers \
            and admins on the hub's roster mark (--as); each mark is audited.
            """)
    @OptionGroup var workspace: WorkspaceOption
    @OptionGroup var hubDatabase: HubDatabaseOption
    @Argument(help: "The attempt's id.") var attempt: String
    @Argument(help: "The item: q<number> or p:<task id>.") var item: String
    @Argument(help: "The mark: 0 to 1, or a percentage.") var mark: String
    @Option(name: .customLong("as"), help: "Who marks: a trainer or admin on the hub's roster.") var actor: String

    func run() throws {
        guard let id = UUID(uuidString: attempt) else {
            throw UserFacingError("\"\(attempt)\" is not an attempt's id; course status COURSE lists the attempts awaiting a trainer")
        }
        let value = try Self.mark(mark)
        let hub = Hub(database: try hubDatabase.open(workspace: workspace, creating: false))
        let stored = try hub.markAttempt(id, item: item, mark: value, actor: actor, now: Date())
        let share = String(format: "%.0f%%", stored.share * 100)
        let result = stored.awaitingTrainer ? "other items still await a trainer" : (stored.passed ? "passed" : "not passed")
        print("Marked \(item) of \(stored.attempt.username)'s attempt at \(stored.attempt.courseID): \(share) so far, \(result).")
    }

    /// "0.5", "1", "50%".
    static func mark(_ text: String) throws -> Double {
        let isPercent = text.hasSuffix("%")
        let number = Double(isPercent ? String(text.dropLast()).trimmingCharacters(in: .whitespaces) : text)
        guard let number, number.isFinite else {
            throw UserFacingError("the mark \"\(text)\" is not a number; give 0 to 1 (like 0.5) or a percentage (like 50%)")
        }
        let share = isPercent ? number / 100 : number
        guard (0...1).contains(share) else {
            throw UserFacingError("the mark \"\(text)\" is outside 0 to 1; give 0 to 1 (like 0.5) or a percentage from 0% to 100%")
        }
        return share
    }
}
