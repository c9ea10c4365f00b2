import ArgumentParser
import Domain
import Foundation
import Workstation

struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Manage local accounts on this station.",
        subcommands: [Add.self, List.self, Unlock.self]
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add an account.",
            discussion: "Asks for the password twice at a terminal; with input redirected, reads it from the first line of standard input."
        )
        @OptionGroup var workspace: WorkspaceOption
        @Argument(help: "The username: lower-case letters, digits, '.', '-' and '_'.") var name: String
        @Option(help: "labeler, trainer, lead or admin.") var role: String = "labeler"
        @Option(help: "The name shown on screen.") var displayName: String?

        func run() throws {
            if let problem = Account.usernameProblem(name) { throw UserFacingError(problem) }
            guard let parsedRole = Role(rawValue: role.lowercased()) else {
                throw UserFacingError("--role \"\(role)\" is not a role; use labeler, trainer, lead or admin")
            }
            let password = try PasswordPrompt.read(confirm: true)
            guard password.count >= 8 else { throw UserFacingError("the password must have at least 8 characters") }
            let opened = try workspace.prepared().open()
            try opened.station.addAccount(Account(username: name, displayName: displayName ?? name, role: parsedRole), password: password, now: Date())
            print("Added \(parsedRole.rawValue) \(name).")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List accounts, with their role and whether they are locked.")
        @OptionGroup var workspace: WorkspaceOption

        func run() throws {
            let opened = try workspace.prepared().open()
            for account in try opened.station.accounts() {
                let lastLogon = account.lastLogonAt.map { ISO8601DateFormatter().string(from: $0) } ?? "never"
                print("\(account.username)\t\(account.role.rawValue)\t\(account.isLocked ? "LOCKED" : "active")\tlast logon \(lastLogon)\t\(account.displayName)")
            }
        }
    }

    struct Unlock: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Unlock an account locked by failed logons.")
        @OptionGroup var workspace: WorkspaceOption
        @Argument(help: "The username.") var name: String

        func run() throws {
            let opened = try workspace.resolved().open()
            try opened.station.unlock(username: name, by: "admin", now: Date())
            print("Unlocked \(name).")
        }
    }
}

/// Reads a password without echoing it at a terminal.
enum PasswordPrompt {
    static func read(confirm: Bool) throws -> String {
        guard isatty(STDIN_FILENO) == 1 else {
            guard let line = readLine(strippingNewline: true), !line.isEmpty else {
                throw UserFacingError("no password on standard input; pipe it in, or run at a terminal to be asked")
            }
            return line
        }
        let first = try prompt("Password: ")
        if confirm {
            guard try prompt("Password again: ") == first else { throw UserFacingError("the two passwords differ; nothing was changed") }
        }
        return first
    }

    private static func prompt(_ text: String) throws -> String {
        FileHandle.standardError.write(Data(text.utf8))
        var saved = termios()
        tcgetattr(STDIN_FILENO, &saved)
        var quiet = saved
        quiet.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSANOW, &quiet)
        defer {
            tcsetattr(STDIN_FILENO, TCSANOW, &saved)
            FileHandle.standardError.write(Data("\n".utf8))
        }
        guard let line = readLine(strippingNewline: true) else { throw UserFacingError("no password was typed") }
        return line
    }
}
