import Foundation
import TerminalCore

/// The one loop: read input, update state, run effects, draw.
///
/// The screen never waits on disk or network: effects run elsewhere and come back as
/// actions through the inbox.
public final class RunLoop {
    private let backend: any TerminalBackend
    private let runner: EffectRunner
    private let inbox: ActionInbox
    private let clock: () -> Date
    /// Whether the backend was asked to stop by a signal (SIGTERM, SIGINT, SIGHUP).
    private let stopRequested: () -> Bool
    public private(set) var state: AppState

    public init(state: AppState, backend: any TerminalBackend, runner: EffectRunner, inbox: ActionInbox, clock: @escaping () -> Date = { Date() }, stopRequested: @escaping () -> Bool = { false }) {
        self.state = state
        self.backend = backend
        self.runner = runner
        self.inbox = inbox
        self.clock = clock
        self.stopRequested = stopRequested
    }

    /// Runs until the person quits or a signal asks the program to stop.
    public func run() {
        state.size = backend.size
        draw()
        var lastTick = clock()
        while state.isRunning {
            if stopRequested(), !state.isQuitting { dispatch(.stopRequested) }
            // Poll briefly while effects may answer, so results show at once.
            let events = backend.readEvents(timeoutMilliseconds: 15)
            var actions = events.map { AppAction.input($0, at: clock()) }
            actions += inbox.drain()
            let now = clock()
            if now.timeIntervalSince(lastTick) >= 1 {
                lastTick = now
                actions.append(.tick(now))
            }
            guard !actions.isEmpty else { continue }
            for action in actions { dispatch(action) }
            draw()
        }
    }

    /// Applies one action and hands its effects to the runner.
    public func dispatch(_ action: AppAction) {
        let effects = App.update(&state, action)
        runner.note(state)
        for effect in effects {
            runner.run(effect)
        }
    }

    private func draw() {
        var buffer = Buffer(size: state.size)
        App.render(state, into: &buffer)
        backend.draw(buffer)
    }
}
