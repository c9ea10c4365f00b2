#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TerminalCore

/// The wide characters ncurses gets for one cell's text.
///
/// `setcchar` wants a spacing character first, then combining marks, at most
/// CCHARW_MAX in all, ending in a zero. `Buffer.write` already turns control
/// characters into spaces, but a cell set directly could still hold one, or begin with
/// a lone combining mark; a control character would move the terminal's cursor and
/// a lone mark would vanish, so they become a space, or a space the mark sits on.
enum CellCharacters {
    static func wideCharacters(for text: String, capacity: Int) -> [wchar_t] {
        var scalars = Array(text.unicodeScalars).filter { !isControl($0) }
        if let first = scalars.first, CharacterWidth.of(scalar: first) == 0 {
            scalars.insert(" ", at: 0)
        }
        if scalars.isEmpty { scalars = [" "] }
        return scalars.prefix(max(1, capacity)).map { wchar_t(bitPattern: $0.value) } + [0]
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value)
    }
}
