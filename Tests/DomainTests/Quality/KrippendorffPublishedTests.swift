import Domain
import Foundation
import Testing

/// Krippendorff's alpha against published values (`shared/fixtures/agreement/krippendorff_alpha_vectors.json`):
/// Krippendorff (2011), the Wikipedia example, and the `krippendorff` package's own tests.
@Suite struct KrippendorffPublishedTests {
    func fixture() throws -> [[String: Any]] {
        let url = QualityVectors.sharedFixtures.appendingPathComponent("agreement/krippendorff_alpha_vectors.json")
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
        return try #require(object?["vectors"] as? [[String: Any]])
    }

    func ratings(_ value: Any?) -> [[Double?]] {
        (value as? [[Any]] ?? []).map { row in row.map { ($0 as? NSNumber)?.doubleValue } }
    }

    func level(_ name: String) -> Agreement.MeasurementLevel? { Agreement.MeasurementLevel(rawValue: name) }

    /// Half a unit in the last published place: "6 dp" is 5e-7; "3 dp" and "2 significant digits" of 0.095 are 5e-4.
    func tolerance(_ rounding: String?) -> Double {
        switch rounding {
        case "6 dp": 5e-7
        case nil: 1e-12
        default: 5e-4
        }
    }

    @Test func publishedMatricesGiveTheirPublishedAlphas() throws {
        var checked = 0
        for vector in try fixture() where vector["reliability_data"] != nil {
            let data = ratings(vector["reliability_data"])
            let id = vector["id"] as? String ?? "?"
            for (name, entry) in vector["published"] as? [String: [String: Any]] ?? [:] {
                guard let level = level(name), let value = (entry["value"] as? NSNumber)?.doubleValue else { continue }
                let alpha = try #require(Agreement.krippendorffAlpha(data, level: level), "\(id) \(name)")
                #expect(abs(alpha - value) <= tolerance(entry["rounding"] as? String), "\(id) \(name): \(alpha), published \(value)")
                checked += 1
            }
            // The package's figures, printed to 6 places, for the levels no paper gives.
            for (name, number) in vector["computed_here"] as? [String: NSNumber] ?? [:] {
                guard let level = level(name) else { continue }
                let alpha = try #require(Agreement.krippendorffAlpha(data, level: level))
                #expect(abs(alpha - number.doubleValue) <= 5e-7, "\(id) \(name): \(alpha), package \(number)")
                checked += 1
            }
        }
        #expect(checked >= 12)
    }

    @Test func thePackagesSmallCases() throws {
        let small = try #require(try fixture().first { $0["id"] as? String == "small_cases_from_package_tests" })
        let cases = try #require(small["cases"] as? [[String: Any]])
        // String labels, nominal: 0.722222
        let strings = try #require(cases.first { $0["test"] as? String == "test_string_labels_nominal" })
        let labels = (strings["reliability_data"] as? [[Any]] ?? []).map { row in row.map { $0 as? String } }
        #expect(abs((Agreement.krippendorffAlpha(nominal: labels) ?? 0) - 0.722222) <= 5e-7)
        // Ratio with zeros, and perfect agreement: 1
        #expect(Agreement.krippendorffAlpha([[0, 1, 2], [0, 1, 2]], level: .ratio) == 1)
        for level in [Agreement.MeasurementLevel.nominal, .interval] {
            #expect(Agreement.krippendorffAlpha([[1, 2, 3, 4], [1, 2, 3, 4], [1, 2, 3, 4]], level: level) == 1)
        }
        // The package's errors are nil here: no unit with two values, one value in the domain
        #expect(Agreement.krippendorffAlpha([[1, nil], [nil, 2]], level: .nominal) == nil)
        #expect(Agreement.krippendorffAlpha([[1, 1], [1, 1]], level: .nominal) == nil)
    }

    @Test func theOrdinalStringCopyWithItsDomainGivesTheSameAlpha() throws {
        // Given the 2011 matrix coded as words, ranks from the published domain order
        let vector = try #require(try fixture().first { $0["id"] as? String == "krippendorff2011_4x12" })
        let data = ratings(vector["reliability_data"])
        // When the domain lists a rank nobody used (so ordinal distances count it, as the package does)
        let alpha = Agreement.krippendorffAlpha(data, level: .ordinal, domain: [1, 2, 3, 4, 5])
        // Then alpha is the published 0.815
        #expect(abs((alpha ?? 0) - 0.815) <= 5e-4)
    }
}
