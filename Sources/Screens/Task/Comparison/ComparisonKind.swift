import Domain
import Foundation
import TerminalCore
import Widgets

/// Comparison: a prompt, two model responses shown as "A" (left, or on top) and "B",
/// which is better and by how much, 1-7 ratings per dimension, and a written rationale.
///
/// The screen's sides are not the task's order: each task shows its responses swapped
/// or not, decided by a stable hash of its id (`isShownSwapped`), so position bias can
/// be measured and every station shows a task the same way. Everything in `Work` is in
/// screen terms (left = A); `answer` maps it back to the task's order.
///
/// Keys: `a`/`1` A is better, `b`/`2` B, `t`/`=` a tie; when the project asks for a
/// strength, the next 1/2/3 says slightly/clearly/much. Tab and Shift-Tab move focus
/// through the prompt, A, B, the ratings grid and the rationale; `j`/`k`/PgUp/PgDn
/// scroll the focused pane; in the grid the arrows (or h j k l) move and 1-7 rate and
/// step to the next cell; `r` (or Tab to it) writes the rationale, Esc stops writing.
public enum ComparisonKind: TaskKindScreen {
    /// What has focus: a pane to scroll, the ratings grid, or the rationale editor.
    public enum Focus: Equatable, Sendable, CaseIterable {
        case prompt, left, right, ratings, rationale
    }

    /// A preference as the screen shows it.
    public enum Choice: Equatable, Sendable {
        case left, right, tie
    }

    public struct Work: Equatable, Sendable {
        public var focus: Focus = .left
        /// The task's first response is on the right, as "B".
        public var shownSwapped: Bool
        public var choice: Choice?
        /// 1 slightly, 2 clearly, 3 much better.
        public var strength: Int?
        /// The next 1/2/3 is the strength (right after choosing A or B).
        public var isAskingStrength = false
        /// Per dimension name, the ratings of the left (A) and right (B) responses.
        public var ratingsLeft: [String: Int] = [:]
        public var ratingsRight: [String: Int] = [:]
        /// The grid's cursor: a dimension, and 0 for A or 1 for B.
        public var ratingRow = 0
        public var ratingColumn = 0
        public var promptScroll = 0
        public var leftScroll = 0
        public var rightScroll = 0
        public var rationale: TextEditor
        /// Where focus goes back to when the rationale editor lets go.
        public var focusBeforeRationale: Focus = .left
    }

    /// The body is this wide or wider: A and B side by side; narrower, one above the other.
    public static let sideBySideWidth = 100

    /// Whether a task shows its first response on the right: bit 63 of FNV-1a (64-bit)
    /// over the id's UTF-8, the same on every machine and every run (unlike `hashValue`).
    public static func isShownSwapped(taskID: String) -> Bool {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in taskID.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash >> 63 == 1
    }

    static func begin(_ context: KindContext) -> Work {
        let swapped = isShownSwapped(taskID: context.task.id)
        var work = Work(shownSwapped: swapped, rationale: TextEditor(maximumLength: 5_000, placeholder: "Press r to write why."))
        if case .comparison(let predicted)? = context.prediction?.answer {
            switch predicted.preference {
            case .tie: work.choice = .tie
            case .a: work.choice = swapped ? .right : .left
            case .b: work.choice = swapped ? .left : .right
            }
            work.strength = work.choice == .tie ? nil : predicted.strength
            work.ratingsLeft = swapped ? predicted.ratingsB : predicted.ratingsA
            work.ratingsRight = swapped ? predicted.ratingsA : predicted.ratingsB
        }
        work.rationale.viewport = layout(bodyRect(context), context, work).rationaleEditor.size
        return work
    }

    static func isCapturingText(_ work: Work) -> Bool { work.focus == .rationale }

    static func bodyRect(_ context: KindContext) -> Rect {
        Rect(x: 0, y: 0, width: context.bodySize.width, height: context.bodySize.height)
    }

