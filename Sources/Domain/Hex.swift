/// Bytes as lower-case hexadecimal text: digests in the audit chain, request signatures,
/// bundle headers and enrolment code hashes all spell bytes this one way.
public enum Hex {
    private static let digits = Array("0123456789abcdef".utf8)

    public static func text<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var characters: [UInt8] = []
        characters.reserveCapacity(bytes.underestimatedCount * 2)
        for byte in bytes {
            characters.append(digits[Int(byte >> 4)])
            characters.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: characters, as: UTF8.self)
    }
}
