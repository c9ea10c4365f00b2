import Foundation
import GRDB
import GRDBSQLite

/// Reading a query's rows through SQLite's C interface, for the few bulk reads (an
/// export of a hundred thousand tasks) where GRDB's rows cost more than SQLite's step.
///
/// Reading a column through a GRDB `Row` cost about a quarter of a microsecond; an
/// export reads thirty columns for each task.
struct RawRow {
    let statement: OpaquePointer?

    func text(_ index: Int32) -> String? {
        guard sqlite3_column_type(statement, index) != SQLITE_NULL, let bytes = sqlite3_column_text(statement, index) else { return nil }
        return String(decoding: UnsafeBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(statement, index))), as: UTF8.self)
    }

    /// A NOT NULL text column; "" if a NULL is met anyway, which the decoding then refuses as it would any bad value.
    func requiredText(_ index: Int32) -> String { text(index) ?? "" }

    func int(_ index: Int32) -> Int { Int(sqlite3_column_int64(statement, index)) }

    func int64(_ index: Int32) -> Int64 { sqlite3_column_int64(statement, index) }

    func double(_ index: Int32) -> Double { sqlite3_column_double(statement, index) }

    func optionalBool(_ index: Int32) -> Bool? {
        sqlite3_column_type(statement, index) == SQLITE_NULL ? nil : sqlite3_column_int64(statement, index) != 0
    }

    /// A date the hub stored as text, through the fast reader, else GRDB's parser.
    func date(_ index: Int32) -> Date? {
        guard let text = text(index) else { return nil }
        return Date(databaseText: text) ?? Date.fromDatabaseValue(text.databaseValue)
    }

    /// A NOT NULL date column, refused as an unreadable row when it does not read as a date.
    func requiredDate(_ index: Int32, table: String) throws -> Date {
        guard let date = date(index) else {
            let column = String(cString: sqlite3_column_name(statement, index))
            throw StoreError.unreadableRow(table: table, problem: "\(column) \"\(text(index) ?? "NULL")\" is not a date")
        }
        return date
    }

    /// Every row of `sql` (one text argument), each handed to `body` while it is current.
    static func forEach(in db: Database, sql: String, argument: String, _ body: (RawRow) throws -> Void) throws {
        let statement = try db.makeStatement(sql: sql)
        let handle = statement.sqliteStatement
        var failure: Error?
        let code = RawBinding.bindText(argument, to: handle, at: 1) { () -> Int32 in
            var code = sqlite3_step(handle)
            while code == SQLITE_ROW {
                do { try body(RawRow(statement: handle)) } catch {
                    failure = error
                    break
                }
                code = sqlite3_step(handle)
            }
            let extended = code == SQLITE_DONE || code == SQLITE_ROW ? code : sqlite3_extended_errcode(sqlite3_db_handle(handle))
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
            return extended
        }
        if let failure { throw failure }
        guard code == SQLITE_DONE || code == SQLITE_ROW else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
    }
}
