/// Which bands make the picture's red, green and blue.
public enum BandChoice: Hashable, Sendable {
    /// Three bands as red, green and blue (band numbers, 1-based).
    case color(red: Int, green: Int, blue: Int)
    /// One band as grey.
    case gray(Int)
    /// One band through its colour table (a palette image).
    case palette(Int)

    /// The bands read, in the order they fill red, green, blue (one for grey and palette).
    public var bands: [Int] {
        switch self {
        case .color(let red, let green, let blue): return [red, green, blue]
        case .gray(let band), .palette(let band): return [band]
        }
    }

    /// Natural colour: the bands marked red, green and blue, or 1, 2, 3 when the file
    /// does not say (as NAIP's 4-band tiles do not); nil with fewer than three bands.
    public static func naturalColor(for info: RasterInfo) -> BandChoice? {
        guard info.bandCount >= 3 else { return nil }
        let marked = { (color: ColorInterpretation) in info.bands.first { $0.colorInterpretation == color }?.number }
        if let red = marked(.red), let green = marked(.green), let blue = marked(.blue) {
            return .color(red: red, green: green, blue: blue)
        }
        return .color(red: 1, green: 2, blue: 3)
    }

    /// Near-infrared false colour for a 4-band red, green, blue, NIR image: NIR as red,
    /// red as green, green as blue, so vegetation shows bright red. Nil for other files.
    public static func nearInfraredFalseColor(for info: RasterInfo) -> BandChoice? {
        guard info.bandCount == 4, case .color(let red, let green, _)? = naturalColor(for: info) else { return nil }
        let nearInfrared = Set(1...4).subtracting(naturalColor(for: info)?.bands ?? []).first ?? 4
        return .color(red: nearInfrared, green: red, blue: green)
    }

    /// What a file shows first: its colour table for a palette band, natural colour with
    /// three bands or more, otherwise band 1 as grey.
    public static func defaultChoice(for info: RasterInfo) -> BandChoice {
        if info.bands.first?.colorInterpretation == .palette { return .palette(1) }
        return naturalColor(for: info) ?? .gray(1)
    }

    /// Every choice that makes sense for the file, the default first: for a key that cycles.
    public static func choices(for info: RasterInfo) -> [BandChoice] {
        var all = [defaultChoice(for: info)]
        if let falseColor = nearInfraredFalseColor(for: info) { all.append(falseColor) }
        for band in info.bands where band.colorInterpretation != .palette { all.append(.gray(band.number)) }
        var seen = Set<BandChoice>()
        return all.filter { seen.insert($0).inserted }
    }
}
