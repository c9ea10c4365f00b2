import CNCurses
import TerminalCore

/// The ncurses attribute bits for a style's attributes.
///
/// `A_BOLD` and friends are C macros Swift cannot see; the shim's functions return them.
enum CursesAttributes {
    static func bits(for attributes: Attributes) -> attr_t {
        var bits = ld_attr_normal()
        if attributes.contains(.bold) { bits |= ld_attr_bold() }
        if attributes.contains(.dim) { bits |= ld_attr_dim() }
        if attributes.contains(.underline) { bits |= ld_attr_underline() }
        if attributes.contains(.reverse) { bits |= ld_attr_reverse() }
        return bits
    }
}
