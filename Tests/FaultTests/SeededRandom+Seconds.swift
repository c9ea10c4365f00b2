import Domain

extension SeededRandom {
    /// A duration in seconds, uniformly in `range`: how long until the next fault.
    mutating func seconds(_ range: ClosedRange<Double>) -> Double { Double.random(in: range, using: &self) }
}
