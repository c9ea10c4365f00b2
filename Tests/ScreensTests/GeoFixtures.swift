import Domain
import Foundation
import Screens
import TerminalCore

/// A geo task on a synthetic chip, and a stand-in for the effect runner that answers the
/// screen's imagery effects from a picture defined pixel by pixel, so every test and
/// snapshot sees the same pixels for the same window.
enum GeoFixture {
    static let start = Date(timeIntervalSince1970: 1_795_000_000)
    static let chipSize = ChipSize(width: 256, height: 192)
    static let media = MediaReference(sha256: String(repeating: "c0", count: 32), byteCount: 65_536)
    static let image = TaskImage(
        media: media, scene: "synthetic.tif", chip: PixelWindow(x: 1024, y: 512, width: 256, height: 192),
        focus: PixelWindow(x: 32, y: 32, width: 192, height: 128))
    /// UTM-like georeferencing: 0.5 m pixels.
    static let transform = GeoTransform([500_000, 0.5, 0, 4_200_000, 0, -0.5])

    static let roofs = Project(
        id: "roofs", title: "Roof outlines", kind: .geoPolygon,
        labels: [LabelChoice(name: "building", color: "orange"), LabelChoice(name: "shed", color: "cyan")],
        instructions: "Outline every roof")
    static let cars = Project(id: "cars", title: "Vehicles", kind: .geoBox, labels: [LabelChoice(name: "car"), LabelChoice(name: "truck")])

    static func box(_ label: String, _ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) -> Shape {
        Shape(label: label, geometry: .box(PixelPoint(x: x0, y: y0), PixelPoint(x: x1, y: y1)))
    }

    static func polygon(_ label: String, _ pairs: [(Double, Double)]) -> Shape {
        Shape(label: label, geometry: .polygon(pairs.map { PixelPoint(x: $0.0, y: $0.1) }))
    }

    static func task(project: Project = roofs, prediction: [Shape]? = nil, image: TaskImage? = image) -> LeasedTask {
        LeasedTask(
            task: LabelTask(
                id: "chip-0042", projectID: project.id, text: "", marking: .unclassified,
                predictions: prediction.map { [Prediction(model: "roofnet v3", score: 0.8, answer: .shapes($0))] } ?? [], image: image),
            epoch: 1, expiresAt: start.addingTimeInterval(3600))
    }

    static func state(project: Project = roofs, prediction: [Shape]? = nil, size: Size = Size(width: 80, height: 24)) -> TaskScreen.State {
        var state = TaskScreen.State(
            project: project, keys: try! project.labelKeys(), current: task(project: project, prediction: prediction), now: start,
            doneToday: 3, waiting: 40, timeZone: TimeZone(identifier: "UTC")!, systemHigh: .topSecretSCI,
            bodySize: TaskScreen.bodySize(for: size))
        state.sync = SyncIndicator(link: .standalone, pending: 0, lastSyncAt: start.addingTimeInterval(-60))
        state.colorDepth = .trueColor
        return state
    }

    static func work(_ state: TaskScreen.State) -> GeoKind.Work {
        guard case .geo(let work)? = state.work else { fatalError("the task screen is not on a geo task") }
        return work
    }

    /// The synthetic chip: a diagonal gradient over grass, a grey road across, two dark roofs.
    static func pixel(_ x: Int, _ y: Int) -> RGBA {
        guard x >= 0, y >= 0, x < chipSize.width, y < chipSize.height else { return RGBA(red: 0, green: 0, blue: 0, alpha: 0) }
        if (96..<104).contains(y) { return RGBA(red: 150, green: 150, blue: 150) }
        if (40..<80).contains(x), (30..<70).contains(y) { return RGBA(red: 90, green: 40, blue: 30) }
        if (160..<200).contains(x), (120..<150).contains(y) { return RGBA(red: 60, green: 60, blue: 90) }
        return RGBA(red: UInt8(40 + x * 60 / 256), green: UInt8(90 + y * 100 / 192), blue: 50)
    }

