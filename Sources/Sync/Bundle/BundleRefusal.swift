/// Why a receiver will not apply a bundle, each in a sentence that says which and what to do.
///
/// Every refusal is decided before anything is applied or stored, so a refused bundle
/// leaves the receiver's data as it was (its audit log records the refusal).
public enum BundleRefusal: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file is shorter than its start declares, or than any bundle's start.
    case truncated(actualBytes: Int, declaredBytes: Int?)
    /// A check of the bytes failed: the file was damaged, or was never a bundle.
    case corrupted(BundleDamage)
    case unsupportedVersion(UInt16)
    case wrongReceiver(sender: String, sequence: Int64, intendedFor: String, here: String)
    /// The hub has no enrolled station of that name.
    case unknownSender(String)
    /// The hub registered the station but has not enrolled it: it has no key to check.
    case senderNotEnrolled(String)
    /// A station's bundle names another sender than its hub.
    case notFromHub(sender: String)
    case revokedSender(String)
    /// Intact, but not signed with the key the receiver knows for the sender.
    case badSignature(sender: String, sequence: Int64)
    /// The receiver has not applied what the bundle builds on.
    case gap(sender: String, receiver: String, sequence: Int64, buildsOn: Int64, lastApplied: Int64)
    /// The next number, but chained to another bundle than the one applied here.
    case forkedStream(sender: String, sequence: Int64, lastApplied: Int64)

    private static let askAgain = "copy it again from the sender's media, or ask the sender for a new bundle (it will carry everything)"

    public var description: String {
        switch self {
        case let .truncated(actual, declared?):
            "the bundle is cut short: the file has \(actual) bytes but declares \(declared); it was not copied completely. Nothing was applied; \(Self.askAgain)"
        case let .truncated(actual, nil):
            "the bundle is cut short: the file has only \(actual) bytes, fewer than the \(BundleFormat.startLength) every bundle starts with. Nothing was applied; \(Self.askAgain)"
        case .corrupted(.notABundle):
            "this file is not a LabelDesk bundle (it does not start with LDBUNDLE), or its first bytes are damaged. Nothing was applied; check that you picked the right file, or \(Self.askAgain)"
        case .corrupted(let damage):
            "the bundle is damaged: \(damage). Nothing was applied; \(Self.askAgain)"
        case .unsupportedVersion(let version):
            "the bundle is in format \(version), and this LabelDesk reads formats \(BundleFormat.versionWithoutMedia) and \(BundleFormat.version). Nothing was applied; update LabelDesk here, or ask the sender for a format \(BundleFormat.version) bundle"
        case let .wrongReceiver(sender, sequence, intendedFor, here) where intendedFor == BundleFormat.hubID:
            "bundle \(sequence) from \(sender) is for the hub, not for \(here). Nothing was applied; import it at the hub (`labeldesk bundle import FILE --db HUB.sqlite`)"
        case let .wrongReceiver(sender, sequence, intendedFor, here):
            "bundle \(sequence) from \(sender) is for \(intendedFor), not for \(here). Nothing was applied; import it at \(intendedFor)"
        case .unknownSender(let sender):
            "the bundle comes from \"\(sender)\", and this hub has no enrolled station of that name. Nothing was applied; check that the bundle is for this hub, or register and enrol the station (`labeldesk station add \(sender)`)"
        case .senderNotEnrolled(let sender):
            "the bundle comes from station \"\(sender)\", which this hub has registered but not yet enrolled, so it has no key to check the bundle with. Nothing was applied; apply the station's enrolment reply first (`labeldesk station enrol REPLY --db HUB.sqlite`), then import this bundle again"
        case .notFromHub(let sender):
            "the bundle comes from \"\(sender)\", and a station takes bundles only from its hub. Nothing was applied; import it where it belongs"
        case .revokedSender(let station):
            "station \(station) has been revoked at this hub, so its bundles are refused. Nothing was applied; if the revocation was a mistake, register and enrol it again (`labeldesk station add \(station)`)"
        case let .badSignature(sender, sequence):
            "bundle \(sequence) from \(sender) is intact, but its signature does not verify with the key this side knows for \(sender): it was not signed by \(sender) as enrolled here. Nothing was applied; ask \(sender)'s admin, and import nothing more from this source until it is explained"
        case let .gap(sender, receiver, sequence, buildsOn, lastApplied):
            Self.gapSentence(sender: sender, receiver: receiver, sequence: sequence, buildsOn: buildsOn, lastApplied: lastApplied)
        case let .forkedStream(sender, sequence, lastApplied):
            "bundle \(sequence) from \(sender) does not follow the bundle \(lastApplied) applied here: it was written after a different bundle \(lastApplied), so \(sender)'s stream was restarted (a database restored from a backup, or a second machine with the same enrolment). Nothing was applied; ask \(sender) for a new bundle (it will carry everything), and ask its admin why"
        }
    }

    private static func gapSentence(sender: String, receiver: String, sequence: Int64, buildsOn: Int64, lastApplied: Int64) -> String {
        let firstMissing = lastApplied + 1
        let missing = firstMissing == buildsOn ? "bundle \(buildsOn) is missing" : "bundles \(firstMissing) to \(buildsOn) are missing"
        let them = firstMissing == buildsOn ? "it" : "them, in order,"
        let opening = "bundle \(sequence) from \(sender) follows \(lastApplied): it carries only what came after bundle \(buildsOn), so \(missing). Nothing was applied. Import \(them) first"
        if sender == BundleFormat.hubID {
            return opening + "; if \(firstMissing == buildsOn ? "it is" : "they are") lost, the hub can write \(firstMissing == buildsOn ? "it" : "each") again (`labeldesk bundle export --db HUB.sqlite --for \(receiver) --sequence \(firstMissing)`)"
        }
        return opening + "; if \(firstMissing == buildsOn ? "it is" : "they are") lost, this hub database is older than what it told \(sender) it had applied (was it restored from a backup?): restore the newest hub database"
    }
}

/// Which check of the bytes failed.
public enum BundleDamage: Equatable, Sendable, CustomStringConvertible {
    case notABundle
    /// The fixed start (format, lengths) does not match its check.
    case start
    case header
    case payload
    /// The signature block does not match the file's last digest.
    case signature
    /// A media member does not hash to the name the header gives it.
    case media(sha256: String)
    /// More bytes than the start declares.
    case extraBytes(Int)
    /// The digests hold but the header is not a bundle header: the sender wrote it wrong.
    case unreadableHeader(String)
    case unreadablePayload(String)
    /// The parts are intact but contradict each other.
    case inconsistent(String)

    public var description: String {
        switch self {
        case .notABundle: "it does not start like a LabelDesk bundle"
        case .start: "its start (format and lengths) does not match its check"
        case .header: "its header does not match the header's SHA-256"
        case .payload: "its payload does not match the SHA-256 in its header"
        case .signature: "its signature block does not match the file's closing SHA-256"
        case .media(let sha256): "its media file \(sha256.prefix(12))… does not match the SHA-256 its header names"
        case .extraBytes(let count): "it has \(count) bytes more than it declares"
        case .unreadableHeader(let reason): "its header cannot be read (\(reason))"
        case .unreadablePayload(let reason): "its payload cannot be read (\(reason))"
        case .inconsistent(let reason): "it contradicts itself: \(reason)"
        }
    }
}
