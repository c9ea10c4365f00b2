import Domain
import TerminalCore

/// The entity types' colours as terminal styles, made once per frame from the project.
///
/// Black text on the type's colour, so a span reads the same on a dark or a light
/// terminal; spans in the text are underlined besides, so they show without colour.
struct SpanPalette {
    /// A type's position among the project's labels, by name.
    var index: [String: Int]
    /// Each type's legend and list style.
    var styles: [Style]
    /// Each type's style for a span in the text.
    var spanStyles: [Style]

    init(_ project: Project) {
        let labels = project.labels
        index = Dictionary(labels.enumerated().map { ($0.element.name, $0.offset) }, uniquingKeysWith: { first, _ in first })
        styles = labels.indices.map { Style(foreground: .black, background: LabelColor.of(labels, at: $0).terminalColor) }
        spanStyles = styles.map { $0.with(.underline) }
    }
}

extension LabelColor {
    /// The nearest colour of the 256-colour cube (indexes 16-231): the backend lowers
    /// it further, to 16 or 8, on terminals with fewer.
    var terminalColor: Color {
        func level(_ channel: UInt8) -> Int {
            // The cube's levels are 0, 95, 135, 175, 215, 255.
            channel < 48 ? 0 : channel < 115 ? 1 : (Int(channel) - 35) / 40
        }
        return .indexed(UInt8(16 + 36 * level(red) + 6 * level(green) + level(blue)))
    }
}
