/// Where frames go and keys come from: ncurses on a real terminal, memory in tests.
///
/// The run loop owns one backend. Only a backend writes to a terminal.
public protocol TerminalBackend: AnyObject {
    /// The terminal's size now.
    var size: Size { get }
    /// The colours the terminal shows: what imagery is rendered for.
    var colorDepth: ColorDepth { get }
    /// Shows a frame; a backend writes only what changed since the last one.
    func draw(_ buffer: Buffer)
    /// Waits up to `timeoutMilliseconds` for input and returns what arrived, possibly nothing.
    func readEvents(timeoutMilliseconds: Int) -> [InputEvent]
    /// Gives the terminal back as it was found. Safe to call more than once.
    func restore()
}

extension TerminalBackend {
    /// 256 colours unless the backend knows better: what nearly every terminal here has.
    public var colorDepth: ColorDepth { .indexed256 }
}

/// A backend in memory: tests feed it keys and read the frames it was given.
public final class TestBackend: TerminalBackend {
    public var size: Size
    public var colorDepth: ColorDepth = .indexed256
    public private(set) var frames: [Buffer] = []
    /// Cells written for each frame, to check that only changes are drawn.
    public private(set) var writtenCellCounts: [Int] = []
    public var queuedEvents: [InputEvent] = []
    public private(set) var restored = false

    public init(size: Size) { self.size = size }

    public var lastFrame: Buffer? { frames.last }

    public func draw(_ buffer: Buffer) {
        writtenCellCounts.append(buffer.changes(since: frames.last).count)
        frames.append(buffer)
    }

    public func readEvents(timeoutMilliseconds: Int) -> [InputEvent] {
        defer { queuedEvents = [] }
        return queuedEvents
    }

    public func restore() { restored = true }
}
