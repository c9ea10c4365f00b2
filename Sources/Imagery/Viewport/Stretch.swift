/// How band values become 0...255: the contrast stretch.
public enum Stretch: Hashable, Sendable {
    /// Each band from its `low` to its `high` percentile (of valid pixels) onto 0...255.
    case percentiles(low: Double, high: Double)
    /// The same value range onto 0...255 for every band.
    case range(minimum: Double, maximum: Double)
    /// One value range per band read, in the choice's order.
    case ranges([ClosedRange<Double>])

    /// 2 to 98 percent: what imagery tools show by default, robust to a few hot pixels.
    public static let standard = Stretch.percentiles(low: 2, high: 98)
}

/// One band's linear stretch, resolved to numbers.
struct LinearStretch: Hashable, Sendable {
    var minimum: Double
    var maximum: Double

    /// `value` on 0...255, clamped.
    @inline(__always)
    func byte(_ value: Float) -> UInt8 {
        let span = maximum - minimum
        guard span > 0 else { return Double(value) >= maximum ? 255 : 0 }
        let scaled = (Double(value) - minimum) / span * 255
        if !(scaled > 0) { return 0 }
        if scaled >= 255 { return 255 }
        return UInt8(scaled.rounded())
    }
}
