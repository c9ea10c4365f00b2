/// Which key picks which label on the task screen.
///
/// Every label answers to its position (`1`-`9`) and to one letter. A project may name
/// the letter; otherwise the first letter of the label's name that is free is used.
/// Letters the task screen uses for itself are never given to a label.
public struct LabelKeys: Equatable, Sendable {
    /// Keys the task screen keeps for its own commands.
    public static let reserved: Set<Character> = ["s", "u", "q", "?", "j", "k"]

    /// `letters[i]` picks `labels[i]`.
    public let letters: [Character]

    public struct Conflict: Error, CustomStringConvertible {
        public let description: String
    }

    public init(labels: [LabelChoice]) throws {
        var taken = LabelKeys.reserved
        var letters = [Character?](repeating: nil, count: labels.count)
        for (index, label) in labels.enumerated() {
            guard let wanted = label.mnemonic else { continue }
            guard wanted.count == 1, let letter = wanted.lowercased().first, letter.isLetter else {
                throw Conflict(description: "label \"\(label.name)\" has mnemonic \"\(wanted)\"; use a single letter")
            }
            guard !taken.contains(letter) else {
                throw Conflict(description: "label \"\(label.name)\" wants key '\(letter)', which is already used; choose another letter")
            }
            taken.insert(letter)
            letters[index] = letter
        }
        for (index, label) in labels.enumerated() where letters[index] == nil {
            let candidates = label.name.lowercased().filter { $0.isLetter && $0.isASCII } + "abcdefghilmnoprtvwxyz"
            guard let free = candidates.first(where: { !taken.contains($0) }) else {
                throw Conflict(description: "no free letter is left for label \"\(label.name)\"")
            }
            taken.insert(free)
            letters[index] = free
        }
        self.letters = letters.compactMap { $0 }
    }

    /// The label index a key picks, if any.
    public func labelIndex(for key: Character) -> Int? {
        if let digit = key.wholeNumberValue, key.isASCII, digit >= 1, digit <= letters.count { return digit - 1 }
        return letters.firstIndex(of: Character(key.lowercased()))
    }
}
