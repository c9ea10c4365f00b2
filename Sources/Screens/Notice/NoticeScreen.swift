import Domain
import TerminalCore
import Widgets

/// The notice-and-consent screen: shown before login, until Enter acknowledges it.
public enum NoticeScreen {
    public struct State: Equatable, Sendable {
        public var notice: String
        /// A line under the notice, such as the demo account to use; nil shows none.
        public var hint: String?
        public var scroll: Int

        public init(notice: String, hint: String? = nil) {
            self.notice = notice
            self.hint = hint
            self.scroll = 0
        }
    }

    public enum Effect: Equatable, Sendable {
        case acknowledged
        case quit
    }

    public static func update(_ state: inout State, _ key: Key) -> [Effect] {
        switch key {
        case .enter: return [.acknowledged]
        case .control("c"), .control("q"): return [.quit]
        case .down, .character("j"), .pageDown: state.scroll += key == .pageDown ? 10 : 1
        case .up, .character("k"), .pageUp: state.scroll = max(0, state.scroll - (key == .pageUp ? 10 : 1))
        default: break
        }
        return []
    }

    public static func render(_ state: State, into buffer: inout Buffer) {
        let area = Chrome.draw(marking: .unclassified, into: &buffer)
        let width = min(76, area.width - 2)
        let lines = WrappedText.lines(state.notice, width: width - 4)
        let hintLines = state.hint.map { WrappedText.lines($0, width: width - 4) } ?? []
        let wanted = lines.count + (hintLines.isEmpty ? 0 : hintLines.count + 1) + 2
        let inside = Dialog.draw(title: "Notice and consent", contentWidth: width - 4, contentHeight: min(wanted, area.height - 4), in: area, into: &buffer)
        let bodyHeight = max(0, inside.height - 2 - (hintLines.isEmpty ? 0 : hintLines.count + 1))
        let first = min(state.scroll, max(0, lines.count - bodyHeight))
        for (row, line) in lines.dropFirst(first).prefix(bodyHeight).enumerated() {
            buffer.write(line, x: inside.x, y: inside.y + row, limit: inside.maxX)
        }
        var y = inside.y + bodyHeight + 1
        for line in hintLines {
            Label.draw(line, in: Rect(x: inside.x, y: y, width: inside.width, height: 1), style: .bold, into: &buffer)
            y += 1
        }
        let prompt = lines.count > bodyHeight ? "↑↓ to read  ·  Enter to acknowledge and continue" : "Press Enter to acknowledge and continue"
        Label.draw(prompt, in: Rect(x: inside.x, y: inside.maxY - 1, width: inside.width, height: 1), alignment: .center, style: .reverse, into: &buffer)
    }
}
