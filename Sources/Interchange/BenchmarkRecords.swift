import Domain
import Foundation

/// Made-up records for measuring import and export speed.
///
/// Deterministic (the same count and kind give the same records) and shaped like real
/// work: sentences of a dozen words, an annotation with a time and a duration each, a
/// prediction on every other task.
public enum BenchmarkRecords {
    static let words = ["the", "model", "said", "Paris", "was", "lovely", "in", "spring", "but", "Anna", "disagreed", "😀", "東京", "quickly"]

    /// `count` records for `project` (its kind, labels and dimensions).
    public static func make(count: Int, project: Project) -> [InterchangeRecord] {
        var generator = SplitMix(seed: 42)
        let labelNames = project.labels.map(\.name)
        let base = Date(timeIntervalSince1970: 1_700_000_000)
        return (0..<count).map { index in
            var tokens: [TextToken] = []
            var text = ""
            var offset = 0
            for position in 0..<(8 + Int(generator.next() % 8)) {
                let word = words[Int(generator.next() % UInt64(words.count))]
                if position > 0 {
                    text += " "
                    offset += 1
                }
                text += word
                let length = word.unicodeScalars.count
                tokens.append(TextToken(start: offset, end: offset + length))
                offset += length
            }
            let pick = labelNames.isEmpty ? "" : labelNames[Int(generator.next() % UInt64(labelNames.count))]
            let answer: Answer
            var responses: [String] = []
            switch project.kind {
            case .classification: answer = .labels([pick])
            case .spans: answer = .spans([EntitySpan(start: tokens[1].start, end: tokens[2].end, label: pick)])
            case .freeText: answer = .text("An answer to " + text)
            case .geoBox, .geoPolygon:
                let x = Double(generator.next() % 400), y = Double(generator.next() % 400)
                answer = .shapes([Shape(label: pick, geometry: .box(PixelPoint(x: x, y: y), PixelPoint(x: x + 24, y: y + 16)))])
            case .comparison:
                responses = ["First: " + text, "Second: " + text]
                var ratings: [String: Int] = [:]
                for dimension in project.dimensions { ratings[dimension.name] = 1 + Int(generator.next() % 7) }
                answer = .comparison(ComparisonAnswer(preference: generator.next() % 2 == 0 ? .a : .b, strength: project.asksStrength ? 2 : nil,
                                                      ratingsA: ratings, ratingsB: ratings, rationale: "Clearer."))
            }
            let task = LabelTask(id: "\(project.id)-\(index + 1)", projectID: project.id, text: text, marking: project.defaultMarking,
                                 responses: responses, predictions: index % 2 == 0 ? [Prediction(model: "bench v1", score: 0.5, answer: answer)] : [],
                                 image: project.kind.isGeospatial ? benchmarkImage(index) : nil)
            let annotation = ImportedAnnotation(answer: answer, annotator: "labeler\(index % 17)",
                                                createdAt: base.addingTimeInterval(Double(index)), secondsOnTask: 4.5)
            return InterchangeRecord(task: task, annotations: [annotation], layout: project.kind == .spans ? TokenLayout(tokens: tokens) : nil)
        }
    }

    /// A 512-pixel chip of a made-up scene for geospatial records (its media is never read).
    static func benchmarkImage(_ index: Int) -> TaskImage {
        TaskImage(media: MediaReference(sha256: String(repeating: "0", count: 64), byteCount: 1), scene: "bench.tif",
                  chip: PixelWindow(x: (index % 40) * 512, y: (index / 40) * 512, width: 512, height: 512),
                  focus: PixelWindow(x: 0, y: 0, width: 512, height: 512))
    }

    /// A small fast generator, so the records do not depend on the platform's random numbers.
    struct SplitMix {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var value = state
            value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
            value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
            return value ^ (value >> 31)
        }
    }
}
