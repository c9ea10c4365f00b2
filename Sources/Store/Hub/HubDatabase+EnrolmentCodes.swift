import Foundation
import GRDB

extension HubDatabase {
    /// The station a one-time enrolment code was issued to, while it is unused; nil otherwise.
    ///
    /// Reads only: enrolling by a reply file checks that its code belongs to the
    /// station the file names before `enrolStation` uses the code up, so a mixed-up
    /// file enrols nobody.
    public func stationHoldingEnrolmentCode(_ code: String) throws -> String? {
        try pool.read { db in
            try String.fetchOne(db, sql: "SELECT id FROM station WHERE enrolment_code_hash = ?", arguments: [Self.hash(code)])
        }
    }
}
