import Domain
import Foundation
import TerminalCore
import Widgets

extension GeoKind {
    /// Until the first pixels arrive the shapes are drawn on a dark ground.
    static let placeholder = RGBA(red: 24, green: 24, blue: 24)

    static func render(_ work: Work, _ context: KindContext, in rect: Rect, into buffer: inout Buffer) {
        let (imageRect, lines) = rect.splitBottom(2)
        guard context.task.image != nil else {
            let inside = Frame(title: "No image").draw(in: rect, into: &buffer)
            Label.drawWrapped("This task names no image chip, so there is nothing to draw on. Skip it with s and flag it with f for the shift lead.", in: inside.inset(horizontal: 1, vertical: 0), into: &buffer)
            return
        }
        let cells = Size(width: imageRect.width, height: imageRect.height)
        if let refined = work.refined, refined.key == refinedKey(work, cells: cells) {
            ImageCanvas.place(refined.cells, in: imageRect, into: &buffer)
        } else {
            // The pixels on hand and the window they show; shapes are placed in that window,
            // so they sit on the picture even while newer pixels are on their way.
            let image: PixelImage
            let window: PixelRect
            if let loaded = work.image, let request = work.imageRequest {
                image = loaded
                window = request.window
            } else {
                let output = GeoViewport.outputSize(cells: cells)
                image = PixelImage(width: output.width, height: output.height, filledWith: placeholder)
                window = work.viewport.window(chip: work.chip, cells: imageCells(context.bodySize))
            }
            let canvas = canvas(work, context, image: image, window: window)
            ImageCanvas.draw(image, overlay: canvas.overlay, cursor: canvas.cursor, in: imageRect, depth: context.colorDepth, quality: .fast, into: &buffer)
        }
        drawReadout(work, in: Rect(x: lines.x, y: lines.y, width: lines.width, height: 1), into: &buffer)
        drawStatus(work, context, in: Rect(x: lines.x, y: lines.y + 1, width: lines.width, height: 1), into: &buffer)
    }

    /// The shapes and the crosshair over `image`, which shows `window` of the chip: the
    /// selected shape on top, and the shape being drawn over all.
    static func canvas(_ work: Work, _ context: KindContext, image: PixelImage, window: PixelRect) -> (overlay: [OverlayShape], cursor: OverlayCursor) {
        let size = (width: image.width, height: image.height)
        func place(_ point: PixelPoint) -> OverlayPoint { GeoViewport.toOutput(point, window: window, output: size) }
        var overlay: [OverlayShape] = []
        for (index, shape) in work.shapes.enumerated() {
            let isSelected = index == work.selected
            overlay.append(OverlayShape(
                points: shape.geometry.vertices.map(place), closed: true, color: classColor(shape.label, context),
                emphasis: isSelected ? .selected : shape.acceptedPrediction != nil ? .prediction : .normal,
                highlightedVertex: isSelected ? work.selectedVertex : nil))
        }
        // The selected shape on top, so its outline is never hidden under another's.
        if let selected = work.selected, overlay.indices.contains(selected) { overlay.append(overlay.remove(at: selected)) }
        let drawingColor = context.project.labels.isEmpty ? Color.brightWhite : classColor(className(work.drawingClass, context), context)
        switch work.drawing {
        case .box(let corner):
            overlay.append(OverlayShape(points: ShapeGeometry.box(corner, work.cursor).vertices.map(place), closed: true, color: drawingColor, emphasis: .drawing))
        case .polygon(let points):
            overlay.append(OverlayShape(points: (points + [work.cursor]).map(place), closed: false, color: drawingColor, emphasis: .drawing,
                                        highlightedVertex: points.count - 1))
        case nil:
            break
        }
        return (overlay, OverlayCursor(point: place(work.cursor)))
    }

    static func classColor(_ name: String, _ context: KindContext) -> Color {
        guard let index = context.project.labels.firstIndex(where: { $0.name == name }) else { return .brightWhite }
        let color = LabelColor.of(context.project.labels, at: index)
        return .rgb(color.red, color.green, color.blue)
    }

    /// The crosshair's pixel, its value, map coordinates, latitude and longitude, and MGRS,
    /// labelled when `width` allows and packed tight when it does not (80 columns).
    static func readoutText(_ work: Work, width: Int = .max) -> String {
        let pixel = "\(work.cursorColumn),\(work.cursorRow)"
        guard let readout = work.readout, readout.column == work.cursorColumn, readout.row == work.cursorRow else {
            return "px \(pixel)  reading…"
        }
        let values = readout.values.isEmpty ? "no data" : readout.values.map(number).joined(separator: " ")
        func degrees(_ point: GeoPoint, digits: Int) -> String {
            String(format: "%.\(digits)f°%@ %.\(digits)f°%@", abs(point.latitude), point.latitude < 0 ? "S" : "N",
                   abs(point.longitude), point.longitude < 0 ? "W" : "E")
        }
        var full = ["px \(pixel)", "value " + values]
        var packed = [pixel, "[" + values + "]"]
        if let map = readout.map {
            full.append(String(format: "%.2f E %.2f N", map.x, map.y) + (readout.crs.map { " " + $0 } ?? ""))
            packed.append(String(format: "%.1fE %.1fN", map.x, map.y))
        } else {
            full.append("no georeferencing")
            packed.append("no georef")
        }
        if let point = readout.geographic {
            full.append(degrees(point, digits: 6))
            packed.append(degrees(point, digits: 5))
        }
        if let mgrs = readout.mgrs {
            full.append("MGRS " + mgrs)
            packed.append(mgrs)
        }
        let text = full.joined(separator: "  ")
        return CharacterWidth.of(text) <= width ? text : packed.joined(separator: " ")
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(format: "%.4g", value)
    }

