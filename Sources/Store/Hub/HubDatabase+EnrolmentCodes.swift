import Foundation
import GRDB

extension HubDatabase {
    /// The station a one-time enrolment code was issued to, while it is unused; nil otherwise.
    ///
    /// For tests that prove a refused enrolment used no code up; the app checks a code's
    /// holder inside `enrolStation`, in the transaction that spends it.
    @_spi(Testing) public func stationHoldingEnrolmentCode(_ code: String) throws -> String? {
        try pool.read { db in
            try String.fetchOne(db, sql: "SELECT id FROM station WHERE enrolment_code_hash = ?", arguments: [Self.hash(code)])
        }
    }
}
