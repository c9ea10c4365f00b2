extension Agreement {
    /// How Fleiss' kappa reckons the agreement expected by chance.
    public enum FleissChance: String, Sendable, CaseIterable {
        /// From the categories' overall shares (Fleiss, 1971).
        case fleiss
        /// Uniform over the categories: Randolph's free-marginal kappa (2005).
        case randolph
    }

    /// Fleiss' kappa over items each labeled by the same number of people, as statsmodels'
    /// `fleiss_kappa(table, method=...)`.
    ///
    /// `counts[item][category]` is how many people gave that item that category. Nil when
    /// undefined: no items, fewer than two people per item, items rated by different
    /// numbers of people (statsmodels assumes a full table), or agreement by chance
    /// already complete.
    public static func fleissKappa(counts: [[Int]], chance: FleissChance = .fleiss) -> Double? {
        guard let categories = counts.first?.count, categories > 0 else { return nil }
        let raters = counts[0].reduce(0, +)
        guard raters >= 2, counts.allSatisfy({ $0.count == categories && $0.reduce(0, +) == raters }) else { return nil }
        let n = Double(raters)
        let total = n * Double(counts.count)
        var categoryTotals = [Double](repeating: 0, count: categories)
        var agreementSum = 0.0
        for row in counts {
            var squares = 0.0
            for (category, count) in row.enumerated() {
                categoryTotals[category] += Double(count)
                squares += Double(count * count)
            }
            agreementSum += (squares - n) / (n * (n - 1))
        }
        let meanAgreement = agreementSum / Double(counts.count)
        let expected: Double
        switch chance {
        case .fleiss: expected = categoryTotals.reduce(0) { $0 + ($1 / total) * ($1 / total) }
        case .randolph: expected = 1 / Double(categories)
        }
        guard expected != 1 else { return nil }
        return (meanAgreement - expected) / (1 - expected)
    }

    /// The counts table Fleiss' kappa takes, from each item's labels (category positions
    /// in 0..<categories).
    public static func categoryCounts(_ itemLabels: [[Int]], categories: Int) -> [[Int]] {
        itemLabels.map { labels in
            var row = [Int](repeating: 0, count: categories)
            for label in labels where label >= 0 && label < categories { row[label] += 1 }
            return row
        }
    }
}
