import Foundation

extension Project {
    /// Why an answer does not fit this project, if it does not: the check the hub makes
    /// on every annotation it receives, and import makes on every annotation it reads.
    ///
    /// `textLength` is the task text's length in Unicode scalars, when known, so spans
    /// past its end are refused. A skip carries its kind's empty answer.
    /// `chip` is the size of the task's image chip, when known, so shapes off the image
    /// are refused.
    public func answerProblem(_ answer: Answer, isSkip: Bool, textLength: Int?, chip: ChipSize? = nil) -> String? {
        guard answer.fits(kind) else {
            if kind == .geoBox, answer.kind == .geoPolygon {
                return "project \"\(id)\" takes boxes only; the annotation has a polygon: draw it as a box, or use a geo-polygon project"
            }
            return "project \"\(id)\" takes \(kind.title); the annotation is \(answer.kind.title)"
        }
        if isSkip {
            return answer == .empty(kind) ? nil : "a skipped task cannot also have an answer"
        }
        switch answer {
        case .labels(let names):
            if names.isEmpty { return "the annotation has no labels and is not a skip" }
            if !allowsMultipleLabels, names.count > 1 {
                return "project \"\(id)\" takes one label per task; the annotation has \(names.count)"
            }
            let known = Set(labels.map(\.name))
            if let unknown = names.first(where: { !known.contains($0) }) {
                return "label \"\(unknown)\" is not one of project \"\(id)\"'s labels"
            }
            return nil
        case .spans(let spans):
            return spanProblem(spans, textLength: textLength)
        case .comparison(let comparison):
            if comparison.preference != .tie, asksStrength, comparison.strength == nil {
                return "project \"\(id)\" asks how much better the preferred answer is; the annotation gives no strength"
            }
            if let strength = comparison.strength, !(1...3).contains(strength) {
                return "a preference's strength is 1 (slightly), 2 (clearly) or 3 (much) better, not \(strength)"
            }
            let names = Set(dimensions.map(\.name))
            for ratings in [comparison.ratingsA, comparison.ratingsB] {
                if let unknown = ratings.keys.sorted().first(where: { !names.contains($0) }) {
                    return "dimension \"\(unknown)\" is not one of project \"\(id)\"'s dimensions"
                }
                if let (name, value) = ratings.sorted(by: { $0.key < $1.key }).first(where: { !(1...7).contains($0.value) }) {
                    return "rating \(value) for \"\(name)\" is outside 1-7"
                }
            }
            return rationaleProblem(comparison.rationale)
        case .text(let text):
            let length = text.trimmingCharacters(in: .whitespacesAndNewlines).count
            if length == 0 { return "the answer is empty" }
            if length < minimumAnswerLength {
                return "the answer has \(length) characters; project \"\(id)\" asks for at least \(minimumAnswerLength)"
            }
            return nil
        case .shapes(let shapes):
            return shapesProblem(shapes, chip: chip)
        }
    }

    /// Why these shapes do not fit, if they do not: the first shape whose class is not
    /// one of the project's, or whose outline is not a proper shape inside the chip.
    /// An empty list is an answer ("nothing here to draw"), as a skip is a refusal.
    public func shapesProblem(_ shapes: [Shape], chip: ChipSize?) -> String? {
        let known = Set(labels.map(\.name))
        for (index, shape) in shapes.enumerated() {
            let what = "shape \(index + 1) (\(shape.label))"
            if !known.contains(shape.label) {
                return "\(what): class \"\(shape.label)\" is not one of project \"\(id)\"'s classes (\(labels.map(\.name).joined(separator: ", ")))"
            }
            if let problem = shape.geometry.problem(within: chip) { return "\(what): \(problem)" }
            if let accepted = shape.acceptedPrediction, accepted < 0 {
                return "\(what): \"prediction\" \(accepted) is not a position in the prediction; it counts from 0"
            }
        }
        return nil
    }

    /// Why these spans do not fit, if they do not: unknown types, empty or reversed
    /// spans, spans past the text, and overlaps where the project forbids them.
    public func spanProblem(_ spans: [EntitySpan], textLength: Int?) -> String? {
        let known = Set(labels.map(\.name))
        for span in spans {
            if !known.contains(span.label) { return "entity type \"\(span.label)\" is not one of project \"\(id)\"'s types" }
            if span.start < 0 || span.end <= span.start {
                return "span \(span.start)-\(span.end) is empty or reversed; a span runs from its start to a later end"
            }
            if let textLength, span.end > textLength {
                return "span \(span.start)-\(span.end) runs past the end of the text (\(textLength) characters)"
            }
        }
        if !allowsOverlap {
            let sorted = spans.sorted()
            for (first, second) in zip(sorted, sorted.dropFirst()) where first.overlaps(second) {
                return "spans \(first.start)-\(first.end) (\(first.label)) and \(second.start)-\(second.end) (\(second.label)) overlap, and project \"\(id)\" does not allow overlaps"
            }
        }
        return nil
    }

    /// Why a rationale does not meet the project's rule, if it does not.
    public func rationaleProblem(_ rationale: String) -> String? {
        let length = rationale.trimmingCharacters(in: .whitespacesAndNewlines).count
        if self.rationale.required, length == 0 { return "project \"\(id)\" asks for a rationale" }
        if length > 0 || self.rationale.required, length < self.rationale.minimumLength {
            return "the rationale has \(length) characters; project \"\(id)\" asks for at least \(self.rationale.minimumLength)"
        }
        return nil
    }
}
