import Curriculum
import Domain
import TerminalCore
import Widgets

/// Reading a lesson: its Markdown laid out to the terminal, paged and searched, its
/// pictures drawn with the imagery renderer.
///
/// The lesson is laid out a block at a time as far as the reader has gone (the page shown
/// and the next: `LessonLayout.Progress`), and whole when a search or End needs every
/// line; again when the terminal changes size or a picture arrives; never while drawing,
/// so the lines a search found are the lines drawn. Opening a lesson of thousands of lines
/// costs what its first pages cost. An image shows first as its placeholder line (its alt
/// text and file); the screen asks for its pixels (`.loadPicture`), which the app reads
/// from the course package through Imagery as it reads a task's chip, and once they come,
/// rows are made above the placeholder (then its caption) and the picture is drawn there
/// in half blocks at once, then in chafa's mosaics when the app has drawn it off the loop
/// (`.refinePicture`), as the geo screen draws a resting view.
public enum LessonScreen {
    /// A picture's place in the laid-out lines: the rows above its placeholder.
    public struct PicturePlace: Equatable, Sendable {
        public var source: String
        /// The first row the picture covers.
        public var line: Int
        public var cells: Size
    }

    public struct State: Equatable, Sendable {
        public var title: String
        public var document: MarkdownDocument
        /// The lesson's marking, for the banners: training material is UNCLASSIFIED
        /// unless its course says otherwise.
        public var marking: Marking
        public var size: Size
        public var text: PagedText
        /// The lesson laid out at this size as far as it is needed, before picture rows.
        public private(set) var layout: LessonLayout.Progress
        /// Each laid-out image's placeholder line and file, with the picture rows counted.
        public private(set) var images: [LessonLayout.Result.Image] = []
        /// The pixels of each picture that has arrived, by the source the lesson names.
        public private(set) var pictures: [String: PixelImage] = [:]
        /// Where the arrived pictures are drawn.
        public private(set) var places: [PicturePlace] = []
        /// Each picture drawn by chafa at the cells its place has, once it is back: what
        /// the page shows instead of the half blocks it draws meanwhile.
        public private(set) var refined: [String: Buffer] = [:]
        /// Pictures asked to be drawn by chafa and not back yet, by source and cells.
        private var refining: Set<String> = []
        public var colorDepth: ColorDepth = .indexed256

        public init(title: String, document: MarkdownDocument, marking: Marking = .unclassified, size: Size) {
            self.title = title
            self.document = document
            self.marking = marking
            self.size = size
            self.text = PagedText(lines: [], areaHeight: LessonScreen.pagedHeight(for: size))
            self.layout = LessonLayout.Progress(document, width: LessonScreen.textWidth(for: size))
            layOutAhead()
        }

        mutating func resize(to size: Size) {
            // A reader who had it all (a search's matches, End) keeps it all at the new width.
            let whole = layout.isComplete
            self.size = size
            layout = LessonLayout.Progress(document, width: LessonScreen.textWidth(for: size))
            if whole { layout.complete() }
            extendAhead()
            placeLines()
        }

        mutating func receive(_ picture: PixelImage, source: String) {
            guard !picture.isEmpty else { return }
            pictures[source] = picture
            placeLines()
        }

        /// The lines through the end of the next page.
        private var linesAhead: Int { text.scroll + 2 * max(1, LessonScreen.pagedHeight(for: size)) }

        /// Lays out the page shown and the next, when they are not yet (a page turn then
        /// finds its page ready and lays out the one after), and the rest too when little
        /// is left (so a lesson of ordinary length knows its length).
        mutating func layOutAhead() {
            let before = layout.lines.count
            extendAhead()
            if layout.lines.count != before { placeLines() }
        }

        private mutating func extendAhead() {
            layout.extend(toAtLeast: linesAhead)
            if layout.remainingWeight <= LessonScreen.smallRemainder { layout.complete() }
        }

