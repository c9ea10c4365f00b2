import Domain
import Foundation

/// What the person at this station is doing, for the hub's shift-lead console.
///
/// `App.activity(of:)` reads it from the state, purely; the tracker adds when that
/// activity began (the state does not keep it), and the effect runner hands the latest
/// to each sync (`SyncRequest.presence`). Only the run loop notes, after each action.
public struct PresenceTracker: Sendable {
    private var current: PersonPresence?

    public init() {}

    /// Notes the state after an action; keeps the activity's start while it goes on.
    public mutating func note(_ state: AppState) {
        guard let session = state.session, let (activity, subject) = App.activity(of: state) else {
            current = nil
            return
        }
        let username = session.account.username
        if let current, current.username == username, current.activity == activity, current.subject == subject {
            self.current?.lastInputAt = state.lastInputAt
            return
        }
        current = PersonPresence(username: username, activity: activity, subject: subject, since: state.now, lastInputAt: state.lastInputAt)
    }

    /// Who is logged on here and what they are doing: nobody, or one person.
    public var presence: [PersonPresence] { current.map { [$0] } ?? [] }
}

extension App {
    /// The activity the screen shows, with its project or course; nil when nobody is logged on.
    public static func activity(of state: AppState) -> (PersonPresence.Activity, String?)? {
        guard state.session != nil else { return nil }
        if state.lock != nil { return (.locked, nil) }
        switch state.screen {
        case .notice, .login: return nil
        case .home, .goldReview, .trainer, .lead: return (.home, nil)
        case .task(let task): return (.labeling, task.project.id)
        case .courses: return (.training, nil)
        case .course(let course): return (.training, course.courseID)
        case .lesson(_, let course, _), .quiz(_, let course): return (.training, course.courseID)
        case .review(_, let courseID): return (.training, courseID)
        }
    }
}
