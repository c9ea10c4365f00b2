import Crypto
import CryptoExtras
import Foundation

/// Makes and checks scrypt password hashes.
///
/// A stored hash describes itself: `scrypt$N$r$p$salt$hash`, salt and hash in base64.
/// Checking reads the parameters from the stored text, so hashes made with older or
/// cheaper parameters keep working after the standard changes.
public struct PasswordHasher: Equatable, Sendable {
    /// scrypt's CPU/memory cost `N`, a power of two.
    public var cost: Int
    /// scrypt's block size `r`.
    public var blockSize: Int
    /// scrypt's parallelism `p`.
    public var parallelism: Int

    public init(cost: Int, blockSize: Int, parallelism: Int) {
        self.cost = cost
        self.blockSize = blockSize
        self.parallelism = parallelism
    }

    /// N=16384, r=8, p=1: about 16 MB and tens of milliseconds per logon.
    public static let standard = PasswordHasher(cost: 16384, blockSize: 8, parallelism: 1)

    /// Far too cheap for real passwords; lets tests log on hundreds of times quickly.
    public static let cheapForTests = PasswordHasher(cost: 16, blockSize: 1, parallelism: 1)

    static let saltByteCount = 16
    static let hashByteCount = 32

    public func hash(_ password: String) throws -> String {
        var generator = SystemRandomNumberGenerator()
        let salt = (0..<Self.saltByteCount).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let derived = try Self.derive(password, salt: salt, cost: cost, blockSize: blockSize, parallelism: parallelism)
        return ["scrypt", String(cost), String(blockSize), String(parallelism),
                Data(salt).base64EncodedString(), Data(derived).base64EncodedString()].joined(separator: "$")
    }

    /// Whether `password` matches `stored`; nil when `stored` is not a hash this code made.
    public static func verify(_ password: String, against stored: String) throws -> Bool? {
        let parts = stored.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "scrypt",
              let cost = Int(parts[1]), let blockSize = Int(parts[2]), let parallelism = Int(parts[3]),
              let salt = Data(base64Encoded: String(parts[4])), let expected = Data(base64Encoded: String(parts[5])),
              !expected.isEmpty
        else { return nil }
        let derived = try derive(
            password, salt: Array(salt), cost: cost, blockSize: blockSize, parallelism: parallelism,
            outputByteCount: expected.count)
        return constantTimeEqual(derived, Array(expected))
    }

    private static func derive(
        _ password: String, salt: [UInt8], cost: Int, blockSize: Int, parallelism: Int,
        outputByteCount: Int = hashByteCount
    ) throws -> [UInt8] {
        let key = try KDF.Scrypt.deriveKey(
            from: Array(password.utf8), salt: salt, outputByteCount: outputByteCount,
            rounds: cost, blockSize: blockSize, parallelism: parallelism)
        return key.withUnsafeBytes { Array($0) }
    }

    /// Compares without stopping at the first difference, so timing tells nothing.
    private static func constantTimeEqual(_ left: [UInt8], _ right: [UInt8]) -> Bool {
        guard left.count == right.count else { return false }
        var difference: UInt8 = 0
        for index in left.indices { difference |= left[index] ^ right[index] }
        return difference == 0
    }
}
