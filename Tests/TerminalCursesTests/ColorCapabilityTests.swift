import Testing
@testable import TerminalCurses

@Suite("ColorCapability.detect")
struct ColorCapabilityTests {
    @Test func twoHundredFiftySixColoursGiveIndexedColours() {
        let capability = ColorCapability.detect(hasColors: true, colorCount: 256, pairCount: 65536, environment: [:])
        #expect(capability == .indexed256(pairCount: 65536))
    }

    @Test func eightColoursGiveTheBasicEight() {
        let capability = ColorCapability.detect(hasColors: true, colorCount: 8, pairCount: 64, environment: [:])
        #expect(capability == .basic8(pairCount: 64))
    }

    @Test("16 to 255 colours give the basic sixteen", arguments: [16, 88])
    func sixteenOrMoreColoursGiveTheBasicSixteen(colorCount: Int) {
        // 88-colour palettes differ from xterm's 256 above 15; the sixteen are the same
        let capability = ColorCapability.detect(hasColors: true, colorCount: colorCount, pairCount: 64, environment: [:])
        #expect(capability == .basic16(pairCount: 64))
    }

    @Test func directColourTerminalsGetDirectColour() {
        // Given TERM=xterm-direct: terminfo colors#0x1000000
        let capability = ColorCapability.detect(hasColors: true, colorCount: 1 << 24, pairCount: 65536, environment: [:])
        #expect(capability == .direct(pairCount: 65536))
        #expect(capability.depth == .trueColor)
    }

    @Test func colortermCannotGiveDirectColourThroughA256ColourEntry() {
        // ncurses sends colours as the terminfo entry says; xterm-256color has no RGB form
        let capability = ColorCapability.detect(hasColors: true, colorCount: 256, pairCount: 65536, environment: ["COLORTERM": "truecolor"])
        #expect(capability == .indexed256(pairCount: 65536))
        #expect(capability.depth == .indexed256)
    }

    @Test func noColourSupportIsMonochrome() {
        #expect(ColorCapability.detect(hasColors: false, colorCount: 0, pairCount: 0, environment: [:]) == .monochrome)
        #expect(ColorCapability.detect(hasColors: true, colorCount: 2, pairCount: 64, environment: [:]) == .monochrome)
        #expect(ColorCapability.detect(hasColors: true, colorCount: 8, pairCount: 1, environment: [:]) == .monochrome)
    }

    @Test func noColorEnvironmentVariableWins() {
        // Given a 256-colour terminal, When NO_COLOR is set, Then no colour
        let capability = ColorCapability.detect(hasColors: true, colorCount: 256, pairCount: 65536, environment: ["NO_COLOR": "1"])
        #expect(capability == .monochrome)
    }

    @Test func emptyNoColorIsIgnored() {
        let capability = ColorCapability.detect(hasColors: true, colorCount: 256, pairCount: 65536, environment: ["NO_COLOR": ""])
        #expect(capability == .indexed256(pairCount: 65536))
    }
}
