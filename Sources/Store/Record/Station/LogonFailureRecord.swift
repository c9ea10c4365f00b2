import Foundation
import GRDB

/// A row of `logon_failure`: one wrong password, kept to decide lockouts.
struct LogonFailureRecord: SnakeCaseRecord {
    static let databaseTableName = "logon_failure"

    var id: Int64?
    var username: String
    var at: Date
}
