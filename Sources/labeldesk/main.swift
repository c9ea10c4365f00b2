import ArgumentParser
import Foundation

// Errors are turned into words for a person here, and only here.
do {
    var command = try LabelDesk.parseAsRoot()
    if var asyncCommand = command as? AsyncParsableCommand {
        try await asyncCommand.run()
    } else {
        try command.run()
    }
} catch {
    LabelDesk.exit(withError: UserFacingError.translate(error))
}
