import Domain
import Screens

/// Routing for the trainer's screen: opened from home with `t`, its loads and marks
/// sent to the hub as the logged-in person, back home with `q`.
extension App {
    static func openTrainer(_ state: inout AppState) -> [AppEffect] {
        guard let session = state.session else { return [] }
        let role = session.account.role
        // The home screen offers `t` only to these roles; the hub checks again on every mark.
        guard role.mayTeach || role.mayAssignCourses else { return [] }
        var trainer = TrainerScreen.State(username: session.account.username, now: state.now, timeZone: state.timeZone)
        let effects = TrainerScreen.start(&trainer)
        state.screen = .trainer(trainer)
        return effects.flatMap { trainerEffect($0, &state) }
    }

    /// Runs `change` on the trainer's screen, if it is the one showing, and routes what it asks for.
    static func trainerRoute(_ state: inout AppState, _ change: (inout TrainerScreen.State) -> [TrainerScreen.Effect]) -> [AppEffect] {
        guard case .trainer(var trainer) = state.screen else { return [] }
        let effects = change(&trainer)
        state.screen = .trainer(trainer)
        return effects.flatMap { trainerEffect($0, &state) }
    }

    private static func trainerEffect(_ effect: TrainerScreen.Effect, _ state: inout AppState) -> [AppEffect] {
        guard let session = state.session else { return [] }
        switch effect {
        case .loadCourses: return [.loadTrainerCourses]
        case .loadCourse(let courseID): return [.loadTrainerCourse(courseID: courseID)]
        case let .mark(attemptID, item, mark):
            return [.markEssay(attemptID: attemptID, item: item, mark: mark, trainer: session.account.username)]
        case let .assign(courseID, assignee, dueAt):
            return [.assignCourse(courseID: courseID, to: assignee, dueAt: dueAt, actor: session.account.username)]
        case .back:
            state.screen = .home(homeState(for: session, state: state))
            return [.loadQueues(username: session.account.username)]
        }
    }
}
