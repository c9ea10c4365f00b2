/// Which key picks which label on the task screen.
///
/// Every label answers to its position (`1`-`9`) and to one letter. A project may name
/// the letter; otherwise the first letter of the label's name that is free is used.
/// Letters the task screen uses for itself are never given to a label.
public struct LabelKeys: Equatable, Sendable {
    /// Keys the classification screen keeps for its own commands.
    public static let reserved: Set<Character> = ["s", "u", "q", "?", "j", "k", "f"]

    /// Keys the spans screen keeps: its moves, selection, deletion and nudges besides.
    public static let reservedForSpans: Set<Character> = reserved.union(["w", "b", "e", "h", "l", "v", "x", "n", "p", "a"])

    /// Keys the geospatial screen keeps: panning (`h` `l` besides `j` `k`), drawing boxes
    /// and polygons, closing, moving, inserting and deleting vertices.
    public static let reservedForGeo: Set<Character> = reserved.union(["h", "l", "b", "p", "c", "m", "i", "x"])

    /// The keys a project of `kind` keeps for its screen.
    public static func reserved(for kind: TaskKind) -> Set<Character> {
        switch kind {
        case .spans: reservedForSpans
        case .geoBox, .geoPolygon: reservedForGeo
        case .classification, .comparison, .freeText: reserved
        }
    }

    /// `letters[i]` picks `labels[i]`.
    public let letters: [Character]

    public struct Conflict: Error, CustomStringConvertible {
        public let description: String
    }

    public init(labels: [LabelChoice], reserved: Set<Character> = LabelKeys.reserved) throws {
        var taken = reserved
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
            let candidates = label.name.lowercased().filter { $0.isLetter && $0.isASCII } + "abcdefghijklmnopqrstuvwxyz"
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