    /// What Imagery's decimated nearest-neighbour read gives for a request.
    static func pixels(for request: ViewportRequest) -> PixelImage {
        var image = PixelImage(width: request.outputWidth, height: request.outputHeight)
        for row in 0..<request.outputHeight {
            for column in 0..<request.outputWidth {
                let x = request.window.x + (Double(column) + 0.5) * request.window.width / Double(request.outputWidth)
                let y = request.window.y + (Double(row) + 0.5) * request.window.height / Double(request.outputHeight)
                image[column, row] = pixel(Int(x.rounded(.down)), Int(y.rounded(.down)))
            }
        }
        return image
    }

    static func readout(for request: CursorRequest) -> ImageReadout {
        let value = pixel(request.column, request.row)
        let map = transform.map(PixelPoint(x: Double(request.column) + 0.5, y: Double(request.row) + 0.5))
        // Lon/lat and MGRS are Imagery's to compute; fixed here, the screen only shows them.
        return ImageReadout(
            column: request.column, row: request.row, values: [Double(value.red), Double(value.green), Double(value.blue)], map: map,
            crs: "EPSG:32614", geographic: GeoPoint(longitude: -99.0, latitude: 37.947), mgrs: "14SNH0000000000")
    }

    /// Runs the screen's imagery effects as the effect runner would, until none are left;
    /// rest notices are answered only when `rest` is set.
    static func settle(_ effects: [TaskScreen.Effect], _ state: inout TaskScreen.State, rest: Bool = false) {
        var queue = effects
        while !queue.isEmpty {
            let effect = queue.removeFirst()
            switch effect {
            case .loadViewport(let request): queue += TaskScreen.update(&state, .viewportLoaded(request, pixels(for: request)))
            case .locateCursor(let request): queue += TaskScreen.update(&state, .cursorLocated(readout(for: request)))
            case .notifyWhenRested(let serial): if rest { queue += TaskScreen.update(&state, .viewRested(serial: serial)) }
            case .refineView(let request): queue += TaskScreen.update(&state, .viewRefined(request.render()))
            default: break
            }
        }
    }

    /// Presses keys one by one, running each one's imagery effects; returns the other effects.
    @discardableResult
    static func press(_ keys: [Key], _ state: inout TaskScreen.State) -> [TaskScreen.Effect] {
        var others: [TaskScreen.Effect] = []
        for key in keys {
            let effects = TaskScreen.update(&state, .key(key))
            others += effects.filter { effect in
                switch effect {
                case .loadViewport, .locateCursor, .notifyWhenRested, .refineView: false
                default: true
                }
            }
            settle(effects, &state)
        }
        return others
    }

    static func type(_ text: String, _ state: inout TaskScreen.State) {
        press(text.map { Key.character($0) }, &state)
    }

    /// Moves the crosshair to a chip pixel with the arrow keys at the current zoom.
    static func moveCursor(toColumn column: Int, row: Int, _ state: inout TaskScreen.State) {
        for _ in 0..<2000 {
            let work = work(state)
            if work.cursorColumn == column, work.cursorRow == row { return }
            let step = work.viewport.cursorStep(chip: work.chip, cells: GeoKind.imageCells(state.bodySize))
            let key: Key
            if abs(work.cursorColumn - column) >= step { key = work.cursorColumn < column ? .right : .left }
            else if abs(work.cursorRow - row) >= step { key = work.cursorRow < row ? .down : .up }
            else { fatalError("pixel \(column),\(row) is not reachable in steps of \(step) from \(work.cursorColumn),\(work.cursorRow)") }
            press([key], &state)
        }
    }

    static func render(_ state: TaskScreen.State, size: Size) -> Buffer {
        var buffer = Buffer(size: size)
        TaskScreen.render(state, into: &buffer)
        return buffer
    }
}
