/// True colour brought down to what a terminal has: 256, 16 or 8 colours.
///
/// Distances are plain squared RGB distances against xterm's default palette, so every
/// answer can be checked by hand; terminals with other palettes for 0-15 still get a
/// colour of the right family.
extension Color {
    /// The RGB of each of xterm's 16 basic colours, as xterm draws them by default.
    public static let basicPalette: [(red: UInt8, green: UInt8, blue: UInt8)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0),
        (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0),
        (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    /// The six levels of each channel in the 6x6x6 cube (indexes 16-231).
    public static let cubeLevels: [UInt8] = [0, 95, 135, 175, 215, 255]

    /// The RGB this colour shows as on an xterm-like terminal; nil for the terminal's default.
    public var rgbValue: (red: UInt8, green: UInt8, blue: UInt8)? {
        switch self {
        case .terminalDefault:
            return nil
        case .rgb(let red, let green, let blue):
            return (red, green, blue)
        case .indexed(let index):
            return Self.paletteRGB(index)
        }
    }

    /// The RGB of an xterm-256 palette index.
    public static func paletteRGB(_ index: UInt8) -> (red: UInt8, green: UInt8, blue: UInt8) {
        switch index {
        case 0..<16:
            return basicPalette[Int(index)]
        case 232...255:
            let level = UInt8(8 + 10 * (Int(index) - 232))
            return (level, level, level)
        default:
            let cube = Int(index) - 16
            return (cubeLevels[cube / 36], cubeLevels[(cube / 6) % 6], cubeLevels[cube % 6])
        }
    }

    /// The nearest xterm-256 index among the cube (16-231) and the grey ramp (232-255).
    ///
    /// Indexes 0-15 are left out: terminals theme them, so they would not show the
    /// colour asked for.
    public static func nearest256(red: UInt8, green: UInt8, blue: UInt8) -> UInt8 {
        let r = cubeStep(red), g = cubeStep(green), b = cubeStep(blue)
        let cubeIndex = 16 + 36 * r + 6 * g + b
        let cubeDistance = distance((red, green, blue), (cubeLevels[r], cubeLevels[g], cubeLevels[b]))
        let average = (Int(red) + Int(green) + Int(blue)) / 3
        let greyStep = average < 8 ? 0 : min(23, (average - 8 + 5) / 10)
        let greyLevel = UInt8(8 + 10 * greyStep)
        let greyDistance = distance((red, green, blue), (greyLevel, greyLevel, greyLevel))
        return greyDistance < cubeDistance ? UInt8(232 + greyStep) : UInt8(cubeIndex)
    }

    /// The nearest of the 16 basic colours; a grey stays among black, the two greys and white.
    public static func nearest16(red: UInt8, green: UInt8, blue: UInt8) -> UInt8 {
        nearest(in: isGrey(red, green, blue) ? greys16 : all16, red: red, green: green, blue: blue)
    }

    /// The nearest of the 8 basic colours; a grey becomes black or white.
    public static func nearest8(red: UInt8, green: UInt8, blue: UInt8) -> UInt8 {
        nearest(in: isGrey(red, green, blue) ? greys8 : all8, red: red, green: green, blue: blue)
    }

    private static let all16 = Array(0..<16), greys16 = [0, 8, 7, 15]
    private static let all8 = Array(0..<8), greys8 = [0, 7]

    /// Whether the channels are within 32 of each other.
    ///
    /// By distance alone a mid grey is nearer yellow, magenta or cyan than black or
    /// white among the basic eight (28,850 against 35,643 for (120,120,120)); a grey
    /// picture turned yellow reads as wrong, one turned white does not.
    static func isGrey(_ red: UInt8, _ green: UInt8, _ blue: UInt8) -> Bool {
        max(red, green, blue) - min(red, green, blue) < 32
    }

    /// This colour as a terminal of `depth` can show it; `nil` when the terminal has no colour.
    public func downgraded(to depth: ColorDepth) -> Color? {
        switch (self, depth) {
        case (.terminalDefault, _): return self
        case (_, .monochrome): return nil
        case (_, .trueColor): return self
        case (.indexed(let index), .indexed256): return .indexed(index)
        case (.rgb(let red, let green, let blue), .indexed256): return .indexed(Self.nearest256(red: red, green: green, blue: blue))
        case (.indexed(let index), .indexed16) where index < 16: return self
        case (_, .indexed16):
            guard let rgb = rgbValue else { return self }
            return .indexed(Self.nearest16(red: rgb.red, green: rgb.green, blue: rgb.blue))
        case (_, .indexed8): return nearestBasic
        }
    }

    /// Perceived brightness 0-255 (Rec. 601 weights in integers), for monochrome pictures.
    public static func luminance(red: UInt8, green: UInt8, blue: UInt8) -> Int {
        (299 * Int(red) + 587 * Int(green) + 114 * Int(blue)) / 1000
    }

    /// Which of the six cube levels is nearest to `value`; the levels are not evenly spaced.
    static func cubeStep(_ value: UInt8) -> Int {
        if value < 48 { return 0 }
        if value < 115 { return 1 }
        return (Int(value) - 35) / 40
    }

    private static func nearest(in candidates: [Int], red: UInt8, green: UInt8, blue: UInt8) -> UInt8 {
        var best = candidates[0], bestDistance = Int.max
        for index in candidates {
            let candidate = basicPalette[index]
            let d = distance((red, green, blue), candidate)
            if d < bestDistance { best = index; bestDistance = d }
        }
        return UInt8(best)
    }

    private static func distance(_ a: (UInt8, UInt8, UInt8), _ b: (UInt8, UInt8, UInt8)) -> Int {
        let dr = Int(a.0) - Int(b.0), dg = Int(a.1) - Int(b.1), db = Int(a.2) - Int(b.2)
        return dr * dr + dg * dg + db * db
    }
}
