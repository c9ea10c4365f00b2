extension Agreement {
    /// Cohen's kappa between two people's labels of the same items, as scikit-learn's
    /// `cohen_kappa_score(first, second, labels=categories, weights=...)`.
    ///
    /// `first[i]` and `second[i]` label the same item. `categories` orders the labels for
    /// the weights (and limits the items to those whose labels are both among them);
    /// nil takes every label seen, sorted, as scikit-learn does. Nil when kappa is
    /// undefined: no items, or agreement by chance is already complete (both people
    /// gave one and the same label throughout).
    public static func cohenKappa<Label: Hashable & Comparable>(
        _ first: [Label], _ second: [Label], categories: [Label]? = nil, weighting: KappaWeighting = .unweighted
    ) -> Double? {
        precondition(first.count == second.count, "Cohen's kappa needs one label from each person per item")
        let labels = categories ?? Array(Set(first).union(second)).sorted()
        var position: [Label: Int] = [:]
        for (index, label) in labels.enumerated() where position[label] == nil { position[label] = index }
        let k = labels.count
        guard k > 0 else { return nil }
        var confusion = [Double](repeating: 0, count: k * k)
        for (a, b) in zip(first, second) {
            guard let i = position[a], let j = position[b] else { continue }
            confusion[i * k + j] += 1
        }
        return cohenKappa(confusion: confusion, categories: k, weighting: weighting)
    }

    /// Cohen's kappa from a confusion matrix (row-major, `categories` square: rows the
    /// first person's label, columns the second's), in scikit-learn's arithmetic.
    public static func cohenKappa(confusion: [Double], categories k: Int, weighting: KappaWeighting = .unweighted) -> Double? {
        precondition(confusion.count == k * k, "a confusion matrix has categories x categories cells")
        var rowSums = [Double](repeating: 0, count: k), columnSums = [Double](repeating: 0, count: k)
        for i in 0..<k {
            for j in 0..<k {
                rowSums[i] += confusion[i * k + j]
                columnSums[j] += confusion[i * k + j]
            }
        }
        let total = columnSums.reduce(0, +)
        guard total > 0 else { return nil }
        var observed = 0.0, expected = 0.0
        for i in 0..<k {
            for j in 0..<k {
                let weight: Double
                switch weighting {
                case .unweighted: weight = i == j ? 0 : 1
                case .linear: weight = Double(abs(i - j))
                case .quadratic: weight = Double((i - j) * (i - j))
                }
                observed += weight * confusion[i * k + j]
                // scikit-learn's expected matrix is outer(column sums, row sums) / total.
                expected += weight * (columnSums[i] * rowSums[j] / total)
            }
        }
        guard expected != 0 else { return nil }
        return 1 - observed / expected
    }
}