    /// The responses as the screen shows them: (left A, right B).
    static func shownResponses(_ work: Work, _ context: KindContext) -> (left: String, right: String) {
        let responses = context.task.responses
        let first = responses.first ?? "", second = responses.dropFirst().first ?? ""
        return work.shownSwapped ? (second, first) : (first, second)
    }

    /// The focus order for Tab: the grid only when the project rates dimensions.
    static func focusOrder(_ context: KindContext) -> [Focus] {
        context.project.dimensions.isEmpty ? [.prompt, .left, .right, .rationale] : Focus.allCases
    }

    static func moveFocus(_ work: inout Work, by step: Int, _ context: KindContext) {
        let order = focusOrder(context)
        let index = order.firstIndex(of: work.focus) ?? 0
        let next = order[(index + step + order.count) % order.count]
        setFocus(next, &work)
    }

    static func setFocus(_ focus: Focus, _ work: inout Work) {
        if focus == .rationale, work.focus != .rationale { work.focusBeforeRationale = work.focus }
        work.focus = focus
        work.isAskingStrength = false
    }

    static func handle(_ key: Key, _ work: inout Work, _ context: KindContext) -> KindReply {
        let parts = layout(bodyRect(context), context, work)
        if work.rationale.viewport != parts.rationaleEditor.size { work.rationale.viewport = parts.rationaleEditor.size }
        if work.focus == .rationale {
            switch key {
            case .escape:
                work.focus = work.focusBeforeRationale
                return .handled
            case .tab:
                moveFocus(&work, by: 1, context)
                return .handled
            case .backTab:
                moveFocus(&work, by: -1, context)
                return .handled
            default:
                return work.rationale.handle(key) ? .handled : .ignored
            }
        }
        if work.isAskingStrength {
            work.isAskingStrength = false
            switch key {
            case .character(let character) where ("1"..."3").contains(character):
                work.strength = character.wholeNumberValue
                return .handled
            case .escape:
                return .handled
            default:
                break  // Any other key does what it always does.
            }
        }
        switch key {
        case .tab:
            moveFocus(&work, by: 1, context)
            return .handled
        case .backTab:
            moveFocus(&work, by: -1, context)
            return .handled
        case .character("r"):
            setFocus(.rationale, &work)
            return .handled
        case .paste:
            // A paste is text, never keys: it goes into the rationale, which takes focus.
            setFocus(.rationale, &work)
            _ = work.rationale.handle(key)
            return .handled
        case .character("a"), .character("A"):
            return choose(.left, &work, context)
        case .character("b"), .character("B"):
            return choose(.right, &work, context)
        case .character("t"), .character("T"), .character("="):
            return choose(.tie, &work, context)
        default:
            break
        }
        if work.focus == .ratings { return handleRatings(key, &work, context) }
        switch key {
        case .character("1"): return choose(.left, &work, context)
        case .character("2"): return choose(.right, &work, context)
        default: break
        }
        let pane: (rect: Rect, text: String, scroll: WritableKeyPath<Work, Int>)? = switch work.focus {
        case .prompt: (parts.prompt, context.task.text, \.promptScroll)
        case .left: (parts.left, shownResponses(work, context).left, \.leftScroll)
        case .right: (parts.right, shownResponses(work, context).right, \.rightScroll)
        case .ratings, .rationale: nil
        }
        if let pane, TextScroll.handle(key, scroll: &work[keyPath: pane.scroll], rows: pane.rect.height - 2) {
            work[keyPath: pane.scroll] = min(work[keyPath: pane.scroll], ScrollPane(title: nil, text: pane.text).maximumScroll(in: pane.rect.size))
            return .handled
        }
        return .ignored
    }

    static func choose(_ choice: Choice, _ work: inout Work, _ context: KindContext) -> KindReply {
        work.choice = choice
        if choice == .tie {
            work.strength = nil
        } else if context.project.asksStrength {
            work.isAskingStrength = true
        }
        return .handled
    }

