import TestSupport
import Crypto
import Domain
import Foundation
import Store
@testable import Sync
import Testing

@Suite("The bundle file format")
struct BundleFormatTests {
    let key = Curve25519.Signing.PrivateKey()
    let payload = Data(#"{"annotations":[],"cursor":7,"stationID":"station-2","wantedLeases":5}"#.utf8)

    var header: BundleHeader {
        BundleWriter.header(
            kind: .request, sender: "station-2", receiver: "hub", sequence: 5, previousHash: String(repeating: "ab", count: 32),
            buildsOn: 3, acknowledges: 2, createdAt: monday, payload: payload)
    }

    func file() throws -> Data {
        try BundleWriter.sealed(body: BundleWriter.body(header: header.encoded(), payload: payload), signingKey: key)
    }

    @Test func aBundleReadsBackAsWrittenAndVerifiesOnlyWithItsSendersKey() throws {
        let read = try BundleReader.read(try file())

        #expect(read.header == header)
        #expect(read.payload == payload)
        #expect(read.isSigned(by: key.publicKey))
        #expect(!read.isSigned(by: Curve25519.Signing.PrivateKey().publicKey))
        #expect(read.hash == BundleFormat.hex(Data(SHA256.hash(data: try file().dropLast(96)))))
    }

    @Test func theStartAndHeaderAreLaidOutAsDocumented() throws {
        let bytes = [UInt8](try file())
        let headerText = try header.encoded()

        #expect(String(decoding: bytes[0..<8], as: UTF8.self) == "LDBUNDLE")
        #expect(UInt16(bigEndianBytes: bytes[8..<10]) == 1)
        #expect(Int(UInt32(bigEndianBytes: bytes[10..<14])) == headerText.count)
        #expect(Int(UInt64(bigEndianBytes: bytes[14..<22])) == bytes.count)
        #expect(bytes.count == 62 + headerText.count + payload.count + 64 + 32)
        #expect(Data(bytes[22..<54]) == Data(SHA256.hash(data: headerText)))
        #expect(Data(bytes[54..<62]) == Data(SHA256.hash(data: Data(bytes[0..<54]))).prefix(8))
        #expect(Data(bytes[(bytes.count - 32)...]) == Data(SHA256.hash(data: Data(bytes[0..<(bytes.count - 32)]))))
        // Sorted keys, the time as ISO 8601 with milliseconds: bytes that hash the same everywhere
        #expect(String(decoding: headerText, as: UTF8.self) == """
            {"acknowledges":2,"buildsOn":3,"createdAt":"2025-03-03T09:00:00.000Z","kind":"request",\
            "payloadLength":\(payload.count),"payloadSHA256":"\(BundleFormat.hex(Data(SHA256.hash(data: payload))))",\
            "previousHash":"\(String(repeating: "ab", count: 32))","receiver":"hub","sender":"station-2","sequence":5}
            """)
    }

    @Test func everyCutIsReadAsTruncation() throws {
        let whole = try file()
        for length in 0..<whole.count {
            #expect(throws: BundleRefusal.truncated(actualBytes: length, declaredBytes: length < 62 ? nil : whole.count)) {
                try BundleReader.read(whole.prefix(length))
            }
        }
    }

    @Test func everyFlippedBitIsReadAsDamageToThePartItHit() throws {
        let whole = try file()
        let headerLength = try header.encoded().count
        func damage(at offset: Int) -> BundleDamage {
            switch offset {
            case ..<8: .notABundle
            case ..<62: .start
            case ..<(62 + headerLength): .header
            case ..<(whole.count - 96): .payload
            default: .signature
            }
        }
        for offset in whole.indices {
            for bit in [0, 5] {
                var flipped = whole
                flipped[offset] ^= UInt8(1 << bit)
                #expect(throws: BundleRefusal.corrupted(damage(at: offset))) { try BundleReader.read(flipped) }
            }
        }
    }

    @Test func otherFilesAndOtherVersionsAreNamedAsSuch() throws {
        #expect(throws: BundleRefusal.corrupted(.notABundle)) { try BundleReader.read(Data("PK\u{3}\u{4} a zip file".utf8)) }
        #expect(throws: BundleRefusal.corrupted(.extraBytes(3))) { try BundleReader.read(try file() + Data([1, 2, 3])) }

        // A start that says format 3 (2 is the format that carries media), with its check made good
        var bytes = [UInt8](try file())
        bytes[9] = 3
        let check = [UInt8](Data(SHA256.hash(data: Data(bytes[0..<54]))).prefix(8))
        bytes.replaceSubrange(54..<62, with: check)
        #expect(throws: BundleRefusal.unsupportedVersion(3)) { try BundleReader.read(Data(bytes)) }
    }

    @Test func aSignedHeaderThatMakesNoSenseIsRefused() throws {
        var nonsense = header
        nonsense.buildsOn = 5
        let file = try BundleWriter.sealed(body: BundleWriter.body(header: nonsense.encoded(), payload: payload), signingKey: key)

        #expect(throws: BundleRefusal.corrupted(.inconsistent("bundle 5 says it builds on bundle 5, which is not an earlier bundle"))) {
            try BundleReader.read(file)
        }
    }
}

@Suite("Where a bundle stands in its stream")
struct BundleStreamRuleTests {
    func header(sequence: Int64, buildsOn: Int64, previousHash: String = "p") -> BundleHeader {
        BundleHeader(
            kind: .request, sender: "station-2", receiver: "hub", sequence: sequence, previousHash: previousHash,
            buildsOn: buildsOn, acknowledges: 0, createdAt: monday, payloadLength: 0, payloadSHA256: "")
    }

    let position = BundleStreamPosition(lastSequence: 3, lastHash: "h3")

    @Test func theNextBundleChainedToTheLastApplies() throws {
        #expect(try BundleStreamRule.decide(header(sequence: 4, buildsOn: 3, previousHash: "h3"), at: position) == .apply)
    }

    @Test func aBundleThatCarriesWhatALostOneCarriedApplies() throws {
        #expect(try BundleStreamRule.decide(header(sequence: 6, buildsOn: 2), at: position) == .apply)
    }

    @Test func anOlderOrTheSameBundleIsAlreadyApplied() throws {
        #expect(try BundleStreamRule.decide(header(sequence: 3, buildsOn: 2), at: position) == .alreadyApplied)
        #expect(try BundleStreamRule.decide(header(sequence: 1, buildsOn: 0), at: position) == .alreadyApplied)
    }

    @Test func aBundleBuiltOnOneNotAppliedHereIsAGap() throws {
        #expect(throws: BundleRefusal.gap(sender: "station-2", receiver: "hub", sequence: 6, buildsOn: 5, lastApplied: 3)) {
            try BundleStreamRule.decide(header(sequence: 6, buildsOn: 5), at: position)
        }
        #expect(BundleRefusal.gap(sender: "station-2", receiver: "hub", sequence: 5, buildsOn: 4, lastApplied: 3).description == """
            bundle 5 from station-2 follows 3: it carries only what came after bundle 4, so bundle 4 is missing. \
            Nothing was applied. Import it first; if it is lost, this hub database is older than what it told station-2 \
            it had applied (was it restored from a backup?): restore the newest hub database
            """)
    }

    @Test func theNextNumberChainedElsewhereIsAFork() throws {
        #expect(throws: BundleRefusal.forkedStream(sender: "station-2", sequence: 4, lastApplied: 3)) {
            try BundleStreamRule.decide(header(sequence: 4, buildsOn: 3, previousHash: "other"), at: position)
        }
    }
}
