import TerminalCore

/// Plays back keys a person typed while a screen was waiting on an effect.
///
/// Screens that wait (a logon check, a save) keep such keys instead of dropping them;
/// once the answer is in, they run through `update` in order until the screen waits
/// again. The same rule on every screen, so a fast typist never loses a key.
enum DeferredKeys {
    static func replay<State, Effect>(
        _ state: inout State, keys: WritableKeyPath<State, [Key]>, isWaiting: KeyPath<State, Bool>,
        through update: (inout State, Key) -> [Effect]
    ) -> [Effect] {
        var effects: [Effect] = []
        while !state[keyPath: keys].isEmpty, !state[keyPath: isWaiting] {
            let key = state[keyPath: keys].removeFirst()
            effects += update(&state, key)
        }
        return effects
    }
}
