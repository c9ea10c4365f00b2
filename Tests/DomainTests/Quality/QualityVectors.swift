import Domain
import Foundation

/// The figures `Vectors/make_quality_vectors.py` took from the reference libraries, and
/// the shared fixtures (`<worktree>/../shared/fixtures`).
enum QualityVectors {
    // Symbolic links resolved: the scratch package links the test folder from elsewhere.
    static let domainTests = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent().deletingLastPathComponent()
    static let sharedFixtures = domainTests.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("shared/fixtures")

    /// The vectors file, read and decoded once for every test (made by `Vectors/make_quality_vectors.py`).
    static func load() throws -> Vectors { try decoded.get() }

    private static let decoded = Result { () throws -> Vectors in
        let data = try Data(contentsOf: domainTests.appendingPathComponent("Vectors/quality_vectors.json"))
        return try JSONDecoder().decode(Vectors.self, from: data)
    }

    struct Vectors: Decodable {
        var wilson: [Wilson]
        var quantiles: [Quantile]
        var cohen: [Cohen]
        var cohen_strings: CohenStrings
        var fleiss: [Fleiss]
        var krippendorff: [Krippendorff]
        var spans: [Spans]
        var polygons: [Polygons]
        var shapes: [Shapes]
        var tide: [TIDECase]
        var consensus: [ConsensusCase]
        var anaesthetists: Anaesthetists
    }

    struct Wilson: Decodable {
        var successes: Double
        var trials: Int
        var confidence: Double
        var lower: Double
        var upper: Double
    }

    struct Quantile: Decodable {
        var probability: Double
        var z: Double
    }

    struct Cohen: Decodable {
        var first: [Int]
        var second: [Int]
        var unweighted: Double?
        var linear: Double?
        var quadratic: Double?
    }

    struct CohenStrings: Decodable {
        var first: [String]
        var second: [String]
        var unweighted: Double
    }

    struct Fleiss: Decodable {
        var counts: [[Int]]
        var fleiss: Double?
        var randolph: Double?
    }

    struct Krippendorff: Decodable {
        var ratings: [[Double?]]
        var nominal: Double?
        var ordinal: Double?
        var interval: Double?
        var ratio: Double?
    }

    struct SchemeCounts: Decodable {
        var correct: Int
        var incorrect: Int
        var partial: Int
        var missed: Int
        var spurious: Int
        var precision: Double
        var recall: Double
        var f1: Double
    }

    struct Spans: Decodable {
        var key: [[JSONScalar]]
        var answer: [[JSONScalar]]
        var strict: SchemeCounts
        var exact: SchemeCounts
        var partial: SchemeCounts
        var type: SchemeCounts

        static func spans(_ rows: [[JSONScalar]]) -> [EntitySpan] {
            rows.map { EntitySpan(start: $0[0].int, end: $0[1].int, label: $0[2].string) }
        }
    }

    /// A number or a string in a mixed JSON array.
    enum JSONScalar: Decodable {
        case number(Double)
        case text(String)

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let number = try? container.decode(Double.self) { self = .number(number) } else { self = .text(try container.decode(String.self)) }
        }

        var int: Int { if case .number(let value) = self { Int(value) } else { -1 } }
        var string: String { if case .text(let value) = self { value } else { "" } }
    }

    struct Polygons: Decodable {
        var a: [[Double]]
        var b: [[Double]]
        var intersection: Double
        var iou: Double
    }

    struct Shapes: Decodable {
        var threshold: Double
        var answer: [JSONValue]
        var key: [JSONValue]
        var iou: [[Double]]
        var pairs: [[Int]]
        var matched: Int
        var precision: Double
        var recall: Double
        var f1: Double
        var mean_iou: Double?
    }

    struct TIDECase: Decodable {
        var key: [JSONValue]
        var answer: [JSONValue]
        /// Error counts by `GoldErrorClass` raw value.
        var errors: [String: Int]
    }

    struct TaskProbabilities: Decodable {
        var p: [Double]
        var tied: Bool
    }

    struct ConsensusCase: Decodable {
        var tasks: Int
        var people: Int
        var classes: Int
        var votes: [[Int]]
        var gold: [String: Int]
        var majority: [String: TaskProbabilities]
        var dawid_skene: [String: TaskProbabilities]
        var priors: [Double]
        var errors: [String: [Double]]
        var iterations: Int
        var lower_bounds: [Double]
    }

    struct Anaesthetists: Decodable {
        var priors: [Double]
        var iterations: Int
        var dawid_skene: [String: TaskProbabilities]
        var majority: [String: TaskProbabilities]
    }
}

/// Whether two figures agree to `tolerance`, both nil counting as agreement.
func close(_ ours: Double?, _ theirs: Double?, _ tolerance: Double = 1e-9) -> Bool {
    switch (ours, theirs) {
    case (nil, nil): true
    case let (a?, b?): abs(a - b) <= tolerance
    default: false
    }
}
