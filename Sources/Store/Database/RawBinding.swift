import GRDB
import GRDBSQLite

/// Binding a prepared statement's parameters through SQLite's C interface, for the few
/// bulk paths (an import of a hundred thousand tasks) where GRDB's argument arrays cost
/// more than the insert itself.
///
/// `bindText` binds `SQLITE_STATIC` from the string's own UTF-8 for the duration of
/// `body` only, so the statement must be stepped and reset inside it; rows of many
/// texts are bound from one buffer instead (`PreparedRows`).
enum RawBinding {
    static func bindText<Result>(_ text: String?, to statement: OpaquePointer?, at index: Int32, _ body: () -> Result) -> Result {
        guard var text else {
            sqlite3_bind_null(statement, index)
            return body()
        }
        return text.withUTF8 { bytes in
            if let base = bytes.baseAddress, !bytes.isEmpty {
                base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { chars in
                    _ = sqlite3_bind_text(statement, index, chars, Int32(bytes.count), nil)
                }
            } else {
                // An empty buffer may have no address; SQLite copies the empty text it is given.
                _ = sqlite3_bind_text(statement, index, "", 0, transient)
            }
            return body()
        }
    }

    /// Steps once, then resets the statement and clears its bindings (none may outlive
    /// the bytes they point at); the step's extended result code.
    static func stepAndReset(_ statement: OpaquePointer?) -> Int32 {
        let code = sqlite3_step(statement)
        let extended = code == SQLITE_DONE ? code : sqlite3_extended_errcode(sqlite3_db_handle(statement))
        sqlite3_reset(statement)
        sqlite3_clear_bindings(statement)
        return extended
    }

    /// `SQLITE_TRANSIENT`, which Swift cannot import: SQLite copies the text at once.
    private static var transient: sqlite3_destructor_type { unsafeBitCast(-1, to: sqlite3_destructor_type.self) }
}
