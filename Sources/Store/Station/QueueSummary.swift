import Domain

/// One line of the queue picker: a project, how much waits, how much this person did today.
public struct QueueSummary: Equatable, Sendable {
    public var project: Project
    /// Tasks cached here and queued, plus tasks still waiting at the hub.
    public var waiting: Int
    /// This person's annotations in the project today, skips included.
    public var doneToday: Int

    public init(project: Project, waiting: Int, doneToday: Int) {
        self.project = project
        self.waiting = waiting
        self.doneToday = doneToday
    }
}
