import Domain
import TerminalCore
import Widgets

/// What every screen has around it: the classification banner on the top and bottom lines.
public enum Chrome {
    /// Draws both banners and returns the rows between them for the screen.
    ///
    /// `marking` is the highest marking of what the screen shows; callers compute it
    /// from the content, never from a guess.
    public static func draw(marking: Marking, into buffer: inout Buffer) -> Rect {
        guard buffer.height >= 2 else { return buffer.area }
        BannerBar.draw(marking.rawValue, row: 0, style: marking.bannerStyle, into: &buffer)
        BannerBar.draw(marking.rawValue, row: buffer.height - 1, style: marking.bannerStyle, into: &buffer)
        return Rect(x: 0, y: 1, width: buffer.width, height: buffer.height - 2)
    }

    /// A line of key hints, dimmed, at the bottom of a screen's area.
    public static func drawHints(_ hints: [String], in rect: Rect, into buffer: inout Buffer) {
        guard rect.height > 0 else { return }
        let row = Rect(x: rect.x + 1, y: rect.maxY - 1, width: rect.width - 2, height: 1)
        // Narrower separators before any hint is cut: the last hints (help, back) matter.
        let line = ["  ·  ", " · ", "·"].lazy.map { hints.joined(separator: $0) }.first { CharacterWidth.of($0) <= row.width }
            ?? hints.joined(separator: "·")
        Label.draw(line, in: row, style: .dim, into: &buffer)
    }
}
