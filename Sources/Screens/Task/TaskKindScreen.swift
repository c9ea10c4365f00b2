import Domain
import Foundation
import TerminalCore
import Widgets

/// What the task screen knows that a kind's part of it may read.
public struct KindContext: Equatable, Sendable {
    public var project: Project
    public var task: LabelTask
    public var keys: LabelKeys
    /// The model answer offered pre-filled, if the task has one of this kind.
    public var prediction: Prediction?
    /// The size of the body (the screen between the header and the message line) at the
    /// last render, for paging and moving by line.
    public var bodySize: Size
    /// How many colours the terminal shows, for kinds that draw pictures.
    public var colorDepth: ColorDepth

    public init(
        project: Project, task: LabelTask, keys: LabelKeys, prediction: Prediction?, bodySize: Size, colorDepth: ColorDepth = .indexed256
    ) {
        self.colorDepth = colorDepth
        self.project = project
        self.task = task
        self.keys = keys
        self.prediction = prediction
        self.bodySize = bodySize
    }
}

/// What a kind did with a key.
public enum KindReply: Equatable, Sendable {
    /// The key changed the kind's work (or was a move); nothing more to do.
    case handled
    /// Not the kind's key: the screen's own keys (skip, undo, help...) get it.
    case ignored
    /// The key was the kind's, but cannot be done now; say why.
    case refused(String)
    /// The answer is complete and the key asks to submit it (`submitOnChoose`).
    case submit
}

/// Work a kind needs done outside `update`: the task screen turns each into its effect.
public enum KindRequest: Equatable, Sendable {
    /// Read these pixels (`TaskScreen.Effect.loadViewport`).
    case loadViewport(ViewportRequest)
    /// Read this pixel's value and place (`TaskScreen.Effect.locateCursor`).
    case locateCursor(CursorRequest)
    /// Say when no key has come for a while (`TaskScreen.Effect.notifyWhenRested`).
    case notifyWhenRested(serial: Int)
    /// Draw this resting view with chafa's symbols, off the loop (`TaskScreen.Effect.refineView`).
    case refineView(RefineRequest)
}

/// An answer from outside for the kind: what its requests brought back.
public enum KindEvent: Equatable, Sendable {
    case viewportLoaded(ViewportRequest, PixelImage)
    case cursorLocated(ImageReadout)
    case viewRested(serial: Int)
    case viewRefined(RefinedView)
}

/// One task kind's part of the task screen: its work on the current task, its keys,
/// what it draws in the body of the screen, and the answer it makes.
///
/// The screen around it (header, banners, message line, hints, status bar, skip, flag,
/// undo, help, deferred keys, time on task) is the same for every kind.
protocol TaskKindScreen {
    associatedtype Work: Equatable, Sendable

    /// The work on a task as it first appears: empty, or the prediction pre-filled.
    static func begin(_ context: KindContext) -> Work

    /// Whether the kind is taking text (an editor has focus): then every key goes to
    /// the kind first, and the screen's letter keys type.
    static func isCapturingText(_ work: Work) -> Bool

    static func handle(_ key: Key, _ work: inout Work, _ context: KindContext) -> KindReply

    /// The answer to submit, or a sentence saying what is missing.
    static func answer(_ work: Work, _ context: KindContext) -> Result<Answer, KindRefusal>

    static func render(_ work: Work, _ context: KindContext, in rect: Rect, into buffer: inout Buffer)

    /// Key hints for the bottom line, most useful first; the screen adds its own after.
    static func hints(_ work: Work, _ context: KindContext) -> [String]

    /// The kind's keys, for the help overlay; the screen adds its own after.
    static func helpEntries(_ context: KindContext) -> [HelpOverlay.Entry]

    /// What the kind needs from outside now (pixels, a readout, a timer), marked as
    /// asked so it is asked once. The screen calls it after every change to the work,
    /// the body's size or the task, and turns each request into an effect.
    static func pendingRequests(_ work: inout Work, _ context: KindContext) -> [KindRequest]

    /// Takes an answer to one of its requests; stale answers are the kind's to ignore.
    static func receive(_ event: KindEvent, _ work: inout Work, _ context: KindContext)

    /// Whether the kind sees `key` before the screen's own keys do (and the screen gets
    /// it only if the kind ignores it): the geo screen's `u`, which undoes an edit
    /// before it undoes a submission, and its Esc while something is drawn, moved or
    /// selected (the practice screen stops on Esc otherwise).
    static func takesFirst(_ key: Key, _ work: Work) -> Bool
}

extension TaskKindScreen {
    static func pendingRequests(_ work: inout Work, _ context: KindContext) -> [KindRequest] { [] }
    static func receive(_ event: KindEvent, _ work: inout Work, _ context: KindContext) {}
    static func takesFirst(_ key: Key, _ work: Work) -> Bool { false }
}

/// Why a kind's answer cannot be submitted yet: a sentence for the person.
public struct KindRefusal: Error, Equatable, Sendable {
    public var sentence: String
    public init(_ sentence: String) { self.sentence = sentence }
}

/// The current task's work, in its kind's shape: the one switch the screen dispatches on.
public enum KindWork: Equatable, Sendable {
    case classification(ClassificationKind.Work)
    case spans(SpansKind.Work)
    case comparison(ComparisonKind.Work)
    case freeText(FreeTextKind.Work)
    case geo(GeoKind.Work)

