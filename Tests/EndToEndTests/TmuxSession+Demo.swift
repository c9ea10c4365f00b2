import Testing

/// Steps every session on the demo workspace starts with.
extension TmuxSession {
    /// Acknowledges the notice and logs in as the demo labeler, then waits for `title`
    /// (a queue on the home screen) to show the queues have loaded.
    func logInToDemo(waitingFor title: String) {
        waitFor("Press Enter to acknowledge")
        send("Enter")
        waitFor("Username")
        type("demo")
        send("Enter")
        type("demo-labeler")
        send("Enter")
        waitFor(title)
    }

    /// Opens the home screen's row `row` (0 is the first queue; the demo's are listed by
    /// id: buildings, compare, entities, landcover, sentiment, write).
    func openQueue(row: Int) {
        waitFor("Your queues")
        for _ in 0..<row { send("Down") }
        send("Enter")
    }
}
