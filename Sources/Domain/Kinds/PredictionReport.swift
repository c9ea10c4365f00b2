import Foundation

/// How often labelers took a model's pre-filled answer unchanged: per label, per model
/// version and per person.
///
/// A label's row counts the annotations whose *prediction* named that label (for spans,
/// each predicted entity type; for comparison, the predicted preference; for free text,
/// "draft"; for shapes, each predicted class), so a label the model over-predicts shows a
/// low rate. Per-shape acceptance is in each shape's `acceptedPrediction`.
public struct PredictionReport: Equatable, Sendable {
    public struct Rate: Equatable, Sendable {
        public var key: String
        public var accepted: Int
        public var shown: Int
        public var fraction: Double { shown == 0 ? 0 : Double(accepted) / Double(shown) }
        public init(key: String, accepted: Int, shown: Int) {
            self.key = key
            self.accepted = accepted
            self.shown = shown
        }
    }

    public var overall: Rate
    public var byLabel: [Rate]
    public var byModel: [Rate]
    public var byPerson: [Rate]

    /// One entry per annotation made on a task with a prediction (skips left out).
    public struct Entry: Sendable {
        public var prediction: Prediction
        public var annotator: String
        public var accepted: Bool
        public init(prediction: Prediction, annotator: String, accepted: Bool) {
            self.prediction = prediction
            self.annotator = annotator
            self.accepted = accepted
        }
    }

    public init(entries: [Entry]) {
        var labels: [String: Rate] = [:]
        var models: [String: Rate] = [:]
        var people: [String: Rate] = [:]
        func count(_ key: String, _ accepted: Bool, in table: inout [String: Rate]) {
            var rate = table[key] ?? Rate(key: key, accepted: 0, shown: 0)
            rate.shown += 1
            if accepted { rate.accepted += 1 }
            table[key] = rate
        }
        for entry in entries {
            for label in PredictionReport.labels(of: entry.prediction.answer) { count(label, entry.accepted, in: &labels) }
            count(entry.prediction.model ?? "(no model named)", entry.accepted, in: &models)
            count(entry.annotator, entry.accepted, in: &people)
        }
        func sorted(_ table: [String: Rate]) -> [Rate] { table.values.sorted { $0.key < $1.key } }
        overall = Rate(key: "all", accepted: entries.filter(\.accepted).count, shown: entries.count)
        byLabel = sorted(labels)
        byModel = sorted(models)
        byPerson = sorted(people)
    }

    static func labels(of answer: Answer) -> [String] {
        switch answer {
        case .labels(let names): names.isEmpty ? ["(none)"] : names
        case .spans(let spans): spans.isEmpty ? ["(no entities)"] : Array(Set(spans.map(\.label))).sorted()
        case .comparison(let comparison): ["prefers " + comparison.preference.rawValue.uppercased()]
        case .text: ["draft"]
        case .shapes(let shapes): shapes.isEmpty ? ["(no shapes)"] : Array(Set(shapes.map(\.label))).sorted()
        }
    }

    /// The report as a person reads it: three small tables.
    public var text: String {
        func table(_ title: String, _ rates: [Rate]) -> String {
            let width = max(title.count, rates.map(\.key.count).max() ?? 0)
            var lines = [title.padding(toLength: width, withPad: " ", startingAt: 0) + "  accepted  shown   rate"]
            for rate in rates {
                let percent = String(format: "%5.1f%%", rate.fraction * 100)
                lines.append(rate.key.padding(toLength: width, withPad: " ", startingAt: 0)
                    + "  " + String(rate.accepted).leftPadded(8) + "  " + String(rate.shown).leftPadded(5) + "  " + percent)
            }
            return lines.joined(separator: "\n")
        }
        return [
            "Predictions accepted unchanged: \(overall.accepted) of \(overall.shown)" + (overall.shown > 0 ? String(format: " (%.1f%%)", overall.fraction * 100) : ""),
            table("label", byLabel), table("model", byModel), table("person", byPerson),
        ].joined(separator: "\n\n") + "\n"
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
