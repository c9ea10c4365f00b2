import Testing
@testable import TerminalCurses

@Suite("ColorCapability.detect")
struct ColorCapabilityTests {
    @Test func twoHundredFiftySixColoursGiveIndexedColours() {
        let capability = ColorCapability.detect(hasColors: true, colorCount: 256, pairCount: 65536, environment: [:])
        #expect(capability == .indexed256(pairCount: 65536))
    }

    @Test("fewer than 256 colours give the basic eight", arguments: [8, 16, 88])
    func fewerColoursGiveBasic(colorCount: Int) {
        let capability = ColorCapability.detect(hasColors: true, colorCount: colorCount, pairCount: 64, environment: [:])
        #expect(capability == .basic8(pairCount: 64))
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
