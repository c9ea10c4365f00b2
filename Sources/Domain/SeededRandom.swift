/// SplitMix64: a small seeded generator, the same on every platform, so a seed replays.
///
/// Used wherever a choice must look random yet repeat: sync backoff jitter (so `update`
/// stays pure), the fault test's injected faults, property tests' generated batches.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    /// The golden-ratio step SplitMix64 adds to its state each time.
    public static let increment: UInt64 = 0x9E37_79B9_7F4A_7C15

    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= Self.increment
        return Self.mix(state)
    }

    /// SplitMix64's output function: spreads any 64-bit value over all 64 bits.
    public static func mix(_ value: UInt64) -> UInt64 {
        var mixed = value
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    /// A number in `range`.
    public mutating func pick(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }

    /// True with probability `probability`.
    public mutating func chance(_ probability: Double) -> Bool { Double.random(in: 0..<1, using: &self) < probability }
}