    static func handleRatings(_ key: Key, _ work: inout Work, _ context: KindContext) -> KindReply {
        let dimensions = context.project.dimensions
        guard !dimensions.isEmpty else { return .ignored }
        work.ratingRow = min(work.ratingRow, dimensions.count - 1)
        let name = dimensions[work.ratingRow].name
        switch key {
        case .up, .character("k"): work.ratingRow = max(0, work.ratingRow - 1)
        case .down, .character("j"): work.ratingRow = min(dimensions.count - 1, work.ratingRow + 1)
        case .left, .character("h"): work.ratingColumn = 0
        case .right, .character("l"): work.ratingColumn = 1
        case .backspace, .delete, .character("0"):
            if work.ratingColumn == 0 { work.ratingsLeft[name] = nil } else { work.ratingsRight[name] = nil }
        case .character(let character) where character.isASCII && ("1"..."7").contains(character):
            let rating = character.wholeNumberValue ?? 0
            if work.ratingColumn == 0 { work.ratingsLeft[name] = rating } else { work.ratingsRight[name] = rating }
            // Step on, A then B then the next dimension, so a grid is typed as digits.
            if work.ratingColumn == 0 {
                work.ratingColumn = 1
            } else if work.ratingRow < dimensions.count - 1 {
                work.ratingColumn = 0
                work.ratingRow += 1
            }
        case .character(let character) where character.isNumber:
            return .refused("Ratings run from 1 to 7.")
        default:
            return .ignored
        }
        return .handled
    }

    static func answer(_ work: Work, _ context: KindContext) -> Result<Answer, KindRefusal> {
        let project = context.project
        guard let choice = work.choice else {
            return .failure(KindRefusal("Choose the better response first: a (or 1) for A, b (or 2) for B, t (or =) for a tie."))
        }
        if choice != .tie, project.asksStrength, work.strength == nil {
            let side = choice == .left ? "A" : "B"
            return .failure(KindRefusal("Say how much better \(side) is: press \(side.lowercased()), then 1 slightly, 2 clearly or 3 much."))
        }
        for dimension in project.dimensions {
            if work.ratingsLeft[dimension.name] == nil { return .failure(KindRefusal("Rate \(dimension.name) for A: Tab to the ratings, then 1-7.")) }
            if work.ratingsRight[dimension.name] == nil { return .failure(KindRefusal("Rate \(dimension.name) for B: Tab to the ratings, then 1-7.")) }
        }
        let rationale = work.rationale.text
        if project.rationaleProblem(rationale) != nil {
            let length = rationale.trimmingCharacters(in: .whitespacesAndNewlines).count
            let minimum = project.rationale.minimumLength
            if length == 0 {
                return .failure(KindRefusal(minimum > 0
                    ? "Write a rationale of at least \(minimum) characters: press r."
                    : "Write a rationale: press r."))
            }
            return .failure(KindRefusal("Write a rationale of at least \(minimum) characters (\(length) so far): press r."))
        }
        let preference: ComparisonAnswer.Preference = switch choice {
        case .tie: .tie
        case .left: work.shownSwapped ? .b : .a
        case .right: work.shownSwapped ? .a : .b
        }
        let answer = Answer.comparison(ComparisonAnswer(
            preference: preference, strength: choice == .tie || !project.asksStrength ? nil : work.strength,
            ratingsA: work.shownSwapped ? work.ratingsRight : work.ratingsLeft,
            ratingsB: work.shownSwapped ? work.ratingsLeft : work.ratingsRight,
            rationale: rationale, shownSwapped: work.shownSwapped))
        if let problem = project.answerProblem(answer, isSkip: false, textLength: nil) {
            return .failure(KindRefusal(problem.prefix(1).uppercased() + problem.dropFirst() + "."))
        }
        return .success(answer)
    }

    // MARK: Layout and drawing

    struct Layout {
        var prompt, left, right, choiceRow, ratings, rationale, rationaleEditor: Rect
        var isSideBySide: Bool
    }

