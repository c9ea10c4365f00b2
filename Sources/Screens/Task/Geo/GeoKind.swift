import Domain
import Foundation
import TerminalCore
import Widgets

/// Boxes and polygons on an image chip, drawn with the keyboard.
///
/// The work holds the view (a centre and a zoom level), a crosshair in chip pixels, the
/// shapes (the model's, until edited, when the task has a prediction), the selection, a
/// shape being drawn or moved, and an undo history of shape edits. Pixels never come
/// from here: the kind asks for them (`pendingRequests`: a viewport, the readout of the
/// crosshair's pixel, a "view rested" notice, the resting view refined with chafa's
/// symbols) and keeps what comes back, so `render` only draws what the state holds: half
/// blocks while keys come, the refined cells once they arrive for the view on screen.
public enum GeoKind: TaskKindScreen {
    /// A shape being drawn: the first corner of a box, or a polygon's vertices so far.
    public enum Drawing: Equatable, Sendable {
        case box(corner: PixelPoint)
        case polygon([PixelPoint])
    }

    /// What `m` picked up: one vertex of the selected shape, or the whole shape.
    public enum MoveTarget: Equatable, Sendable {
        case vertex(Int)
        case shape
    }

    /// A move under way: what moves, and the shape as it was, for Esc.
    public struct Move: Equatable, Sendable {
        public var target: MoveTarget
        public var original: Shape
    }

    public struct Work: Equatable, Sendable {
        public var chip: ChipSize
        public var viewport: GeoViewport
        /// The crosshair's pixel; the crosshair itself is at the pixel's centre.
        public var cursorColumn: Int
        public var cursorRow: Int
        public var shapes: [Shape]
        public var selected: Int?
        /// A vertex of the selected shape, for `m`, `i` and `x`.
        public var selectedVertex: Int?
        public var drawing: Drawing?
        /// The class (index into the project's labels) the next shape gets: the last chosen.
        public var drawingClass = 0
        public var moving: Move?
        /// The shapes before each edit, most recent last; and those undone, for redo.
        public var undoStack: [[Shape]] = []
        public var redoStack: [[Shape]] = []

        /// The latest pixels and the request they answer (their window places the overlay).
        public var image: PixelImage?
        public var imageRequest: ViewportRequest?
        /// The last viewport and readout asked for, so each is asked once.
        public var requestedViewport: ViewportRequest?
        public var requestedCursor: CursorRequest?
        public var readout: ImageReadout?
        /// Raised on every key the kind takes; a rest notice or refined view for an older
        /// serial is stale.
        public var serial = 0
        public var restRequested: Int?
        /// The serial at which the view last rested: no key since, so it may be refined.
        public var restedAt: Int?
        /// The resting view last sent to be refined, so each is sent once, and the cells
        /// that came back; drawn only while their key is the view's (`refinedKey`).
        public var refineRequested: RefinedView.Key?
        public var refined: RefinedView?

        /// The crosshair in chip pixels: the centre of its pixel.
        public var cursor: PixelPoint { PixelPoint(x: Double(cursorColumn) + 0.5, y: Double(cursorRow) + 0.5) }
    }

    /// The body's cells left for the image: all but the two lines under it.
    public static func imageCells(_ body: Size) -> Size {
        Size(width: max(1, body.width), height: max(1, body.height - 2))
    }

    static func begin(_ context: KindContext) -> Work {
        let chip = context.task.image.map(ChipSize.init) ?? ChipSize(width: 1, height: 1)
        var shapes: [Shape] = []
        if case .shapes(let predicted)? = context.prediction?.answer {
            shapes = predicted.enumerated().map { index, shape in
                Shape(label: shape.label, geometry: shape.geometry.normalized, acceptedPrediction: index)
            }
        }
        return Work(
            chip: chip, viewport: .fit(chip), cursorColumn: chip.width / 2, cursorRow: chip.height / 2, shapes: shapes,
            selected: nil, selectedVertex: nil, drawing: nil, moving: nil)
    }

    static func isCapturingText(_ work: Work) -> Bool { false }