    static func drawReadout(_ work: Work, in rect: Rect, into buffer: inout Buffer) {
        Label.draw(" " + readoutText(work, width: rect.width - 1), in: rect, style: .dim, into: &buffer)
    }

    /// Zoom, the class for the next shape (in its colour), what is selected or being drawn.
    static func drawStatus(_ work: Work, _ context: KindContext, in rect: Rect, into buffer: inout Buffer) {
        let deepest = GeoViewport.deepestLevel(chip: work.chip, cells: imageCells(context.bodySize))
        var x = rect.x + 1
        func write(_ text: String, _ style: Style = Style()) {
            guard x < rect.maxX else { return }
            buffer.write(text, x: x, y: rect.y, style: style, limit: rect.maxX)
            x += CharacterWidth.of(text)
        }
        write(work.viewport.level == 0 ? "fit" : "zoom \(work.viewport.level)/\(deepest)", .dim)
        write("  ")
        let palette = SpanPalette(context.project)
        if context.project.labels.indices.contains(work.drawingClass) {
            let key = context.keys.letters.indices.contains(work.drawingClass) ? "\(context.keys.letters[work.drawingClass])" : ""
            write(" \(work.drawingClass + 1)\(key.isEmpty ? "" : " " + key) \(context.project.labels[work.drawingClass].name) ", palette.styles[work.drawingClass])
        }
        write("  ")
        write(statusText(work, context), .bold)
    }

    static func statusText(_ work: Work, _ context: KindContext) -> String {
        if let move = work.moving {
            if case .vertex(let index) = move.target { return "moving vertex \(index + 1): arrows, Enter drops, Esc cancels" }
            return "moving the shape: arrows, Enter drops, Esc cancels"
        }
        switch work.drawing {
        case .box: return "drawing a box: b or Enter places the other corner"
        case .polygon(let points): return "drawing a polygon: \(points.count) \(points.count == 1 ? "vertex" : "vertices"), Enter adds, c closes"
        case nil: break
        }
        guard let selected = work.selected, work.shapes.indices.contains(selected) else {
            let count = work.shapes.count
            return count == 0 ? "no shapes" : "\(count) \(count == 1 ? "shape" : "shapes")"
        }
        let shape = work.shapes[selected]
        var text = "shape \(selected + 1) of \(work.shapes.count): \(shape.label) "
        switch shape.geometry {
        case .box: text += "box"
        case .polygon(let ring): text += "polygon, \(ring.count) vertices"
        }
        if let vertex = work.selectedVertex { text += ", vertex \(vertex + 1)" }
        if shape.acceptedPrediction != nil { text += " (model's)" }
        return text
    }

    static func hints(_ work: Work, _ context: KindContext) -> [String] {
        if work.moving != nil { return ["arrows move", "Enter drop", "Esc cancel"] }
        switch work.drawing {
        case .box: return ["b/Enter other corner", "Esc drop"]
        case .polygon: return ["Enter vertex", "c close", "x remove last", "Esc drop"]
        case nil: break
        }
        var hints = [context.project.kind == .geoPolygon ? "b box  p polygon" : "b box", "Tab select", "+ - zoom"]
        if work.selected != nil { hints.append("m move") }
        hints.append("Enter submit")
        return hints
    }

    static func helpEntries(_ context: KindContext) -> [HelpOverlay.Entry] {
        let count = context.project.labels.count
        let letters = context.keys.letters.map(String.init).joined(separator: " ")
        var entries: [HelpOverlay.Entry] = [
            .init("← → ↑ ↓  h j k l", "move the crosshair (one pixel at the deepest zoom)"),
            .init("Shift+arrows  H J K L", "pan a screen at a time (PgUp PgDn too)"),
            .init("+ -  0", "zoom in, out about the crosshair; fit the chip"),
            .init("b", "box: b at one corner, b or Enter at the other"),
        ]
        if context.project.kind == .geoPolygon { entries.append(.init("p  Enter  c", "polygon: p starts, Enter adds a vertex, c closes")) }
        entries += [
            .init("Tab Shift-Tab  [ ]", "select a shape; one of its vertices"),
            .init("m", "move the vertex or shape: arrows, Enter drops, Esc cancels"),
            .init("i  x", "insert a vertex at the crosshair; delete vertex or shape"),
            .init("1-\(count)  \(letters)", "class of the selected or next shape: " + context.project.labels.map(\.name).joined(separator: ", ")),
            .init("u  U", "undo, redo a shape edit (then u undoes the submission)"),
            .init("Enter  Esc", "submit the shapes; Esc drops a drawing or the selection"),
        ]
        return entries
    }
}
