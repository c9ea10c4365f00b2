import Foundation

/// Student's t distribution: its cumulative and quantiles, for intervals on a mean.
///
/// The cumulative goes through the regularized incomplete beta function (a continued
/// fraction evaluated by the modified Lentz method), and the quantile inverts it by
/// Newton's method inside a bracket that bisection keeps; together they give what
/// `scipy.stats.t.cdf` and `t.ppf` give, to about 1e-12.
public enum StudentT {
    /// P(T ≤ t) with `degreesOfFreedom` (ν > 0).
    public static func cumulative(_ t: Double, degreesOfFreedom: Double) -> Double {
        guard t.isFinite else { return t > 0 ? 1 : 0 }
        let tail = lowerTail(-abs(t), degreesOfFreedom: degreesOfFreedom)
        return t > 0 ? 1 - tail : tail
    }

    /// P(T ≤ t) for t ≤ 0, without the cancellation `1 - upper` would bring.
    static func lowerTail(_ t: Double, degreesOfFreedom nu: Double) -> Double {
        let x = nu / (nu + t * t)
        return 0.5 * regularizedIncompleteBeta(x, a: nu / 2, b: 0.5)
    }

    /// The density at `t`.
    static func density(_ t: Double, degreesOfFreedom nu: Double) -> Double {
        let logNormaliser = lgamma((nu + 1) / 2) - lgamma(nu / 2) - 0.5 * log(nu * Double.pi)
        return exp(logNormaliser - (nu + 1) / 2 * log1p(t * t / nu))
    }

    /// The t with P(T ≤ t) = `probability`, for `probability` in (0, 1).
    public static func quantile(_ probability: Double, degreesOfFreedom nu: Double) -> Double {
        guard probability > 0 else { return -.infinity }
        guard probability < 1 else { return .infinity }
        if probability == 0.5 { return 0 }
        // The lower half, where the tail is computed directly; the upper by symmetry.
        if probability > 0.5 { return -quantile(1 - probability, degreesOfFreedom: nu) }
        // Start from the normal quantile, widened for heavy tails, inside a bracket that
        // is grown until it holds the answer.
        var low = -1.0, high = 0.0
        while lowerTail(low, degreesOfFreedom: nu) > probability { high = low; low *= 2 }
        var t = min(high, max(low, StandardNormal.quantile(probability)))
        for _ in 0..<200 {
            let error = lowerTail(t, degreesOfFreedom: nu) - probability
            if error > 0 { high = t } else { low = t }
            var next = t - error / density(t, degreesOfFreedom: nu)
            if !(next > low && next < high) { next = (low + high) / 2 }
            if abs(next - t) <= 1e-15 * max(1, abs(t)) { return next }
            t = next
        }
        return t
    }

    /// The two-sided critical value for `confidence` (2.7764451051977934 for 0.95 and 4).
    public static func criticalValue(confidence: Double, degreesOfFreedom: Double) -> Double {
        -quantile((1 - confidence) / 2, degreesOfFreedom: degreesOfFreedom)
    }

    /// I_x(a, b), the regularized incomplete beta function, for x in 0...1.
    static func regularizedIncompleteBeta(_ x: Double, a: Double, b: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let logFront = lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log1p(-x)
        // The continued fraction converges fast below the mean; above it, by symmetry.
        if x < (a + 1) / (a + b + 2) {
            return exp(logFront) * continuedFraction(x, a: a, b: b) / a
        }
        return 1 - exp(logFront) * continuedFraction(1 - x, a: b, b: a) / b
    }

    /// The continued fraction of the incomplete beta function, by the modified Lentz method.
    private static func continuedFraction(_ x: Double, a: Double, b: Double) -> Double {
        let tiny = 1e-300
        var c = 1.0
        var d = 1 - (a + b) * x / (a + 1)
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var result = d
        for m in 1...10_000 {
            let step = Double(m)
            // The even step, then the odd one.
            var term = step * (b - step) * x / ((a + 2 * step - 1) * (a + 2 * step))
            d = 1 + term * d
            if abs(d) < tiny { d = tiny }
            c = 1 + term / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            result *= d * c
            term = -(a + step) * (a + b + step) * x / ((a + 2 * step) * (a + 2 * step + 1))
            d = 1 + term * d
            if abs(d) < tiny { d = tiny }
            c = 1 + term / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let change = d * c
            result *= change
            if abs(change - 1) < 1e-16 { break }
        }
        return result
    }
}
