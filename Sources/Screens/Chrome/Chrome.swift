import Foundation
import Domain
import TerminalCore
import Widgets

/// What every screen has around it: the classification banner on the top and bottom lines.
public enum Chrome {
    /// Draws both banners and returns the rows between them for the screen.
    ///
    /// `marking` is the highest marking of what the screen shows; callers compute it
    /// from the content, never from a guess.
    /// `handling` (control and release markings, `handlingNote`) follows the
    /// classification on both banners; a narrow terminal cuts it, never the classification.
    public static func draw(marking: Marking, handling: String? = nil, into buffer: inout Buffer) -> Rect {
        guard buffer.height >= 2 else { return buffer.area }
        let text = handling.map { marking.rawValue + "  ·  " + $0 } ?? marking.rawValue
        let shown = CharacterWidth.of(text) <= buffer.width ? text : marking.rawValue
        BannerBar.draw(shown, row: 0, style: marking.bannerStyle, into: &buffer)
        BannerBar.draw(shown, row: buffer.height - 1, style: marking.bannerStyle, into: &buffer)
        return Rect(x: 0, y: 1, width: buffer.width, height: buffer.height - 2)
    }

    /// The control and release markings of a task's image (NITF `FSCTLH` / `ISCTLH` and
    /// `FSREL` / `ISREL`), which the importer keeps verbatim in the task's `meta` as
    /// `NITF_FSCTLH`...: "control OC · release USA GBR". The file's and the image's are
    /// both shown when they differ. Nil when the task carries none.
    public static func handlingNote(meta: String?) -> String? {
        guard let meta, meta.contains("NITF_"), case .object(let members)? = try? JSONValue.parse(meta) else { return nil }
        func values(_ keys: [String]) -> String? {
            var seen: [String] = []
            for key in keys {
                guard let value = members[key]?.stringValue?.trimmingCharacters(in: .whitespaces), !value.isEmpty, !seen.contains(value) else { continue }
                seen.append(value)
            }
            return seen.isEmpty ? nil : seen.joined(separator: " / ")
        }
        let parts = [values(["NITF_FSCTLH", "NITF_ISCTLH"]).map { "control " + $0 }, values(["NITF_FSREL", "NITF_ISREL"]).map { "release " + $0 }]
            .compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: " · ")
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
