import Domain
import Foundation
import TerminalCore
import Widgets

extension GeoKind {
    /// A cursor key's direction, in steps of x and y; nil for other keys.
    static func direction(_ key: Key) -> (dx: Int, dy: Int)? {
        switch key {
        case .left, .character("h"): (-1, 0)
        case .right, .character("l"): (1, 0)
        case .up, .character("k"): (0, -1)
        case .down, .character("j"): (0, 1)
        default: nil
        }
    }

    /// A key that pans a screen at a time, as a fraction of the window in x and y.
    static func screenPan(_ key: Key) -> (dx: Double, dy: Double)? {
        switch key {
        case .character("H"), .shiftLeft: (-0.9, 0)
        case .character("L"), .shiftRight: (0.9, 0)
        case .character("K"), .shiftUp, .pageUp: (0, -0.9)
        case .character("J"), .shiftDown, .pageDown: (0, 0.9)
        default: nil
        }
    }

    static func handleKey(_ key: Key, _ work: inout Work, _ context: KindContext) -> KindReply {
        guard context.task.image != nil else {
            return .refused("This task has no image to draw on: skip it with s and flag it with f.")
        }
        if work.moving != nil { return handleMoving(key, &work, context) }
        let cells = imageCells(context.bodySize)
        if let (dx, dy) = direction(key) {
            let step = work.viewport.cursorStep(chip: work.chip, cells: cells)
            moveCursor(to: work.cursorColumn + dx * step, work.cursorRow + dy * step, &work, context)
            return .handled
        }
        if let (dx, dy) = screenPan(key) {
            let window = work.viewport.window(chip: work.chip, cells: cells)
            let shiftX = Int((window.width * dx).rounded()), shiftY = Int((window.height * dy).rounded())
            work.viewport.center.x += Double(shiftX)
            work.viewport.center.y += Double(shiftY)
            work.viewport = work.viewport.clamped(chip: work.chip)
            moveCursor(to: work.cursorColumn + shiftX, work.cursorRow + shiftY, &work, context)
            return .handled
        }
        switch key {
        case .character("+"), .character("="):
            return zoom(by: 1, &work, context)
        case .character("-"):
            return zoom(by: -1, &work, context)
        case .character("0"):
            work.viewport = .fit(work.chip)
            return .handled
        case .character("b"):
            return boxKey(&work, context)
        case .character("p"):
            return startPolygon(&work, context)
        case .enter:
            return enterKey(&work, context)
        case .character("c"):
            return closePolygon(&work, context)
        case .escape:
            if work.drawing != nil {
                work.drawing = nil
            } else if work.selectedVertex != nil {
                work.selectedVertex = nil
            } else {
                work.selected = nil
            }
            return .handled
        case .tab, .backTab:
            return cycleShapes(forward: key == .tab, &work, context)
        case .character("["), .character("]"):
            return cycleVertices(forward: key == .character("]"), &work, context)
        case .character("m"):
            return startMove(&work)
        case .character("i"):
            return insertVertex(&work, context)
        case .character("x"), .backspace, .delete:
            return delete(&work, context)
        case .character("u"):
            return undo(&work)
        case .character("U"):
            return redo(&work)
        case .character(let character):
            guard let index = context.keys.labelIndex(for: character) else { return .ignored }
            return setClass(index, &work, context)
        default:
            return .ignored
        }
    }

    // MARK: the view

    /// Puts the crosshair on a pixel (kept on the chip) and the view after it.
    static func moveCursor(to column: Int, _ row: Int, _ work: inout Work, _ context: KindContext) {
        work.cursorColumn = min(max(0, column), work.chip.width - 1)
        work.cursorRow = min(max(0, row), work.chip.height - 1)
        work.viewport = work.viewport.following(work.cursor, chip: work.chip, cells: imageCells(context.bodySize))
    }

    static func zoom(by change: Int, _ work: inout Work, _ context: KindContext) -> KindReply {
        let cells = imageCells(context.bodySize)
        let deepest = GeoViewport.deepestLevel(chip: work.chip, cells: cells)
        let target = work.viewport.level + change
        if target < 0 { return .refused("The whole chip is in view already; + zooms in.") }
        if target > deepest { return .refused("This is the deepest zoom: one image pixel per \(Int(GeoViewport.deepestScale) / 2) cells across; - zooms out.") }
        work.viewport = work.viewport.zoomed(to: target, about: work.cursor, chip: work.chip, cells: cells)
        work.viewport = work.viewport.following(work.cursor, chip: work.chip, cells: cells)
        return .handled
    }

