/// An error already in words for the person at the terminal.
struct UserFacingError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