        /// Lays the rest of the lesson out: a search or End needs every line.
        mutating func layOutWhole() {
            guard !layout.isComplete else { return }
            layout.complete()
            placeLines()
        }

        /// The laid-out lines with rows under each placeholder for its picture, handed to
        /// the paged text.
        private mutating func placeLines() {
            let width = LessonScreen.textWidth(for: size)
            var lines: [StyledLine] = []
            lines.reserveCapacity(layout.lines.count)
            var shownImages: [LessonLayout.Result.Image] = []
            var shownPlaces: [PicturePlace] = []
            var images = layout.images[...]
            let maximumRows = max(1, LessonScreen.pagedHeight(for: size) - 3)
            for (index, line) in layout.lines.enumerated() {
                // The picture goes above its placeholder, which stays as its caption
                // (however many lines a long description wraps to).
                while let image = images.first, image.line <= index {
                    images = images.dropFirst()
                    if let picture = pictures[image.source] {
                        let cells = LessonScreen.cells(for: picture, width: width, maximumRows: maximumRows)
                        shownPlaces.append(PicturePlace(source: image.source, line: lines.count, cells: cells))
                        lines += Array(repeating: .blank, count: cells.height)
                    }
                    var placeholder = image
                    placeholder.line = lines.count
                    shownImages.append(placeholder)
                }
                lines.append(line)
            }
            let pictureRows = lines.count - layout.lines.count
            let expected = layout.isComplete ? nil : layout.expectedLineCount + pictureRows
            text.replace(lines: lines, areaHeight: LessonScreen.pagedHeight(for: size), expectedLineCount: expected)
            self.images = shownImages
            places = shownPlaces
        }

        /// The chafa drawings to ask for: each placed picture not yet drawn at its cells.
        mutating func refinements() -> [Effect] {
            places.compactMap { place in
                guard refined[place.source]?.size != place.cells, let picture = pictures[place.source] else { return nil }
                let key = "\(place.source)\u{0}\(place.cells.width)x\(place.cells.height)"
                guard refining.insert(key).inserted else { return nil }
                return .refinePicture(source: place.source, picture, cells: place.cells, depth: colorDepth)
            }
        }

        mutating func receiveRefined(_ cells: Buffer, source: String) {
            refining = refining.filter { !$0.hasPrefix(source + "\u{0}") }
            refined[source] = cells
        }

        /// Lays out what a key will need before the paged text takes it: every line for a
        /// search or a step between matches or End, else the pages ahead of where it goes.
        mutating func prepare(for key: Key) {
            if text.draft != nil {
                if key == .enter { layOutWhole() }
                return
            }
            switch key {
            case .end, .character("G"): layOutWhole()
            case .character("n"), .character("N"): if !text.query.isEmpty { layOutWhole() }
            default: layOutAhead()
            }
        }
    }

    public enum Action: Equatable, Sendable {
        case keyPressed(Key)
        case resized(Size)
        /// The pixels a `.loadPicture` asked for.
        case pictureLoaded(source: String, PixelImage)
        /// A picture drawn by chafa, as `.refinePicture` asked.
        case pictureRefined(source: String, Buffer)
    }

    public enum Effect: Equatable, Sendable {
        /// Leave the lesson for the screen it was opened from.
        case back
        /// Read the picture the lesson names `source` as pixels fitting `cells` (the
        /// canvas's pixels per cell, aspect kept); answer with `.pictureLoaded`.
        case loadPicture(source: String, cells: Size)
        /// Draw the picture with chafa's mosaics (`ImageCanvas` `.refined`) into `cells`, away
        /// from the loop (tens of milliseconds for a large picture); answer with `.pictureRefined`.
        case refinePicture(source: String, PixelImage, cells: Size, depth: ColorDepth)
    }

    /// Text left to lay out (about characters) that is laid out at once rather than as
    /// the reader goes: a couple of milliseconds' work, more than the longest starter
    /// lesson holds.
    public static let smallRemainder = 8_000

