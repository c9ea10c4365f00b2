extension Agreement {
    /// The level of measurement Krippendorff's alpha measures disagreement at.
    public enum MeasurementLevel: String, Sendable, CaseIterable {
        /// Categories: any two different values disagree equally.
        case nominal
        /// Ranks: the distance counts the values seen between two ranks.
        case ordinal
        /// Numbers on a scale: the squared difference.
        case interval
        /// Numbers with a true zero: the squared difference over the sum.
        case ratio
    }

    /// Krippendorff's alpha, as the `krippendorff` package's `alpha(reliability_data,
    /// value_domain=..., level_of_measurement=...)`.
    ///
    /// `ratings[rater][unit]` is a rater's value for a unit, nil when they gave none; any
    /// number of raters per unit, missing values allowed. `domain` lists the values that
    /// can occur, in order (ordinal ranks count its values, seen or not); nil takes the
    /// values seen, sorted. Nil when alpha is undefined: fewer than two values in the
    /// domain, no unit with two values to pair, or no expected disagreement.
    public static func krippendorffAlpha(_ ratings: [[Double?]], level: MeasurementLevel, domain: [Double]? = nil) -> Double? {
        let values = domain ?? Array(Set(ratings.joined().compactMap { $0 })).sorted()
        var position: [Double: Int] = [:]
        for (index, value) in values.enumerated() { position[value] = index }
        let unitCount = ratings.map(\.count).max() ?? 0
        var unitCounts = [[Int]](repeating: [Int](repeating: 0, count: values.count), count: unitCount)
        for row in ratings {
            for (unit, value) in row.enumerated() {
                guard let value else { continue }
                guard let index = position[value] else { return nil }
                unitCounts[unit][index] += 1
            }
        }
        return krippendorffAlpha(valueCounts: unitCounts, values: values, level: level)
    }

    /// Nominal alpha over any labels: each distinct label is a category.
    public static func krippendorffAlpha<Label: Hashable>(nominal ratings: [[Label?]]) -> Double? {
        var position: [Label: Int] = [:]
        for label in ratings.joined().compactMap({ $0 }) where position[label] == nil { position[label] = position.count }
        let numeric = ratings.map { row in row.map { label in label.flatMap { position[$0] }.map(Double.init) } }
        return krippendorffAlpha(numeric, level: .nominal)
    }

    /// Alpha from value counts: `valueCounts[unit][v]` raters gave unit the value `values[v]`.
    public static func krippendorffAlpha(valueCounts: [[Int]], values: [Double], level: MeasurementLevel) -> Double? {
        let v = values.count
        guard v > 1, valueCounts.contains(where: { $0.reduce(0, +) > 1 }) else { return nil }
        // The coincidence matrix: every ordered pair of values within a unit, each unit
        // weighing 1 / (its values - 1). A unit with one value pairs with nothing.
        var coincidences = [Double](repeating: 0, count: v * v)
        for counts in valueCounts {
            let pairable = counts.reduce(0, +)
            guard pairable > 1 else { continue }
            let divisor = Double(pairable - 1)
            for c in 0..<v where counts[c] > 0 {
                for k in 0..<v where counts[k] > 0 {
                    let pairs = Double(counts[c] * counts[k] - (c == k ? counts[c] : 0))
                    coincidences[c * v + k] += pairs / divisor
                }
            }
        }
        var totals = [Double](repeating: 0, count: v)
        for c in 0..<v {
            for k in 0..<v { totals[k] += coincidences[c * v + k] }
        }
        let n = totals.reduce(0, +)
        var observed = 0.0, expected = 0.0
        for c in 0..<v {
            for k in 0..<v {
                let distance = Self.distance(c, k, values: values, totals: totals, level: level)
                guard distance != 0 else { continue }
                observed += coincidences[c * v + k] * distance
                let chance = (totals[c] * totals[k] - (c == k ? totals[c] : 0)) / (n - 1)
                expected += chance * distance
            }
        }
        guard expected != 0 else { return nil }
        return 1 - observed / expected
    }

    static func distance(_ c: Int, _ k: Int, values: [Double], totals: [Double], level: MeasurementLevel) -> Double {
        switch level {
        case .nominal:
            return c == k ? 0 : 1
        case .ordinal:
            let low = min(c, k), high = max(c, k)
            var between = 0.0
            for g in low...high { between += totals[g] }
            let d = between - (totals[low] + totals[high]) / 2
            return d * d
        case .interval:
            let d = values[c] - values[k]
            return d * d
        case .ratio:
            let sum = values[c] + values[k]
            guard sum != 0 else { return 0 }
            let d = (values[c] - values[k]) / sum
            return d * d
        }
    }
}
