import Domain

/// One line of the queue picker: a project, how much waits, how much this person did today.
public struct QueueSummary: Equatable, Sendable {
    public var project: Project
    /// Tasks cached here, queued and ready to show, plus tasks still waiting at the hub.
    public var waiting: Int
    /// This person's annotations in the project today, skips included.
    public var doneToday: Int
    /// Tasks cached here whose imagery has not arrived, or not been verified, yet: not
    /// in `waiting`, and not shown until it has.
    public var waitingForImagery: Int
    /// The hub paused this person on the project (their gold record): none of its work
    /// is served to them until a lead lifts it.
    public var isPaused: Bool
    /// The courses the hub says this person must pass before the queue opens to them
    /// (`QueuePause.courses`); empty when it named none.
    public var coursesNeeded: [String]
    /// A shift lead's pause or move that shuts the queue (with `isPaused`): who, and why.
    public var heldBy: LeadHold?

    public init(
        project: Project, waiting: Int, doneToday: Int, waitingForImagery: Int = 0, isPaused: Bool = false, coursesNeeded: [String] = [],
        heldBy: LeadHold? = nil
    ) {
        self.heldBy = heldBy
        self.project = project
        self.waiting = waiting
        self.doneToday = doneToday
        self.waitingForImagery = waitingForImagery
        self.isPaused = isPaused
        self.coursesNeeded = coursesNeeded
    }
}