    public static let hints = ["/ search", "n N next/previous", "PgUp PgDn page", "Home End", "q back"]

    /// Columns the lesson is laid out to: the screen less a column each side.
    public static func textWidth(for size: Size) -> Int { max(1, size.width - 2) }

    /// Rows of the paged text with its status row: all but the banners, the title and the hints.
    public static func pagedHeight(for size: Size) -> Int { max(1, size.height - 4) }

    /// The pictures to ask for when the lesson opens: each file once, at most a page.
    public static func start(_ state: inout State) -> [Effect] {
        var seen: Set<String> = []
        let cells = Size(width: textWidth(for: state.size), height: max(1, pagedHeight(for: state.size) - 3))
        return LessonLayout.imageSources(of: state.document.blocks).compactMap { source in
            seen.insert(source).inserted ? .loadPicture(source: source, cells: cells) : nil
        }
    }

    /// The cells a picture takes at a width: as wide as it fits, its aspect kept (the
    /// canvas's cells are two pixels wide and four tall, so its pixels come out square),
    /// no taller than `maximumRows`.
    public static func cells(for picture: PixelImage, width: Int, maximumRows: Int) -> Size {
        let (perX, perY) = ImageCanvas.pixelsPerCell
        var columns = max(1, min(width, (picture.width + perX - 1) / perX))
        var rows = max(1, Int((Double(columns * perX) * Double(picture.height) / Double(max(1, picture.width)) / Double(perY)).rounded(.up)))
        if rows > maximumRows {
            rows = maximumRows
            columns = max(1, min(columns, Int((Double(rows * perY) * Double(picture.width) / Double(max(1, picture.height)) / Double(perX)).rounded())))
        }
        return Size(width: columns, height: rows)
    }

    public static func update(_ state: inout State, _ action: Action) -> [Effect] {
        switch action {
        case .resized(let size):
            state.resize(to: size)
            return state.refinements()
        case let .pictureLoaded(source, picture):
            state.receive(picture, source: source)
            return state.refinements()
        case let .pictureRefined(source, cells):
            state.receiveRefined(cells, source: source)
            return state.refinements()
        case .keyPressed(let key):
            state.prepare(for: key)
            if state.text.handle(key) {
                state.layOutAhead()
                return state.refinements()
            }
            switch key {
            case .character("q"), .escape: return [.back]
            default: return []
            }
        }
    }

    public static func render(_ state: State, into buffer: inout Buffer) {
        let area = Chrome.draw(marking: state.marking, into: &buffer)
        guard area.height >= 3, area.width > 2 else { return }
        Label.draw("Lesson: " + state.title, in: Rect(x: area.x + 1, y: area.y, width: area.width - 2, height: 1), style: .bold, into: &buffer)
        let paged = Rect(x: area.x + 1, y: area.y + 1, width: area.width - 2, height: area.height - 2)
        buffer.cursor = state.text.draw(in: paged, into: &buffer)
        drawPictures(state, in: paged, into: &buffer)
        Chrome.drawHints(hints, in: area, into: &buffer)
    }

    /// The arrived pictures on the page, cut where the page cuts them.
    static func drawPictures(_ state: State, in paged: Rect, into buffer: inout Buffer) {
        let visible = state.text.visibleLines
        for place in state.places {
            let rows = place.line..<(place.line + place.cells.height)
            let shown = rows.clamped(to: visible)
            guard !shown.isEmpty, let picture = state.pictures[place.source] else { continue }
            // Chafa's drawing once it is back at these cells; half blocks until then.
            let canvas = state.refined[place.source].flatMap { $0.size == place.cells ? $0 : nil }
                ?? ImageCanvas.render(picture, overlay: [], cells: place.cells, depth: state.colorDepth, quality: .fast)
            for line in shown {
                let y = paged.y + (line - state.text.scroll)
                let row = line - place.line
                for column in 0..<min(place.cells.width, paged.width) {
                    buffer[paged.x + column, y] = canvas[column, row]
                }
            }
        }
    }
}
