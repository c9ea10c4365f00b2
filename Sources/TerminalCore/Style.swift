/// A colour as the terminal knows it: its default, one of the 256 indexed colours, or
/// a true colour.
///
/// Backends with fewer colours map a colour to the nearest one they have; see
/// `Color.nearestBasic` and `Color+Downgrade.swift`. True colour exists for imagery:
/// chafa's cells carry packed RGB, and a terminal that cannot show it gets the nearest
/// indexed colour instead of no picture.
public enum Color: Hashable, Sendable {
    case terminalDefault
    case indexed(UInt8)
    case rgb(UInt8, UInt8, UInt8)

    public static let black = Color.indexed(0)
    public static let red = Color.indexed(1)
    public static let green = Color.indexed(2)
    public static let yellow = Color.indexed(3)
    public static let blue = Color.indexed(4)
    public static let magenta = Color.indexed(5)
    public static let cyan = Color.indexed(6)
    public static let white = Color.indexed(7)
    public static let brightBlack = Color.indexed(8)
    public static let brightWhite = Color.indexed(15)

    /// The closest of the eight basic colours, for terminals that have only those.
    public var nearestBasic: Color {
        switch self {
        case .terminalDefault:
            return self
        case .rgb(let red, let green, let blue):
            return .indexed(Color.nearest8(red: red, green: green, blue: blue))
        case .indexed(let index):
            switch index {
            case 0..<8: return self
            case 8..<16: return .indexed(index - 8)
            case 232...255: return index < 244 ? .black : .white
            default:
                // 6x6x6 cube: quantise each channel to on/off and pick the matching basic colour.
                let cube = Int(index) - 16
                let red = cube / 36, green = (cube / 6) % 6, blue = cube % 6
                let bits = (red >= 3 ? 1 : 0) | (green >= 3 ? 2 : 0) | (blue >= 3 ? 4 : 0)
                return .indexed(UInt8(bits))
            }
        }
    }
}

/// Text attributes that every backend understands.
public struct Attributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = Attributes(rawValue: 1 << 0)
    public static let dim = Attributes(rawValue: 1 << 1)
    public static let underline = Attributes(rawValue: 1 << 2)
    public static let reverse = Attributes(rawValue: 1 << 3)
}

/// How a cell is drawn.
public struct Style: Hashable, Sendable {
    public var foreground: Color
    public var background: Color
    public var attributes: Attributes

    public init(foreground: Color = .terminalDefault, background: Color = .terminalDefault, attributes: Attributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    public static let plain = Style()
    public static let bold = Style(attributes: .bold)
    public static let dim = Style(attributes: .dim)
    public static let reverse = Style(attributes: .reverse)
    public static let underline = Style(attributes: .underline)

    public func with(_ extra: Attributes) -> Style {
        var copy = self
        copy.attributes.formUnion(extra)
        return copy
    }
}
