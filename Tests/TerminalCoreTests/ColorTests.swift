import Testing
import TerminalCore

@Suite("Color.nearestBasic")
struct ColorTests {
    @Test("the basic eight and the default stay", arguments: [Color.terminalDefault] + (0..<8).map { Color.indexed(UInt8($0)) })
    func basicStays(color: Color) {
        #expect(color.nearestBasic == color)
    }

    @Test("bright colours become their basic ones", arguments: 8..<16)
    func brightColours(index: Int) {
        #expect(Color.indexed(UInt8(index)).nearestBasic == .indexed(UInt8(index - 8)))
    }

    @Test("cube corners map to the matching basic colour", arguments: [
        (16, Color.black), (196, .red), (46, .green), (226, .yellow),
        (21, .blue), (201, .magenta), (51, .cyan), (231, .white),
    ])
    func cubeCorners(index: Int, expected: Color) {
        #expect(Color.indexed(UInt8(index)).nearestBasic == expected)
    }

    @Test func cubeChannelsSwitchOnAtHalfway() {
        // 16 + 36*r + 6*g + b: r=2 stays off, r=3 turns red on
        #expect(Color.indexed(16 + 36 * 2).nearestBasic == .black)
        #expect(Color.indexed(16 + 36 * 3).nearestBasic == .red)
        #expect(Color.indexed(16 + 36 * 3 + 3).nearestBasic == .magenta)
    }

    @Test("greys split between black and white", arguments: [
        (232, Color.black), (243, .black), (244, .white), (255, .white),
    ])
    func greys(index: Int, expected: Color) {
        #expect(Color.indexed(UInt8(index)).nearestBasic == expected)
    }

    @Test func styleWithAddsAttributes() {
        let style = Style(foreground: .red).with([.bold, .underline])
        #expect(style == Style(foreground: .red, attributes: [.bold, .underline]))
    }
}
