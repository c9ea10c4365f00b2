import CNCurses
import Testing
import TerminalCore
@testable import TerminalCurses

@Suite("CursesAttributes")
struct CursesAttributesTests {
    @Test("each attribute maps to its own ncurses bit", arguments: [
        (Attributes.bold, ld_attr_bold()), (.dim, ld_attr_dim()), (.underline, ld_attr_underline()), (.reverse, ld_attr_reverse()),
    ])
    func single(attribute: Attributes, bit: attr_t) {
        #expect(CursesAttributes.bits(for: attribute) == bit)
        #expect(bit != 0)
    }

    @Test func noAttributesIsNormal() {
        #expect(CursesAttributes.bits(for: []) == ld_attr_normal())
        #expect(ld_attr_normal() == 0)
    }

    @Test func combinedAttributesCombineBits() {
        let bits = CursesAttributes.bits(for: [.bold, .reverse])
        #expect(bits == ld_attr_bold() | ld_attr_reverse())
        #expect(bits & ld_attr_underline() == 0)
    }

    @Test func attributeBitsDoNotOverlap() {
        let bits = [ld_attr_bold(), ld_attr_dim(), ld_attr_underline(), ld_attr_reverse()]
        #expect(Set(bits).count == 4)
        #expect(bits.reduce(0, |) == CursesAttributes.bits(for: [.bold, .dim, .underline, .reverse]))
    }
}