    /// From the bottom: the rationale, the ratings (a row per dimension), the choice row;
    /// the prompt and the two responses share what is left.
    static func layout(_ rect: Rect, _ context: KindContext, _ work: Work) -> Layout {
        let wide = rect.width >= sideBySideWidth
        let rationaleHeight = rect.height >= 30 ? 6 : 3
        let (aboveRationale, rationale) = rect.splitBottom(rationaleHeight)
        let (aboveRatings, ratings) = aboveRationale.splitBottom(min(context.project.dimensions.count, 6))
        let (panes, choiceRow) = aboveRatings.splitBottom(1)
        let promptLines = ScrollPane(title: nil, text: context.task.text).lines(outerWidth: panes.width).count
        let promptHeight = min(promptLines + 2, max(3, panes.height / 3))
        let (prompt, responses) = panes.splitTop(promptHeight)
        let left: Rect, right: Rect
        if wide {
            left = Rect(x: responses.x, y: responses.y, width: responses.width / 2, height: responses.height)
            right = Rect(x: left.maxX, y: responses.y, width: responses.width - left.width, height: responses.height)
        } else {
            (left, right) = responses.splitTop(responses.height / 2)
        }
        return Layout(
            prompt: prompt, left: left, right: right, choiceRow: choiceRow, ratings: ratings, rationale: rationale,
            rationaleEditor: rationale.inset(horizontal: 2, vertical: 1), isSideBySide: wide)
    }

    /// A focused part is drawn bold cyan: colour for most terminals, bold for monochrome.
    static let focusedStyle = Style(foreground: .cyan, attributes: .bold)
    /// A chosen option: reverse video and bold, as classification draws a chosen label.
    static let chosenStyle = Style.reverse.with(.bold)

    static func render(_ work: Work, _ context: KindContext, in rect: Rect, into buffer: inout Buffer) {
        let parts = layout(rect, context, work)
        let (leftText, rightText) = shownResponses(work, context)
        func frameStyle(_ focus: Focus) -> Style { work.focus == focus ? focusedStyle : .plain }
        let promptTitle = context.project.instructions.isEmpty ? "Prompt" : "Prompt · " + context.project.instructions
        ScrollPane(title: promptTitle, text: context.task.text, frameStyle: frameStyle(.prompt))
            .draw(in: parts.prompt, scroll: work.promptScroll, into: &buffer)
        let better = " ✓ better" + (work.strength.map { " (" + strengthWord($0) + ")" } ?? "")
        ScrollPane(title: "A" + (work.choice == .left ? better : work.choice == .tie ? " = tie" : ""), text: leftText, emptyText: "(empty response)", frameStyle: frameStyle(.left))
            .draw(in: parts.left, scroll: work.leftScroll, into: &buffer)
        ScrollPane(title: "B" + (work.choice == .right ? better : work.choice == .tie ? " = tie" : ""), text: rightText, emptyText: "(empty response)", frameStyle: frameStyle(.right))
            .draw(in: parts.right, scroll: work.rightScroll, into: &buffer)
        drawChoiceRow(work, context, in: parts.choiceRow, into: &buffer)
        drawRatings(work, context, in: parts.ratings, into: &buffer)
        let rule = context.project.rationale
        let length = work.rationale.text.trimmingCharacters(in: .whitespacesAndNewlines).count
        var title = "Rationale"
        if rule.minimumLength > 0 {
            title += " (at least \(rule.minimumLength) characters, \(length) so far)"
        } else if !rule.required {
            title += " (optional)"
        }
        if work.focus == .rationale { title += " · Esc to stop writing" }
        Frame(title: title, style: frameStyle(.rationale)).draw(in: parts.rationale, into: &buffer)
        if let cursor = work.rationale.draw(in: parts.rationaleEditor, focused: work.focus == .rationale, into: &buffer) {
            buffer.cursor = cursor
        }
    }

    static func strengthWord(_ strength: Int) -> String {
        switch strength {
        case 1: "slightly"
        case 2: "clearly"
        default: "much"
        }
    }

