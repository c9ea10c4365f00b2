#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CNCurses
import TerminalCore

/// The ncurses cells one buffer cell is drawn as: the one place that turns a cluster
/// into what ncurses is given.
///
/// ncurses keeps a cell as a spacing character followed by up to CCHARW_MAX - 1 more,
/// and moves its cursor by the C library's `wcwidth` of the first. Its `setcchar` stops
/// at the first spacing character after the first, which cuts a ZWJ family down to one
/// face and a flag to half of it, so the backend writes the whole cluster into the
/// `cchar_t` itself (`CursesGlyph.characters`). Where `wcwidth` and our width disagree,
/// the glyphs are arranged so ncurses still advances by our width:
///
/// - a flag (two regional indicators, `wcwidth` 1 each) is drawn as its two halves in
///   two ncurses cells: a terminal that joins flags shows one flag over two columns, one
///   that does not shows two letters, and both take two columns;
/// - another two-column cluster whose first scalar is one column (a text-default
///   symbol with VS16 or a skin tone) is followed by a padding space;
/// - a one-column cell whose first scalar is two columns in the C library is drawn as
///   U+FFFD, since ncurses would otherwise spill into the next cell;
/// - a cluster longer than a cell holds: combining marks are cut to fit (the letter
///   stays the same letter); other sequences degrade to their first scalar, followed by
///   `…` in the columns that scalar leaves, so a cut sequence is never shown as a
///   different, shorter one.
///
/// Control characters and bidi controls never reach the terminal, even in a cell set
/// directly rather than through `Buffer.write` (which shows them as marks).
///
/// When the terminal has no UTF-8 locale, `Repertoire.ascii` draws everything with
/// ASCII: box lines as `+ - |`, arrows as `> < ^ v`, anything else non-ASCII as `?`, one
/// `?` per column.
enum CellCharacters {
    /// Which characters the terminal can show.
    enum Repertoire: Equatable, Sendable {
        case unicode
        case ascii
    }

    /// The characters of one ncurses cell, without the terminating zero.
    struct CursesGlyph: Equatable, Sendable {
        var characters: [wchar_t]

        init(_ characters: [wchar_t]) { self.characters = characters }
        init(_ text: String) { characters = text.unicodeScalars.map { wchar_t(bitPattern: $0.value) } }
    }

    /// The ncurses cells for a buffer cell's text and width, drawn left to right from its column.
    ///
    /// - Parameters:
    ///   - capacity: CCHARW_MAX, how many characters one ncurses cell holds.
    ///   - terminalWidth: the C library's `wcwidth`, which ncurses moves by; tests pass their own.
    static func glyphs(for text: String, width: Int, capacity: Int, repertoire: Repertoire = .unicode,
                       terminalWidth: (Unicode.Scalar) -> Int = Self.libraryWidth) -> [CursesGlyph] {
        let columns = max(1, width)
        if repertoire == .ascii { return asciiGlyphs(for: text, columns: columns) }
        var scalars = Array(text.unicodeScalars).filter { !isControl($0) && !ClusterDisplay.isNamedInvisible($0) }
        if scalars.isEmpty { return Array(repeating: CursesGlyph(" "), count: columns) }
        if terminalWidth(scalars[0]) <= 0 { scalars.insert(" ", at: 0) }
        let first = scalars[0]
        let firstColumns = max(1, terminalWidth(first))
        if firstColumns > columns { return [CursesGlyph("\u{FFFD}")] + padding(columns - 1) }
        if columns == 2, scalars.count == 2, scalars.allSatisfy(isRegionalIndicator), firstColumns == 1 {
            return [CursesGlyph([wchar_t(bitPattern: scalars[0].value)]), CursesGlyph([wchar_t(bitPattern: scalars[1].value)])]
        }
        let room = max(1, capacity)
        if scalars.count > room {
            let onlyMarks = scalars.dropFirst().allSatisfy { terminalWidth($0) == 0 && $0.properties.generalCategory != .format }
            if onlyMarks {
                scalars = Array(scalars.prefix(room))
            } else {
                let shown = [CursesGlyph([wchar_t(bitPattern: first.value)])]
                return shown + Array(repeating: CursesGlyph("…"), count: columns - firstColumns)
            }
        }
        return [CursesGlyph(scalars.map { wchar_t(bitPattern: $0.value) })] + padding(columns - firstColumns)
    }

    /// The ncurses cells for one buffer cell as ASCII.
    static func asciiGlyphs(for text: String, columns: Int) -> [CursesGlyph] {
        let scalars = Array(text.unicodeScalars)
        guard let first = scalars.first else { return padding(columns) }
        if first.isASCII {
            let shown = isControl(first) ? " " : String(first)
            return [CursesGlyph(shown)] + padding(columns - 1)
        }
        if let replacement = asciiReplacements[first.value], columns == 1 { return [CursesGlyph(String(replacement))] }
        return Array(repeating: CursesGlyph("?"), count: columns)
    }

    /// What the screens draw beyond ASCII, as the ASCII character closest to it.
    static let asciiReplacements: [UInt32: Character] = {
        var table: [UInt32: Character] = [:]
        for value in [0x2500, 0x2501, 0x2504, 0x2505, 0x2508, 0x2509, 0x254C, 0x254D, 0x2550, 0x2574, 0x2576, 0x2578, 0x257A, 0x2014, 0x2013, 0x2012, 0x2212, 0x2015] as [UInt32] { table[value] = "-" }
        for value in [0x2502, 0x2503, 0x2506, 0x2507, 0x250A, 0x250B, 0x254E, 0x254F, 0x2551, 0x2575, 0x2577, 0x2579, 0x257B] as [UInt32] { table[value] = "|" }
        for value in UInt32(0x250C)...0x254B where table[value] == nil { table[value] = "+" }
        for value in UInt32(0x2552)...0x2570 { table[value] = "+" }
        for (value, character) in [
            (0x2192, ">"), (0x2190, "<"), (0x2191, "^"), (0x2193, "v"), (0x25B8, ">"), (0x25B6, ">"), (0x25BA, ">"),
            (0x25C2, "<"), (0x25C0, "<"), (0x25B4, "^"), (0x25BE, "v"), (0x21B5, "<"), (0x21E5, ">"), (0x21E4, "<"),
            (0x2022, "*"), (0x00B7, "."), (0x2026, "."), (0x2219, "."), (0x25CF, "*"), (0x25CB, "o"), (0x25A0, "#"),
            (0x2588, "#"), (0x2591, ":"), (0x2592, "%"), (0x2593, "#"), (0x2713, "v"), (0x2714, "v"), (0x2717, "x"),
            (0x2718, "x"), (0x00D7, "x"), (0x2018, "'"), (0x2019, "'"), (0x201C, "\""), (0x201D, "\""), (0x00A0, " "),
            (0x27EA, "<"), (0x27EB, ">"), (0x2039, "<"), (0x203A, ">"), (0x00AB, "<"), (0x00BB, ">"),
        ] as [(UInt32, Character)] { table[value] = character }
        return table
    }()

    /// The C library's column count for a scalar, as ncurses sees it.
    static func libraryWidth(_ scalar: Unicode.Scalar) -> Int {
        Int(ld_wcwidth(wchar_t(bitPattern: scalar.value)))
    }

    private static func padding(_ count: Int) -> [CursesGlyph] {
        Array(repeating: CursesGlyph(" "), count: max(0, count))
    }

    private static func isRegionalIndicator(_ scalar: Unicode.Scalar) -> Bool {
        (0x1F1E6...0x1F1FF).contains(scalar.value)
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value)
    }
}
