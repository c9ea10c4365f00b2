import Domain
import Foundation
import Testing

@Suite("How moments are written")
struct TimestampTests {
    @Test func bothSpellingsReadBack() {
        let moment = Date(timeIntervalSince1970: 1_740_992_400.5)
        #expect(Timestamp.precise(moment) == "2025-03-03T09:00:00.500Z")
        #expect(Timestamp.seconds(moment) == "2025-03-03T09:00:00Z")
        #expect(Timestamp.parse("2025-03-03T09:00:00.500Z") == moment)
        #expect(Timestamp.parse("2025-03-03T09:00:00Z") == Date(timeIntervalSince1970: 1_740_992_400))
    }
}
