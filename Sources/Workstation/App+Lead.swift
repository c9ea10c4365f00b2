import Domain
import Screens

/// Routing for the lead's console: opened from home with `f`, its asks sent to the hub
/// as the logged-in person over the station's link, back home with `q`.
extension App {
    static func openLead(_ state: inout AppState) -> [AppEffect] {
        guard let session = state.session, session.account.role.mayLead else { return [] }
        var lead = LeadScreen.State(username: session.account.username, now: state.now, timeZone: state.timeZone)
        let effects = LeadScreen.start(&lead)
        state.screen = .lead(lead)
        return effects.flatMap { leadEffect($0, &state) }
    }

    static func leadRoute(_ state: inout AppState, _ change: (inout LeadScreen.State) -> [LeadScreen.Effect]) -> [AppEffect] {
        guard case .lead(var lead) = state.screen else { return [] }
        let effects = change(&lead)
        state.screen = .lead(lead)
        return effects.flatMap { leadEffect($0, &state) }
    }

    private static func leadEffect(_ effect: LeadScreen.Effect, _ state: inout AppState) -> [AppEffect] {
        guard let session = state.session else { return [] }
        switch effect {
        case let .ask(since, action):
            return [.askLeadFloor(LeadRequest(stationID: state.settings.stationID, lead: session.account.username, since: since, action: action))]
        case .back:
            state.screen = .home(homeState(for: session, state: state))
            return [.loadQueues(username: session.account.username)]
        }
    }
}
