import Domain
import TerminalCore
import Widgets

/// The login screen: username and masked password.
public enum LoginScreen {
    public enum Field: Equatable, Sendable { case username, password }

    public struct State: Equatable, Sendable {
        public var username = TextField(maximumLength: 32)
        public var password = TextField(isMasked: true)
        public var focus: Field = .username
        /// The answer to the last attempt, shown under the fields.
        public var message: String?
        /// A logon is being checked; keys typed meanwhile wait in `deferredKeys`.
        public var isChecking = false
        public var deferredKeys: [Key] = []

        public init(message: String? = nil) {
            self.message = message
        }
    }

    public enum Effect: Equatable, Sendable {
        case logOn(username: String, password: String)
        case quit
    }

    /// What the person sees after a refused logon.
    public enum Refusal: Equatable, Sendable {
        case wrongPassword
        case locked
        case justLocked
        /// The station's database did not answer the check; nothing was decided.
        case couldNotCheck

        public var sentence: String {
            switch self {
            case .wrongPassword: "Wrong username or password. Three failures within 15 minutes lock the account."
            case .locked: "This account is locked. Ask an admin to run: labeldesk user unlock <name>"
            case .justLocked: "Too many failed logons: the account is now locked. An admin can unlock it with: labeldesk user unlock <name>"
            case .couldNotCheck: "The password could not be checked: this station's database did not answer. Try again; if it keeps happening, tell an admin (the station's log has the details)."
            }
        }
    }

    public static func update(_ state: inout State, _ key: Key) -> [Effect] {
        guard !state.isChecking else {
            state.deferredKeys.append(key)
            return []
        }
        switch key {
        case .control("c"), .control("q"): return [.quit]
        case .tab, .backTab, .up, .down:
            state.focus = state.focus == .username ? .password : .username
        case .escape:
            state = State()
        case .enter:
            if state.focus == .username {
                state.focus = .password
                return []
            }
            let username = state.username.text.trimmingCharacters(in: .whitespaces).lowercased()
            guard !username.isEmpty else {
                state.message = "Type your username first."
                state.focus = .username
                return []
            }
            guard !state.password.text.isEmpty else {
                state.message = "Type your password, then press Enter."
                return []
            }
            state.isChecking = true
            state.message = nil
            let password = state.password.text
            state.password.text = ""
            return [.logOn(username: username, password: password)]
        default:
            if state.focus == .username { _ = state.username.handle(key) } else { _ = state.password.handle(key) }
        }
        return []
    }

    /// Shows why the last logon was refused, puts the person back in the password
    /// field, and plays back what they typed while the logon was being checked.
    public static func refused(_ state: inout State, _ refusal: Refusal) -> [Effect] {
        state.isChecking = false
        state.message = refusal.sentence
        state.focus = .password
        return DeferredKeys.replay(&state, keys: \.deferredKeys, isWaiting: \.isChecking, through: update)
    }

    public static func render(_ state: State, into buffer: inout Buffer) {
        let area = Chrome.draw(marking: .unclassified, into: &buffer)
        let width = min(60, area.width - 2)
        let messageLines = state.message.map { WrappedText.lines($0, width: width - 4) } ?? []
        let inside = Dialog.draw(title: "LabelDesk — log in", contentWidth: width - 4, contentHeight: 6 + messageLines.count, in: area, into: &buffer)
        let labelWidth = 10
        let fieldWidth = inside.width - labelWidth
        buffer.write("Username", x: inside.x, y: inside.y + 1, style: state.focus == .username ? .bold : .plain)
        let userCursor = state.username.draw(in: Rect(x: inside.x + labelWidth, y: inside.y + 1, width: fieldWidth, height: 1), focused: state.focus == .username, into: &buffer)
        buffer.write("Password", x: inside.x, y: inside.y + 3, style: state.focus == .password ? .bold : .plain)
        let passwordCursor = state.password.draw(in: Rect(x: inside.x + labelWidth, y: inside.y + 3, width: fieldWidth, height: 1), focused: state.focus == .password, into: &buffer)
        buffer.cursor = state.isChecking ? nil : (userCursor ?? passwordCursor)
        for (index, line) in messageLines.enumerated() {
            buffer.write(line, x: inside.x, y: inside.y + 5 + index, style: .bold, limit: inside.maxX)
        }
        if state.isChecking {
            Label.draw("Checking…", in: Rect(x: inside.x, y: inside.maxY - 1, width: inside.width, height: 1), alignment: .center, style: .dim, into: &buffer)
        }
        Chrome.drawHints(["Tab next field", "Enter log in", "Esc clear", "Ctrl-Q quit"], in: area, into: &buffer)
    }
}

import Foundation
