import Domain
import TerminalCore
import Widgets

/// The idle lock: hides everything until the person who is logged in types their password.
public enum LockScreen {
    public struct State: Equatable, Sendable {
        public var username: String
        public var password = TextField(isMasked: true)
        public var message: String?
        public var isChecking = false
        /// Keys typed while the password is checked, played back after a refusal.
        public var deferredKeys: [Key] = []

        public init(username: String) {
            self.username = username
        }
    }

    public enum Effect: Equatable, Sendable {
        case unlock(username: String, password: String)
        case logOut
    }

    public static func update(_ state: inout State, _ key: Key) -> [Effect] {
        guard !state.isChecking else {
            state.deferredKeys.append(key)
            return []
        }
        switch key {
        case .enter:
            guard !state.password.text.isEmpty else {
                state.message = "Type your password, then press Enter."
                return []
            }
            let password = state.password.text
            state.password.text = ""
            state.isChecking = true
            state.message = nil
            return [.unlock(username: state.username, password: password)]
        case .control("q"): return [.logOut]
        default:
            _ = state.password.handle(key)
            return []
        }
    }

    public static func refused(_ state: inout State, _ refusal: LoginScreen.Refusal) -> [Effect] {
        state.isChecking = false
        state.message = refusal.sentence
        return DeferredKeys.replay(&state, keys: \.deferredKeys, isWaiting: \.isChecking, through: update)
    }

    public static func render(_ state: State, into buffer: inout Buffer) {
        let area = Chrome.draw(marking: .unclassified, into: &buffer)
        let width = min(60, area.width - 2)
        let messageLines = state.message.map { WrappedText.lines($0, width: width - 4) } ?? []
        let inside = Dialog.draw(title: "Screen locked", contentWidth: width - 4, contentHeight: 5 + messageLines.count, in: area, into: &buffer)
        Label.draw("Locked after a while without a key. Logged in: \(state.username)", in: Rect(x: inside.x, y: inside.y, width: inside.width, height: 1), into: &buffer)
        buffer.write("Password", x: inside.x, y: inside.y + 2)
        buffer.cursor = state.password.draw(in: Rect(x: inside.x + 10, y: inside.y + 2, width: inside.width - 10, height: 1), focused: !state.isChecking, into: &buffer)
        for (index, line) in messageLines.enumerated() {
            buffer.write(line, x: inside.x, y: inside.y + 4 + index, style: .bold, limit: inside.maxX)
        }
        Chrome.drawHints(["Enter unlock", "Ctrl-Q log out"], in: area, into: &buffer)
    }
}
