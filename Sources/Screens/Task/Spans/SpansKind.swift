import Domain
import Foundation
import TerminalCore
import Widgets

/// Entity spans: the text by token, a cursor and a selection over it, spans tagged by
/// type key, a legend of the types and a list of the spans.
///
/// The text is cut into tokens once per task and wrapped once per width (`Work.text`,
/// `Work.layout`); a key changes a few numbers and the span list, and rendering draws
/// only the lines on screen, so a keystroke costs the same on a long text as a short one.
public enum SpansKind: TaskKindScreen {
    public struct Work: Equatable, Sendable {
        public internal(set) var text: SpansText
        /// The text wrapped to the text pane's width at the last key (or at `begin`).
        public internal(set) var layout: TokenTextLayout
        /// The token under the cursor.
        public internal(set) var cursor = 0
        /// Where the selection began, while one is being made.
        public internal(set) var anchor: Int?
        /// The spans, sorted.
        public internal(set) var spans: [EntitySpan] = []
        /// The model's spans as offered: a span still equal to one of these is listed as the model's.
        public internal(set) var modelSpans: Set<EntitySpan> = []
        /// The first text line on screen.
        public internal(set) var scroll = 0
        /// The column up and down keep to, across short lines.
        var goalColumn: Int?
        /// The span last tagged, jumped to or nudged: "the span under the cursor" when
        /// several overlap it.
        var focused: EntitySpan?
    }

    public static func begin(_ context: KindContext) -> Work {
        let text = SpansText(context.task.text)
        let geometry = SpansGeometry(context.bodySize, context)
        var work = Work(text: text, layout: text.tokenText.laidOut(width: geometry.textWidth))
        if case .spans(let predicted)? = context.prediction?.answer {
            let known = Set(context.project.labels.map(\.name))
            let kept = predicted.filter { known.contains($0.label) && $0.start >= 0 && $0.start < $0.end && $0.end <= text.scalarCount }
            work.spans = Array(Set(kept)).sorted()
            work.modelSpans = Set(work.spans)
        }
        return work
    }

    static func isCapturingText(_ work: Work) -> Bool { false }

    public static func handle(_ key: Key, _ work: inout Work, _ context: KindContext) -> KindReply {
        let geometry = SpansGeometry(context.bodySize, context)
        if work.layout.width != geometry.textWidth {
            work.layout = work.text.tokenText.laidOut(width: geometry.textWidth)
            reveal(&work, rows: geometry.textRows)
        }
        guard !work.text.tokens.isEmpty else {
            switch key {
            case .character(let character) where context.keys.labelIndex(for: character) != nil:
                return .refused("This task has no words to tag; press Enter to submit it with no entities.")
            default:
                return .ignored
            }
        }
        let rows = geometry.textRows
        switch key {
        case .right, .character("w"), .character("l"):
            return move(&work, to: work.cursor + 1, rows: rows)
        case .left, .character("b"), .character("h"):
            return move(&work, to: work.cursor - 1, rows: rows)
        case .down, .character("j"):
            return moveByLines(&work, 1, rows: rows)
        case .up, .character("k"):
            return moveByLines(&work, -1, rows: rows)
        case .pageDown:
            return moveByLines(&work, max(1, rows - 1), rows: rows, scrolls: true)
        case .pageUp:
            return moveByLines(&work, -max(1, rows - 1), rows: rows, scrolls: true)
        case .home, .end:
            let line = work.layout.line(ofCharacter: work.text.tokens[work.cursor].lowerBound)
            let onLine = work.layout.tokens(onLine: line)
            guard !onLine.isEmpty else { return .handled }
            return move(&work, to: key == .home ? onLine.lowerBound : onLine.upperBound - 1, rows: rows)
        case .character("v"):
            work.anchor = work.anchor == nil ? work.cursor : nil
            return .handled
        case .escape:
            work.anchor = nil
            return .handled
        case .character("x"), .delete:
            return deleteSpan(&work)
        case .character("n"):
            return jumpToSpan(&work, forward: true, rows: rows)
        case .character("p"):
            return jumpToSpan(&work, forward: false, rows: rows)
        case .character("["):
            return nudge(&work, context, edge: .start, by: -1, rows: rows)
        case .character("]"):
            return nudge(&work, context, edge: .start, by: 1, rows: rows)
        case .character("{"):
            return nudge(&work, context, edge: .end, by: -1, rows: rows)
        case .character("}"):
            return nudge(&work, context, edge: .end, by: 1, rows: rows)
        case .character(let character):
            guard let index = context.keys.labelIndex(for: character) else { return .ignored }
            return tag(&work, as: index, context)
        default:
            return .ignored
        }
    }

    public static func answer(_ work: Work, _ context: KindContext) -> Result<Answer, KindRefusal> {
        if work.anchor != nil {
            return .failure(KindRefusal("Finish the selection first: press a type's key to tag it, or Esc to cancel it."))
        }
        let spans = work.spans.sorted()
        if let problem = context.project.spanProblem(spans, textLength: work.text.scalarCount) {
            return .failure(KindRefusal("These spans cannot be submitted: \(problem). Fix them with x or the edge keys [ ] { }."))
        }
        return .success(.spans(spans))
    }

    /// Four hints, so the screen's own (skip, flag, undo, help, back) still fit at 80
    /// columns; the edge keys are in help and the legend shows the types.
    static func hints(_ work: Work, _ context: KindContext) -> [String] {
        let types = typeKeys(context)
        if work.anchor != nil { return ["\(types) tag the selection", "Esc cancel"] }
        return ["w b move", "v select", "\(types) tag", "Enter submit"]
    }

    /// Short enough that the screen's own keys still show at 80x24; the types and their
    /// keys are in the legend, always on screen.
    static func helpEntries(_ context: KindContext) -> [HelpOverlay.Entry] {
        [
            .init("w l →  b h ←", "next / previous word"),
            .init("j ↓  k ↑  Home End", "line down / up; start / end of the line"),
            .init("PgUp PgDn", "a page down / up"),
            .init("v  Esc", "start a selection (moves extend it); drop it"),
            .init("\(typeKeys(context)) or letter", "tag the selection, or the word (see the legend)"),
            .init("x  Delete", "delete the span under the cursor"),
            .init("n p", "next / previous span"),
            .init("[ ]  { }", "move the span's start / end a character left / right"),
            .init("Enter", "submit the spans (none: no entities)"),
        ]
    }

    /// "1-6", or "1" for one type.
    static func typeKeys(_ context: KindContext) -> String {
        let count = context.project.labels.count
        return count > 1 ? "1-\(count)" : "1"
    }
}