    /// "Better: (•) A ( ) B ( ) tie  How much: [2 clearly]": fits 78 columns with every
    /// option; the keys a, b, t are in the hints and help.
    static func drawChoiceRow(_ work: Work, _ context: KindContext, in row: Rect, into buffer: inout Buffer) {
        guard row.height > 0 else { return }
        var x = buffer.write(" Better:", x: row.x, y: row.y, style: .bold, limit: row.maxX) + 1
        for (choice, name) in [(Choice.left, "A"), (.right, "B"), (.tie, "tie")] {
            let chosen = work.choice == choice
            x = buffer.write((chosen ? " (•) " : " ( ) ") + name + " ", x: x, y: row.y, style: chosen ? chosenStyle : .plain, limit: row.maxX) + 1
        }
        guard context.project.asksStrength, work.choice != .tie else { return }
        x = buffer.write(" How much:", x: x + 1, y: row.y, style: work.isAskingStrength ? focusedStyle : .bold, limit: row.maxX) + 1
        for strength in 1...3 {
            let chosen = work.strength == strength
            let text = "\(strength) \(strengthWord(strength))"
            x = buffer.write(chosen ? "[" + text + "]" : " " + text + " ", x: x, y: row.y, style: chosen ? chosenStyle : .plain, limit: row.maxX)
        }
    }

    static func drawRatings(_ work: Work, _ context: KindContext, in rect: Rect, into buffer: inout Buffer) {
        let dimensions = context.project.dimensions
        let nameWidth = min(20, dimensions.map { CharacterWidth.of($0.name) }.max() ?? 0)
        for (row, dimension) in dimensions.prefix(rect.height).enumerated() {
            let y = rect.y + row
            let focusedRow = work.focus == .ratings && work.ratingRow == row
            var x = buffer.write(focusedRow ? " ▸ " : "   ", x: rect.x, y: y, style: focusedStyle, limit: rect.maxX)
            let name = WrappedText.truncate(dimension.name, width: nameWidth)
            buffer.write(name, x: x, y: y, style: .bold, limit: rect.maxX)
            x += nameWidth + 2
            for (column, ratings) in [work.ratingsLeft, work.ratingsRight].enumerated() {
                let value = ratings[dimension.name].map(String.init) ?? "·"
                let isCursor = focusedRow && work.ratingColumn == column
                x = buffer.write(column == 0 ? "A " : "  B ", x: x, y: y, limit: rect.maxX)
                x = buffer.write("[\(value)]", x: x, y: y, style: isCursor ? Style(foreground: .cyan, attributes: [.bold, .reverse]) : .plain, limit: rect.maxX)
            }
            let hint = dimension.hint.map { "  1-7: " + $0 } ?? "  1-7"
            buffer.write(hint, x: x, y: y, style: .dim, limit: rect.maxX)
        }
    }

    static func hints(_ work: Work, _ context: KindContext) -> [String] {
        if work.focus == .rationale { return ["Esc stop writing", "Tab next", "Ctrl-Z undo"] }
        if work.isAskingStrength { return ["1 slightly", "2 clearly", "3 much better"] }
        // Scrolling is in the help: the bottom line keeps what a task cannot be done without.
        var hints = ["a b t better", "Tab focus", "r rationale", "Enter submit"]
        if work.focus == .ratings { hints.insert("1-7 rate", at: 0) }
        return hints
    }

    static func helpEntries(_ context: KindContext) -> [HelpOverlay.Entry] {
        var entries: [HelpOverlay.Entry] = [
            .init("a  1", "A (left or upper) is better"),
            .init("b  2", "B (right or lower) is better"),
            .init("t  =", "a tie"),
        ]
        if context.project.asksStrength { entries.append(.init("then 1 2 3", "slightly, clearly or much better")) }
        entries.append(.init("Tab  Shift-Tab", "focus prompt, A, B, " + (context.project.dimensions.isEmpty ? "" : "ratings, ") + "rationale"))
        entries.append(.init("j k  PgUp PgDn", "scroll the focused text"))
        if !context.project.dimensions.isEmpty {
            entries.append(.init("ratings: ← → ↑ ↓", "choose a cell; 1-7 rate, 0 clears"))
        }
        entries.append(.init("r", "write the rationale; Esc stops"))
        entries.append(.init("Enter", "submit and go to the next task"))
        return entries
    }
}
