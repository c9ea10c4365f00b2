/// Boxes and polygons against a key: an optimal one-to-one matching, and TIDE's errors.
///
/// Shapes of the same class are matched one to one so that the total IoU is greatest
/// (`OptimalAssignment`), only pairs at or above the match threshold counting: what
/// `linear_sum_assignment` on the thresholded IoU matrix gives. Every answer shape left
/// over and every key shape left over is then classed as TIDE classes a detector's
/// false positives and false negatives (Bolya et al., "TIDE: A General Toolbox for
/// Identifying Object Detection Errors", 2020, in the order of its code):
///
/// 1. no key shapes at all: background;
/// 2. best same-class IoU in [background, match): localisation;
/// 3. IoU at or above the match threshold with a key shape of another class: classification;
/// 4. IoU at or above the match threshold with an already matched same-class key shape: duplicate;
/// 5. IoU below the background threshold with every key shape: background;
/// 6. otherwise (another class, overlapping too little): classification and localisation.
///
/// A key shape left unmatched is missed unless a localisation or classification error
/// already points at it (fixing that error would find it), as in TIDE. TIDE ranks a
/// detector's boxes by confidence; a person's shapes have none, so the optimal matching
/// stands in for its greedy one.
public struct ShapeEvaluation: Equatable, Sendable {
    public struct Match: Equatable, Hashable, Sendable {
        public var answerIndex: Int
        public var keyIndex: Int
        public var iou: Double
    }

    public var matches: [Match]
    /// TIDE's error for each unmatched shape, indices into the answer and the key.
    public var errors: [GoldError]
    public var counts: ShapeCounts

    public var precision: Double { counts.precision }
    public var recall: Double { counts.recall }
    public var f1: Double { counts.f1 }
    /// The mean IoU of the matched pairs; nil when nothing matched.
    public var meanIoU: Double? { counts.meanIoU }

    /// The answer's score: F1, and 1 when the key and the answer are both empty.
    public var goldScore: GoldScore {
        let value = counts.answerShapes == 0 && counts.keyShapes == 0 ? 1 : counts.f1
        let perfect = counts.matched == counts.keyShapes && counts.answerShapes == counts.keyShapes
        return GoldScore(value: value, isCorrect: perfect, errors: errors, details: .shapes(self))
    }

    public static func evaluate(_ answer: [Shape], against key: [Shape], matchThreshold: Double = 0.5, backgroundThreshold: Double = 0.1) -> ShapeEvaluation {
        let rows = answer.count, columns = key.count
        var iou = [Double](repeating: 0, count: rows * columns)
        var weights = iou
        for i in 0..<rows {
            for j in 0..<columns {
                let value = PolygonOverlap.intersectionOverUnion(answer[i].geometry, key[j].geometry)
                iou[i * columns + j] = value
                if answer[i].label == key[j].label, value >= matchThreshold, value > 0 { weights[i * columns + j] = value }
            }
        }
        let pairs = OptimalAssignment.maximumWeightPairs(weights, rows: rows, columns: columns)
        var answerMatched = [Bool](repeating: false, count: rows), keyMatched = [Bool](repeating: false, count: columns)
        var matches: [Match] = []
        for pair in pairs {
            answerMatched[pair.row] = true
            keyMatched[pair.column] = true
            matches.append(Match(answerIndex: pair.row, keyIndex: pair.column, iou: iou[pair.row * columns + pair.column]))
        }

        var errors: [GoldError] = []
        var keyAccountedFor = [Bool](repeating: false, count: columns)
        for i in 0..<rows where !answerMatched[i] {
            let label = answer[i].label
            func error(_ errorClass: GoldErrorClass, _ j: Int?) -> GoldError {
                GoldError(errorClass, expected: j.map { key[$0].label }, given: label, keyIndex: j, answerIndex: i)
            }
            guard columns > 0 else {
                errors.append(error(.background, nil))
                continue
            }
            // The best key shape of each sort, first on ties as numpy's argmax.
            var sameClass: (j: Int, iou: Double)?, otherClass: (j: Int, iou: Double)?
            var matchedSameClass: (j: Int, iou: Double)?, any: (j: Int, iou: Double)?
            for j in 0..<columns {
                let value = iou[i * columns + j]
                if any.map({ value > $0.iou }) ?? true { any = (j, value) }
                if key[j].label == label {
                    if sameClass.map({ value > $0.iou }) ?? true { sameClass = (j, value) }
                    if keyMatched[j], matchedSameClass.map({ value > $0.iou }) ?? true { matchedSameClass = (j, value) }
                } else if otherClass.map({ value > $0.iou }) ?? true {
                    otherClass = (j, value)
                }
            }
            if let best = sameClass, best.iou >= backgroundThreshold, best.iou < matchThreshold {
                errors.append(error(.localisation, best.j))
                keyAccountedFor[best.j] = true
            } else if let best = otherClass, best.iou >= matchThreshold {
                errors.append(error(.classification, best.j))
                keyAccountedFor[best.j] = true
            } else if let best = matchedSameClass, best.iou >= matchThreshold {
                errors.append(error(.duplicate, best.j))
            } else if let best = any, best.iou >= backgroundThreshold {
                errors.append(error(.classificationAndLocalisation, best.j))
            } else {
                errors.append(error(.background, nil))
            }
        }
        for j in 0..<columns where !keyMatched[j] && !keyAccountedFor[j] {
            errors.append(GoldError(.missed, expected: key[j].label, keyIndex: j))
        }
        var counts = ShapeCounts(answerShapes: rows, keyShapes: columns, matched: matches.count, matchedIoUSum: matches.reduce(0) { $0 + $1.iou })
        for found in errors { counts.errors[found.errorClass, default: 0] += 1 }
        return ShapeEvaluation(matches: matches, errors: errors, counts: counts)
    }
}

/// Counts of a shape evaluation that add up over answers, for a person's or a project's totals.
public struct ShapeCounts: Equatable, Sendable {
    public var answerShapes = 0
    public var keyShapes = 0
    public var matched = 0
    public var matchedIoUSum = 0.0
    /// How many errors of each TIDE class.
    public var errors: [GoldErrorClass: Int] = [:]

    public init(answerShapes: Int = 0, keyShapes: Int = 0, matched: Int = 0, matchedIoUSum: Double = 0, errors: [GoldErrorClass: Int] = [:]) {
        self.answerShapes = answerShapes
        self.keyShapes = keyShapes
        self.matched = matched
        self.matchedIoUSum = matchedIoUSum
        self.errors = errors
    }

    /// 0 when nothing was drawn.
    public var precision: Double { answerShapes > 0 ? Double(matched) / Double(answerShapes) : 0 }
    /// 0 when the key has nothing.
    public var recall: Double { keyShapes > 0 ? Double(matched) / Double(keyShapes) : 0 }
    public var f1: Double { answerShapes + keyShapes > 0 ? 2 * Double(matched) / Double(answerShapes + keyShapes) : 0 }
    public var meanIoU: Double? { matched > 0 ? matchedIoUSum / Double(matched) : nil }

    public static func + (lhs: ShapeCounts, rhs: ShapeCounts) -> ShapeCounts {
        ShapeCounts(answerShapes: lhs.answerShapes + rhs.answerShapes, keyShapes: lhs.keyShapes + rhs.keyShapes,
                    matched: lhs.matched + rhs.matched, matchedIoUSum: lhs.matchedIoUSum + rhs.matchedIoUSum,
                    errors: lhs.errors.merging(rhs.errors, uniquingKeysWith: +))
    }
}
