import Domain
import TerminalCore

extension Marking {
    /// The standard banner colours: UNCLASSIFIED green, CUI purple, CONFIDENTIAL blue,
    /// SECRET red, TOP SECRET orange, TOP SECRET//SCI yellow.
    ///
    /// Dark backgrounds carry white text, light ones black, so the words stay readable
    /// in 256 colours and after the fallback to eight.
    public var bannerStyle: Style {
        switch self {
        case .unclassified: Style(foreground: .brightWhite, background: .green, attributes: .bold)
        case .cui: Style(foreground: .brightWhite, background: .magenta, attributes: .bold)
        case .confidential: Style(foreground: .brightWhite, background: .blue, attributes: .bold)
        case .secret: Style(foreground: .brightWhite, background: .red, attributes: .bold)
        case .topSecret: Style(foreground: .black, background: .indexed(208), attributes: .bold)
        case .topSecretSCI: Style(foreground: .black, background: .yellow, attributes: .bold)
        }
    }
}
