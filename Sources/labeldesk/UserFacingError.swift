import ArgumentParser
import Foundation

/// An error already in words for the person at the terminal.
struct UserFacingError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }

    /// Errors argument-parser knows (help, usage, exit codes) pass through; every other
    /// error becomes its own sentence, never a stack trace or a type name.
    static func translate(_ error: Error) -> Error {
        if error is UserFacingError || error is ExitCode || error is CleanExit || error is ValidationError { return error }
        // argument-parser's own usage errors are internal types: leave them to it.
        if String(reflecting: type(of: error)).hasPrefix("ArgumentParser.") { return error }
        if let described = error as? CustomStringConvertible { return UserFacingError(described.description) }
        return UserFacingError(error.localizedDescription)
    }
}