    // MARK: drawing

    static func boxKey(_ work: inout Work, _ context: KindContext) -> KindReply {
        switch work.drawing {
        case nil:
            work.drawing = .box(corner: work.cursor)
            work.selected = nil
            work.selectedVertex = nil
            return .handled
        case .box(let corner):
            let geometry = ShapeGeometry.box(corner, work.cursor).normalized
            return keep(Shape(label: className(work.drawingClass, context), geometry: geometry), &work, context)
        case .polygon:
            return .refused("Finish the polygon first: Enter adds a vertex, c closes it, Esc drops it.")
        }
    }

    static func startPolygon(_ work: inout Work, _ context: KindContext) -> KindReply {
        guard context.project.kind == .geoPolygon else {
            return .refused("Project \(context.project.id) takes boxes: press b at one corner and b or Enter at the other.")
        }
        switch work.drawing {
        case nil:
            work.drawing = .polygon([work.cursor])
            work.selected = nil
            work.selectedVertex = nil
            return .handled
        case .box:
            return .refused("Finish the box first: b or Enter places its second corner, Esc drops it.")
        case .polygon:
            return .refused("A polygon is being drawn: Enter adds a vertex, c closes it.")
        }
    }

    static func enterKey(_ work: inout Work, _ context: KindContext) -> KindReply {
        switch work.drawing {
        case nil:
            return .ignored
        case .box:
            return boxKey(&work, context)
        case .polygon(var points):
            if points.last == work.cursor { return .refused("That vertex is already placed: move the crosshair first, or c closes the polygon.") }
            if points.contains(work.cursor) { return .refused("The polygon already has a vertex there; a polygon may not touch itself.") }
            points.append(work.cursor)
            work.drawing = .polygon(points)
            return .handled
        }
    }

    static func closePolygon(_ work: inout Work, _ context: KindContext) -> KindReply {
        guard case .polygon(let points) = work.drawing else {
            return work.drawing == nil ? .refused("No polygon is being drawn: p starts one.") : .refused("c closes polygons; b or Enter finishes a box.")
        }
        guard points.count >= 3 else {
            return .refused("A polygon needs at least 3 vertices; it has \(points.count). Enter adds one at the crosshair.")
        }
        return keep(Shape(label: className(work.drawingClass, context), geometry: .polygon(points)), &work, context)
    }

    /// Adds a finished shape when the Domain's check takes it; else says why and keeps drawing.
    static func keep(_ shape: Shape, _ work: inout Work, _ context: KindContext) -> KindReply {
        if let problem = shape.geometry.problem(within: work.chip) { return .refused(sentence(problem, "Not kept: ")) }
        record(&work)
        work.shapes.append(shape)
        work.selected = work.shapes.count - 1
        work.selectedVertex = nil
        work.drawing = nil
        return .handled
    }

    static func className(_ index: Int, _ context: KindContext) -> String {
        let labels = context.project.labels
        return labels.indices.contains(index) ? labels[index].name : labels.first?.name ?? ""
    }

    // MARK: selection

    static func cycleShapes(forward: Bool, _ work: inout Work, _ context: KindContext) -> KindReply {
        guard !work.shapes.isEmpty else { return .refused("No shapes yet: b draws a box\(context.project.kind == .geoPolygon ? ", p a polygon" : "").") }
        if work.drawing != nil { return .refused("Finish the shape being drawn first, or drop it with Esc.") }
        let count = work.shapes.count
        let next = work.selected.map { (forward ? $0 + 1 : $0 - 1 + count) % count } ?? (forward ? 0 : count - 1)
        work.selected = next
        work.selectedVertex = nil
        let vertices = work.shapes[next].geometry.vertices
        let xs = vertices.map(\.x), ys = vertices.map(\.y)
        let middle = PixelPoint(x: ((xs.min() ?? 0) + (xs.max() ?? 0)) / 2, y: ((ys.min() ?? 0) + (ys.max() ?? 0)) / 2)
        moveCursor(to: Int(middle.x.rounded(.down)), Int(middle.y.rounded(.down)), &work, context)
        return .handled
    }