    static func takesFirst(_ key: Key, _ work: Work) -> Bool {
        switch key {
        case .character("u"): !work.undoStack.isEmpty
        // Esc drops what is under way before a screen that leaves on Esc (practice) sees it.
        case .escape: work.drawing != nil || work.moving != nil || work.selectedVertex != nil || work.selected != nil
        default: false
        }
    }

    static func handle(_ key: Key, _ work: inout Work, _ context: KindContext) -> KindReply {
        let reply = handleKey(key, &work, context)
        if reply != .ignored {
            work.serial += 1
            work.refined = nil
        }
        return reply
    }

    static func answer(_ work: Work, _ context: KindContext) -> Result<Answer, KindRefusal> {
        if work.drawing != nil {
            return .failure(KindRefusal("Finish the shape being drawn first (Enter or c), or drop it with Esc."))
        }
        if work.moving != nil { return .failure(KindRefusal("Drop the shape being moved first (Enter), or put it back with Esc.")) }
        let answer = Answer.shapes(work.shapes)
        if let problem = context.project.answerProblem(answer, isSkip: false, textLength: nil, chip: work.chip) {
            return .failure(KindRefusal(sentence(problem)))
        }
        return .success(answer)
    }

    static func pendingRequests(_ work: inout Work, _ context: KindContext) -> [KindRequest] {
        guard let image = context.task.image else { return [] }
        var requests: [KindRequest] = []
        let cells = imageCells(context.bodySize)
        let output = GeoViewport.outputSize(cells: cells)
        let viewport = ViewportRequest(
            media: image.media, window: work.viewport.window(chip: work.chip, cells: cells), outputWidth: output.width,
            outputHeight: output.height)
        if viewport != work.requestedViewport {
            work.requestedViewport = viewport
            requests.append(.loadViewport(viewport))
        }
        let cursor = CursorRequest(media: image.media, column: work.cursorColumn, row: work.cursorRow)
        if cursor != work.requestedCursor {
            work.requestedCursor = cursor
            requests.append(.locateCursor(cursor))
        }
        if work.restRequested != work.serial {
            work.restRequested = work.serial
            requests.append(.notifyWhenRested(serial: work.serial))
        }
        // Once the view rests with its pixels on hand, chafa draws it off the loop.
        if work.restedAt == work.serial, let image = work.image, let key = refinedKey(work, cells: cells), key.viewport == viewport,
           key != work.refineRequested {
            work.refineRequested = key
            let canvas = canvas(work, context, image: image, window: key.viewport.window)
            requests.append(.refineView(RefineRequest(view: key, image: image, overlay: canvas.overlay, cursor: canvas.cursor, depth: context.colorDepth)))
        }
        return requests
    }

    /// What refined cells must have been drawn for to be placed now: this serial, the
    /// pixels on hand, this canvas size. Nil until pixels have come.
    static func refinedKey(_ work: Work, cells: Size) -> RefinedView.Key? {
        work.imageRequest.map { RefinedView.Key(serial: work.serial, viewport: $0, cells: cells) }
    }

    static func receive(_ event: KindEvent, _ work: inout Work, _ context: KindContext) {
        switch event {
        case let .viewportLoaded(request, image):
            guard request == work.requestedViewport else { return }
            work.image = image
            work.imageRequest = request
        case .cursorLocated(let readout):
            guard readout.column == work.cursorColumn, readout.row == work.cursorRow else { return }
            work.readout = readout
        case .viewRested(let serial):
            if serial == work.serial { work.restedAt = serial }
        case .viewRefined(let view):
            if view.key == refinedKey(work, cells: imageCells(context.bodySize)) { work.refined = view }
        }
    }

    /// A Domain problem ("the polygon crosses itself: ...") as a sentence on the message line.
    static func sentence(_ problem: String, _ prefix: String = "") -> String {
        let text = prefix.isEmpty ? problem.prefix(1).uppercased() + problem.dropFirst() : prefix + problem
        return text.hasSuffix(".") ? text : text + "."
    }
}
