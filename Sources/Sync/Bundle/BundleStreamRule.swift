import Store

/// Whether a receiver applies the next bundle of a stream, ignores it, or refuses it.
///
/// Every bundle carries everything its sender has not seen acknowledged, and says so in
/// `buildsOn`. So the rule is not "exactly one more than the last": a receiver applies
/// any newer bundle whose starting point it has reached, and a bundle lost on the way
/// is covered by the next. In order:
/// 1. Numbered at or below the last applied: a replay, or an older bundle whose content
///    a newer one already brought. Ignored, not an error.
/// 2. Builds on a bundle not applied here: a real gap. Refused: applying it would skip
///    what only the missing bundles carry.
/// 3. The very next number, but chained to another hash than the last applied: the
///    sender's stream forked (a restored backup, a cloned machine). Refused.
/// 4. Otherwise applied.
enum BundleStreamRule {
    enum Decision: Equatable {
        case apply
        case alreadyApplied
    }

    static func decide(_ header: BundleHeader, at position: BundleStreamPosition) throws(BundleRefusal) -> Decision {
        if header.sequence <= position.lastSequence { return .alreadyApplied }
        if header.buildsOn > position.lastSequence {
            throw .gap(
                sender: header.sender, receiver: header.receiver, sequence: header.sequence, buildsOn: header.buildsOn,
                lastApplied: position.lastSequence)
        }
        if header.sequence == position.lastSequence + 1, header.previousHash != position.lastHash {
            throw .forkedStream(sender: header.sender, sequence: header.sequence, lastApplied: position.lastSequence)
        }
        return .apply
    }
}