    static func cycleVertices(forward: Bool, _ work: inout Work, _ context: KindContext) -> KindReply {
        guard let selected = work.selected else { return .refused("Select a shape first: Tab cycles shapes, then [ and ] its vertices.") }
        let vertices = work.shapes[selected].geometry.vertices
        let count = vertices.count
        let next = work.selectedVertex.map { (forward ? $0 + 1 : $0 - 1 + count) % count } ?? (forward ? 0 : count - 1)
        work.selectedVertex = next
        moveCursor(to: Int(vertices[next].x.rounded(.down)), Int(vertices[next].y.rounded(.down)), &work, context)
        return .handled
    }

    // MARK: editing

    /// Keeps the shapes as they are for undo, before an edit; an edit forgets redo.
    static func record(_ work: inout Work) {
        work.undoStack.append(work.shapes)
        work.redoStack = []
    }

    /// Changes the shape at `index`; once it differs from what the model gave, it is the labeler's.
    static func change(_ index: Int, _ work: inout Work, _ edit: (inout Shape) -> Void) {
        var shape = work.shapes[index]
        let before = shape
        edit(&shape)
        if !shape.sameOutline(as: before) { shape.acceptedPrediction = nil }
        work.shapes[index] = shape
    }

    static func setClass(_ index: Int, _ work: inout Work, _ context: KindContext) -> KindReply {
        work.drawingClass = index
        guard work.drawing == nil, let selected = work.selected else { return .handled }
        let name = context.project.labels[index].name
        guard work.shapes[selected].label != name else { return .handled }
        record(&work)
        change(selected, &work) { $0.label = name }
        return .handled
    }

    static func startMove(_ work: inout Work) -> KindReply {
        if work.drawing != nil { return .refused("Finish the shape being drawn first, or drop it with Esc.") }
        guard let selected = work.selected else { return .refused("Select a shape first: Tab cycles shapes, [ and ] their vertices.") }
        work.moving = Move(target: work.selectedVertex.map(MoveTarget.vertex) ?? .shape, original: work.shapes[selected])
        return .handled
    }

    static func handleMoving(_ key: Key, _ work: inout Work, _ context: KindContext) -> KindReply {
        guard let move = work.moving, let selected = work.selected else {
            work.moving = nil
            return .handled
        }
        let cells = imageCells(context.bodySize)
        switch key {
        case .escape:
            work.shapes[selected] = move.original
            work.moving = nil
            return .handled
        case .enter, .character("m"):
            if let problem = work.shapes[selected].geometry.problem(within: work.chip) {
                return .refused(sentence(problem, "Not dropped: "))
            }
            if work.shapes[selected] != move.original {
                work.undoStack.append(work.shapes.enumerated().map { $0.offset == selected ? move.original : $0.element })
                work.redoStack = []
            }
            work.moving = nil
            return .handled
        default:
            guard let (dx, dy) = direction(key) else {
                return .refused("Moving: arrows or hjkl move it, Enter drops it, Esc puts it back.")
            }
            let step = work.viewport.cursorStep(chip: work.chip, cells: cells)
            let column = min(max(0, work.cursorColumn + dx * step), work.chip.width - 1)
            let row = min(max(0, work.cursorRow + dy * step), work.chip.height - 1)
            let shift = (x: Double(column - work.cursorColumn), y: Double(row - work.cursorRow))
            moveCursor(to: column, row, &work, context)
            change(selected, &work) { shape in
                switch move.target {
                case .shape:
                    shape.geometry = shape.geometry.translated(x: shift.x, y: shift.y)
                case .vertex(let index):
                    shape.geometry = moving(index, of: shape.geometry, by: shift)
                }
            }
            if case .vertex = move.target, case .box = work.shapes[selected].geometry {
                // A box's corners are renumbered when one passes another: follow the moved one.
                let vertices = work.shapes[selected].geometry.vertices
                if let index = vertices.firstIndex(of: work.cursor) ?? vertices.indices.min(by: {
                    hypot(vertices[$0].x - work.cursor.x, vertices[$0].y - work.cursor.y) < hypot(vertices[$1].x - work.cursor.x, vertices[$1].y - work.cursor.y)
                }) {
                    work.selectedVertex = index
                    work.moving?.target = .vertex(index)
                }
            }
            return .handled
        }
    }