    static func begin(_ context: KindContext) -> KindWork {
        switch context.project.kind {
        case .classification: .classification(ClassificationKind.begin(context))
        case .spans: .spans(SpansKind.begin(context))
        case .comparison: .comparison(ComparisonKind.begin(context))
        case .freeText: .freeText(FreeTextKind.begin(context))
        case .geoBox, .geoPolygon: .geo(GeoKind.begin(context))
        }
    }

    var isCapturingText: Bool {
        switch self {
        case .classification(let work): ClassificationKind.isCapturingText(work)
        case .spans(let work): SpansKind.isCapturingText(work)
        case .comparison(let work): ComparisonKind.isCapturingText(work)
        case .freeText(let work): FreeTextKind.isCapturingText(work)
        case .geo(let work): GeoKind.isCapturingText(work)
        }
    }

    mutating func handle(_ key: Key, _ context: KindContext) -> KindReply {
        switch self {
        case .classification(var work):
            let reply = ClassificationKind.handle(key, &work, context)
            self = .classification(work)
            return reply
        case .spans(var work):
            let reply = SpansKind.handle(key, &work, context)
            self = .spans(work)
            return reply
        case .comparison(var work):
            let reply = ComparisonKind.handle(key, &work, context)
            self = .comparison(work)
            return reply
        case .freeText(var work):
            let reply = FreeTextKind.handle(key, &work, context)
            self = .freeText(work)
            return reply
        case .geo(var work):
            let reply = GeoKind.handle(key, &work, context)
            self = .geo(work)
            return reply
        }
    }

    func answer(_ context: KindContext) -> Result<Answer, KindRefusal> {
        switch self {
        case .classification(let work): ClassificationKind.answer(work, context)
        case .spans(let work): SpansKind.answer(work, context)
        case .comparison(let work): ComparisonKind.answer(work, context)
        case .freeText(let work): FreeTextKind.answer(work, context)
        case .geo(let work): GeoKind.answer(work, context)
        }
    }

    func render(_ context: KindContext, in rect: Rect, into buffer: inout Buffer) {
        switch self {
        case .classification(let work): ClassificationKind.render(work, context, in: rect, into: &buffer)
        case .spans(let work): SpansKind.render(work, context, in: rect, into: &buffer)
        case .comparison(let work): ComparisonKind.render(work, context, in: rect, into: &buffer)
        case .freeText(let work): FreeTextKind.render(work, context, in: rect, into: &buffer)
        case .geo(let work): GeoKind.render(work, context, in: rect, into: &buffer)
        }
    }

    func hints(_ context: KindContext) -> [String] {
        switch self {
        case .classification(let work): ClassificationKind.hints(work, context)
        case .spans(let work): SpansKind.hints(work, context)
        case .comparison(let work): ComparisonKind.hints(work, context)
        case .freeText(let work): FreeTextKind.hints(work, context)
        case .geo(let work): GeoKind.hints(work, context)
        }
    }

    static func helpEntries(_ context: KindContext) -> [HelpOverlay.Entry] {
        switch context.project.kind {
        case .classification: ClassificationKind.helpEntries(context)
        case .spans: SpansKind.helpEntries(context)
        case .comparison: ComparisonKind.helpEntries(context)
        case .freeText: FreeTextKind.helpEntries(context)
        case .geoBox, .geoPolygon: GeoKind.helpEntries(context)
        }
    }

    mutating func pendingRequests(_ context: KindContext) -> [KindRequest] {
        switch self {
        case .classification(var work):
            defer { self = .classification(work) }
            return ClassificationKind.pendingRequests(&work, context)
        case .spans(var work):
            defer { self = .spans(work) }
            return SpansKind.pendingRequests(&work, context)
        case .comparison(var work):
            defer { self = .comparison(work) }
            return ComparisonKind.pendingRequests(&work, context)
        case .freeText(var work):
            defer { self = .freeText(work) }
            return FreeTextKind.pendingRequests(&work, context)
        case .geo(var work):
            defer { self = .geo(work) }
            return GeoKind.pendingRequests(&work, context)
        }
    }

    mutating func receive(_ event: KindEvent, _ context: KindContext) {
        switch self {
        case .classification(var work):
            ClassificationKind.receive(event, &work, context)
            self = .classification(work)
        case .spans(var work):
            SpansKind.receive(event, &work, context)
            self = .spans(work)
        case .comparison(var work):
            ComparisonKind.receive(event, &work, context)
            self = .comparison(work)
        case .freeText(var work):
            FreeTextKind.receive(event, &work, context)
            self = .freeText(work)
        case .geo(var work):
            GeoKind.receive(event, &work, context)
            self = .geo(work)
        }
    }

    func takesFirst(_ key: Key) -> Bool {
        switch self {
        case .classification(let work): ClassificationKind.takesFirst(key, work)
        case .spans(let work): SpansKind.takesFirst(key, work)
        case .comparison(let work): ComparisonKind.takesFirst(key, work)
        case .freeText(let work): FreeTextKind.takesFirst(key, work)
        case .geo(let work): GeoKind.takesFirst(key, work)
        }
    }
}
