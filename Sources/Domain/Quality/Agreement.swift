/// Chance-corrected agreement between people who labeled the same items.
///
/// Each statistic follows one reference implementation's arithmetic (named on each), so
/// a report's figures can be checked against the tool a reader already trusts. A
/// statistic that is undefined for the data (no variation to agree on, too few raters)
/// is nil, never NaN.
public enum Agreement {
    /// How disagreements between ordered categories weigh in Cohen's kappa.
    public enum KappaWeighting: String, Sendable, CaseIterable {
        /// Every disagreement weighs the same.
        case unweighted
        /// By the distance between the categories' positions.
        case linear
        /// By the square of that distance.
        case quadratic
    }
}
