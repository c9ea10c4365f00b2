import Foundation

/// The standard normal distribution's quantiles, for confidence bounds.
///
/// Acklam's rational approximation (relative error 1.15e-9) polished by one Halley step
/// on `erfc`, which brings it to the last few bits of a double: what `scipy.stats.norm.isf`
/// gives, to 1e-15.
public enum StandardNormal {
    /// The z with P(Z ≤ z) = `probability`, for `probability` in (0, 1).
    public static func quantile(_ probability: Double) -> Double {
        guard probability > 0 else { return -.infinity }
        guard probability < 1 else { return .infinity }
        // The upper half by symmetry: 1 - p is exact there, and the polishing step is
        // accurate only where the cumulative is small.
        if probability > 0.5 { return -quantile(1 - probability) }
        let a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00]
        let b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01]
        let c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00]
        let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
        let low = 0.02425
        var x: Double
        if probability < low {
            let q = (-2 * log(probability)).squareRoot()
            x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        } else {
            let q = probability - 0.5, r = q * q
            x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
        }
        // Halley's step: the error of the cumulative at x, over its density.
        for _ in 0..<2 {
            let error = 0.5 * erfc(-x / 2.0.squareRoot()) - probability
            let u = error * (2 * Double.pi).squareRoot() * exp(x * x / 2)
            x -= u / (1 + x * u / 2)
        }
        return x
    }

    /// The two-sided critical value for `confidence` (1.959963984540054 for 0.95).
    public static func criticalValue(confidence: Double) -> Double {
        // From the upper tail, as scipy's isf, so a confidence near 1 keeps its digits.
        -quantile((1 - confidence) / 2)
    }
}
