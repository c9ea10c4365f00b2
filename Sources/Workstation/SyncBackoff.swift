import Domain
import Foundation

/// How long a station waits before trying the hub again after failed syncs.
///
/// Exponential (2 s, 4 s, 8 s ... up to 5 minutes), so a station that cannot reach its
/// hub neither hammers the network nor waits long once it comes back; with jitter
/// (±20%), so the stations of a site that all lost the hub together do not all come
/// back in the same second. A value with no clock and no random source: `App.update`
/// stays pure, and the jitter is drawn from the station's id and the attempt number,
/// which differ between stations and from one attempt to the next.
public struct SyncBackoff: Equatable, Sendable {
    public var initialDelay: TimeInterval
    public var maximumDelay: TimeInterval
    /// The largest share of the delay the jitter adds or takes away.
    public var jitterFraction: Double

    public init(initialDelay: TimeInterval = 2, maximumDelay: TimeInterval = 300, jitterFraction: Double = 0.2) {
        self.initialDelay = initialDelay
        self.maximumDelay = maximumDelay
        self.jitterFraction = jitterFraction
    }

    /// The wait before the next attempt after `failures` failed syncs in a row; 0 when
    /// the last sync worked.
    ///
    /// - Parameter seed: distinguishes this station from others (`seed(for:)`).
    public func delay(afterFailures failures: Int, seed: UInt64) -> TimeInterval {
        guard failures > 0 else { return 0 }
        let doublings = Double(min(failures - 1, 32))
        let base = min(maximumDelay, initialDelay * pow(2, doublings))
        return base * (1 + jitterFraction * Self.noise(seed: seed, attempt: failures))
    }

    /// A stable seed from a station's id: FNV-1a, because Swift's `Hasher` changes from
    /// one run to the next and tests need the same delays every time.
    public static func seed(for stationID: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in stationID.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return hash
    }

    /// A number in [-1, 1] from the seed and the attempt: one SplitMix64 step.
    static func noise(seed: UInt64, attempt: Int) -> Double {
        let z = SeededRandom.mix(seed &+ UInt64(truncatingIfNeeded: attempt) &* SeededRandom.increment)
        return Double(z >> 11) / Double(1 << 53) * 2 - 1
    }
}
