/// A colour a project gives a label or entity type, as RGB.
///
/// Domain holds the names and values; the screens turn them into terminal colours and
/// fall back to the nearest of 256, 16 or 8 where the terminal has fewer.
public struct LabelColor: Equatable, Sendable {
    public var red: UInt8
    public var green: UInt8
    public var blue: UInt8

    public init(red: UInt8, green: UInt8, blue: UInt8) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// The palette, in the order labels without a colour take it: distinct on a dark
    /// and a light background, and told apart by most colour-blind readers in the first five.
    public static let palette: [(name: String, color: LabelColor)] = [
        ("orange", LabelColor(red: 0xE6, green: 0x9F, blue: 0x00)),
        ("blue", LabelColor(red: 0x56, green: 0xB4, blue: 0xE9)),
        ("green", LabelColor(red: 0x00, green: 0x9E, blue: 0x73)),
        ("yellow", LabelColor(red: 0xF0, green: 0xE4, blue: 0x42)),
        ("purple", LabelColor(red: 0xCC, green: 0x79, blue: 0xA7)),
        ("red", LabelColor(red: 0xD5, green: 0x5E, blue: 0x00)),
        ("cyan", LabelColor(red: 0x00, green: 0xC0, blue: 0xC0)),
        ("magenta", LabelColor(red: 0xC0, green: 0x40, blue: 0xC0)),
        ("teal", LabelColor(red: 0x00, green: 0x72, blue: 0xB2)),
        ("pink", LabelColor(red: 0xFF, green: 0x8F, blue: 0xB0)),
    ]

    public static var names: [String] { palette.map(\.name) }

    /// Reads a palette name or `#rrggbb`.
    public init?(text: String) {
        let lowered = text.lowercased()
        if let entry = LabelColor.palette.first(where: { $0.name == lowered }) {
            self = entry.color
            return
        }
        guard lowered.count == 7, lowered.first == "#", let value = UInt32(lowered.dropFirst(), radix: 16) else { return nil }
        self.init(red: UInt8(value >> 16 & 0xFF), green: UInt8(value >> 8 & 0xFF), blue: UInt8(value & 0xFF))
    }

    /// The colour of the label at `index`: its own, or the palette's next.
    public static func of(_ labels: [LabelChoice], at index: Int) -> LabelColor {
        if let text = labels[index].color, let color = LabelColor(text: text) { return color }
        return palette[index % palette.count].color
    }
}
