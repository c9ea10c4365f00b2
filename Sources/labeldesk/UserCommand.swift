import ArgumentParser
import Domain
import Foundation
import Workstation

struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Manage local accounts on this station, or the hub's roster with --db.",
        discussion: """
            People log on at a station, so accounts with passwords live there. The hub keeps a roster of \
            usernames and roles and takes work only from people on it whose role labels (labeler, lead). \
            In a standalone workspace both are kept at once; with a separate hub, add each person on the \
            station and, with --db, at the hub.
            """,
        subcommands: [Add.self, List.self, Unlock.self]
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add an account, or with --db put a person on a hub's roster (or change their role there).",
            discussion: "Asks for the password twice at a terminal; with input redirected, reads it from the first line of standard input. With --db no password is asked: the hub keeps none."
        )
        @OptionGroup var workspace: WorkspaceOption
        @OptionGroup var hubDatabase: HubDatabaseOption
        @Argument(help: "The username: lower-case letters, digits, '.', '-' and '_'.") var name: String
        @Option(help: "labeler, trainer, lead or admin.") var role: String = "labeler"
        @Option(help: "The name shown on screen.") var displayName: String?

        func run() throws {
            if let problem = Account.usernameProblem(name) { throw UserFacingError(problem) }
            guard let parsedRole = Role(rawValue: role.lowercased()) else {
                throw UserFacingError("--role \"\(role)\" is not a role; use labeler, trainer, lead or admin")
            }
            if hubDatabase.isGiven {
                let database = try hubDatabase.open(workspace: workspace, creating: true)
                switch try database.setUser(username: name, role: parsedRole, actor: "admin", now: Date()) {
                case .added: print("Added \(parsedRole.rawValue) \(name) to the hub's roster.")
                case .roleChanged(let previous): print("Changed \(name)'s role at the hub from \(previous) to \(parsedRole.rawValue).")
                case .unchanged: print("\(name) is already on the hub's roster as \(parsedRole.rawValue).")
                }
                return
            }
            let password = try PasswordPrompt.read(confirm: true)
            guard password.count >= 8 else { throw UserFacingError("the password must have at least 8 characters") }
            let opened = try workspace.prepared().open()
            try opened.addAccount(Account(username: name, displayName: displayName ?? name, role: parsedRole), password: password, now: Date())
            print("Added \(parsedRole.rawValue) \(name).")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List accounts, with their role and whether they are locked; with --db, a hub's roster.")
        @OptionGroup var workspace: WorkspaceOption
        @OptionGroup var hubDatabase: HubDatabaseOption

        func run() throws {
            if hubDatabase.isGiven {
                for user in try hubDatabase.open(workspace: workspace, creating: false).users() {
                    print("\(user.username)\t\(user.role.rawValue)\t\(user.role.mayLabel ? "may label" : "may not label")")
                }
                return
            }
            let opened = try workspace.prepared().open()
            for account in try opened.station.accounts() {
                let lastLogon = account.lastLogonAt.map(Timestamp.seconds) ?? "never"
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
