import Curriculum
import Domain
import TerminalCore
import Widgets

/// Reading a lesson: its Markdown laid out to the terminal, paged and searched.
///
/// The lesson is laid out when the screen opens and again when the terminal changes
/// size, never while drawing, so the lines a search found are the lines drawn. Images
/// show as a placeholder line naming their file (see `LessonLayout.Result.images`); the
/// screen that draws them with the imagery renderer comes later, as does the route here.
public enum LessonScreen {
    public struct State: Equatable, Sendable {
        public var title: String
        public var document: MarkdownDocument
        /// The lesson's marking, for the banners: training material is UNCLASSIFIED
        /// unless its course says otherwise.
        public var marking: Marking
        public var size: Size
        public var text: PagedText
        /// Each image's placeholder line and file, as laid out at this size.
        public private(set) var images: [LessonLayout.Result.Image]

        public init(title: String, document: MarkdownDocument, marking: Marking = .unclassified, size: Size) {
            self.title = title
            self.document = document
            self.marking = marking
            self.size = size
            let layout = LessonLayout.layout(document, width: LessonScreen.textWidth(for: size))
            self.text = PagedText(lines: layout.lines, areaHeight: LessonScreen.pagedHeight(for: size))
            self.images = layout.images
        }

        mutating func resize(to size: Size) {
            self.size = size
            let layout = LessonLayout.layout(document, width: LessonScreen.textWidth(for: size))
            text.replace(lines: layout.lines, areaHeight: LessonScreen.pagedHeight(for: size))
            images = layout.images
        }
    }

    public enum Action: Equatable, Sendable {
        case keyPressed(Key)
        case resized(Size)
    }

    public enum Effect: Equatable, Sendable {
        /// Leave the lesson for the screen it was opened from.
        case back
    }

    public static let hints = ["/ search", "n N next/previous", "PgUp PgDn page", "Home End", "q back"]

    /// Columns the lesson is laid out to: the screen less a column each side.
    public static func textWidth(for size: Size) -> Int { max(1, size.width - 2) }

    /// Rows of the paged text with its status row: all but the banners, the title and the hints.
    public static func pagedHeight(for size: Size) -> Int { max(1, size.height - 4) }

    public static func update(_ state: inout State, _ action: Action) -> [Effect] {
        switch action {
        case .resized(let size):
            state.resize(to: size)
            return []
        case .keyPressed(let key):
            if state.text.handle(key) { return [] }
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
        Chrome.drawHints(hints, in: area, into: &buffer)
    }
}