    /// The outline with one vertex moved; a box's corner drags its two edges, so it stays a box.
    static func moving(_ index: Int, of geometry: ShapeGeometry, by shift: (x: Double, y: Double)) -> ShapeGeometry {
        var vertices = geometry.vertices
        guard vertices.indices.contains(index) else { return geometry }
        vertices[index] = PixelPoint(x: vertices[index].x + shift.x, y: vertices[index].y + shift.y)
        switch geometry {
        case .box:
            return ShapeGeometry.box(vertices[index], vertices[(index + 2) % 4]).normalized
        case .polygon:
            return .polygon(vertices)
        }
    }

    static func insertVertex(_ work: inout Work, _ context: KindContext) -> KindReply {
        if work.drawing != nil { return .refused("While drawing, Enter adds a vertex; i inserts into a finished polygon.") }
        guard let selected = work.selected else { return .refused("Select a polygon first: Tab cycles shapes, [ and ] their vertices.") }
        if case .box = work.shapes[selected].geometry, context.project.kind == .geoBox {
            return .refused("A box keeps its four corners: [ and ] pick one, m moves it.")
        }
        var ring = work.shapes[selected].geometry.vertices
        if ring.contains(work.cursor) { return .refused("The shape has a vertex there already: move the crosshair where the new one goes.") }
        let position = (work.selectedVertex ?? ring.count - 1) + 1
        ring.insert(work.cursor, at: position)
        let geometry = ShapeGeometry.polygon(ring)
        if let problem = geometry.problem(within: work.chip) { return .refused(sentence(problem, "Not inserted: ")) }
        record(&work)
        change(selected, &work) { $0.geometry = geometry }
        work.selectedVertex = position
        return .handled
    }

    static func delete(_ work: inout Work, _ context: KindContext) -> KindReply {
        switch work.drawing {
        case .box:
            work.drawing = nil
            return .handled
        case .polygon(var points):
            points.removeLast()
            work.drawing = points.isEmpty ? nil : .polygon(points)
            return .handled
        case nil:
            break
        }
        guard let selected = work.selected else { return .refused("Select a shape first: Tab cycles shapes, [ and ] their vertices.") }
        if let vertex = work.selectedVertex {
            guard case .polygon(var ring) = work.shapes[selected].geometry else {
                return .refused("A box keeps its four corners: Esc lets go of the corner, then x deletes the box.")
            }
            guard ring.count > 3 else {
                return .refused("A polygon keeps at least 3 vertices: Esc lets go of the vertex, then x deletes the polygon.")
            }
            ring.remove(at: vertex)
            let geometry = ShapeGeometry.polygon(ring)
            if let problem = geometry.problem(within: work.chip) { return .refused(sentence(problem, "Not deleted: ")) }
            record(&work)
            change(selected, &work) { $0.geometry = geometry }
            work.selectedVertex = vertex % ring.count
            return .handled
        }
        record(&work)
        work.shapes.remove(at: selected)
        work.selected = nil
        return .handled
    }

    static func undo(_ work: inout Work) -> KindReply {
        // Reached with an empty history only while drawing (takesFirst lets the screen
        // undo the submission otherwise).
        guard let previous = work.undoStack.popLast() else { return .refused("No edits to undo on this task yet.") }
        work.redoStack.append(work.shapes)
        work.shapes = previous
        fixSelection(&work)
        return .handled
    }

    static func redo(_ work: inout Work) -> KindReply {
        guard let next = work.redoStack.popLast() else { return .refused("Nothing to redo.") }
        work.undoStack.append(work.shapes)
        work.shapes = next
        fixSelection(&work)
        return .handled
    }

    static func fixSelection(_ work: inout Work) {
        if let selected = work.selected, !work.shapes.indices.contains(selected) { work.selected = work.shapes.isEmpty ? nil : work.shapes.count - 1 }
        if let selected = work.selected, let vertex = work.selectedVertex, vertex >= work.shapes[selected].geometry.vertices.count {
            work.selectedVertex = nil
        }
        if work.selected == nil { work.selectedVertex = nil }
    }
}
