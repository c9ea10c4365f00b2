import CGDAL
import Domain
import Foundation

/// Percentiles of one band's valid pixels, from a small sample of the whole band.
struct BandSample: Sendable {
    /// The sampled values, sorted, nodata left out.
    var sorted: [Float]

    func percentile(_ percent: Double) -> Double? {
        guard !sorted.isEmpty else { return nil }
        let position = min(max(percent, 0), 100) / 100 * Double(sorted.count - 1)
        let below = Int(position.rounded(.down)), above = min(sorted.count - 1, below + 1)
        let fraction = position - Double(below)
        return Double(sorted[below]) * (1 - fraction) + Double(sorted[above]) * fraction
    }
}

extension Raster {
    /// The longer side of the decimated read a band's statistics come from.
    static let sampleSide = 512

    /// The stretch for each band read, with percentiles from `sample(band:)`.
    func linearStretches(_ stretch: Stretch, bands: [Int]) throws(ImageryError) -> [LinearStretch] {
        switch stretch {
        case .range(let minimum, let maximum):
            guard minimum.isFinite, maximum.isFinite, minimum < maximum else {
                throw .invalidStretch(reason: "the minimum (\(minimum)) must be below the maximum (\(maximum))")
            }
            return bands.map { _ in LinearStretch(minimum: minimum, maximum: maximum) }
        case .ranges(let ranges):
            guard ranges.count == bands.count else {
                throw .invalidStretch(reason: "it gives \(ranges.count) ranges for \(bands.count) band\(bands.count == 1 ? "" : "s")")
            }
            return ranges.map { LinearStretch(minimum: $0.lowerBound, maximum: $0.upperBound) }
        case .percentiles(let low, let high):
            guard low >= 0, high <= 100, low < high else {
                throw .invalidStretch(reason: "percentiles must be 0 to 100 with the low one first, not \(low) and \(high)")
            }
            var stretches: [LinearStretch] = []
            for band in bands {
                let sample = try sample(band: band)
                let natural = info.bands[band - 1].dataType.naturalRange
                stretches.append(LinearStretch(
                    minimum: sample.percentile(low) ?? natural.lowerBound, maximum: sample.percentile(high) ?? natural.upperBound))
            }
            return stretches
        }
    }

    /// The value range `stretch` gives each band, for a legend or to keep it fixed while panning.
    public func stretchRanges(_ stretch: Stretch, bands choice: BandChoice) throws(ImageryError) -> [ClosedRange<Double>] {
        try linearStretches(stretch, bands: choice.bands).map { $0.minimum...max($0.minimum, $0.maximum) }
    }

    /// A band's sorted sample: a decimated read of the whole band (GDAL takes it from the
    /// smallest overview that is large enough), kept after the first time.
    func sample(band number: Int) throws(ImageryError) -> BandSample {
        if let kept = samples.withLock({ $0[number] }) { return kept }
        let scale = min(1, Double(Self.sampleSide) / Double(max(info.width, info.height)))
        let columns = max(1, Int((Double(info.width) * scale).rounded())), rows = max(1, Int((Double(info.height) * scale).rounded()))
        let span = OutputSpan(
            firstColumn: 0, firstRow: 0, columns: columns, rows: rows,
            source: PixelRect(x: 0, y: 0, width: Double(info.width), height: Double(info.height)))
        var values = try readFloats(span: span, bands: [number])
        if let noData = info.bands[number - 1].noData.map(Float.init) {
            values.removeAll { $0 == noData }
        }
        values.removeAll { $0.isNaN }
        values.sort()
        let sample = BandSample(sorted: values)
        samples.withLock { $0[number] = sample }
        return sample
    }
}
