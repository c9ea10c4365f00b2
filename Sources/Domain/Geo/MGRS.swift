import Foundation

/// The Military Grid Reference System: a WGS 84 point as a grid square and metres,
/// e.g. "16SGC3372225089", the way a labeler reads a place aloud.
///
/// Pure Swift, so the readout needs no GDAL. Between 80 degrees south and 84 north the
/// grid is UTM (with the Norway and Svalbard zone exceptions); over the poles it is UPS.
/// Eastings and northings are truncated to the metre, as NGA's GeoTrans writes them, so
/// a point's square always contains it.
public enum MGRS {
    /// A point's 1 m MGRS reference; nil for a latitude outside -90...90 or a non-finite point.
    public static func reference(_ point: GeoPoint) -> String? {
        reference(latitude: point.latitude, longitude: point.longitude)
    }

    /// A point's 1 m MGRS reference; nil for a latitude outside -90...90 or a non-finite point.
    public static func reference(latitude: Double, longitude: Double) -> String? {
        guard latitude.isFinite, longitude.isFinite, (-90...90).contains(latitude) else { return nil }
        let longitude = normalized(longitude)
        if latitude > 84 || latitude < -80 { return polarReference(latitude: latitude, longitude: longitude) }
        let utm = UTMPoint(latitude: latitude, longitude: longitude)
        let easting = utm.easting.rounded(.down), northing = utm.northing.rounded(.down)
        let set = utm.zone % 6 == 0 ? 6 : utm.zone % 6
        // Column letters run A-H, J-R, S-Z in sets 1 to 6; rows start at A or F.
        let columnStart = [0, 9, 18][(set - 1) % 3]
        var column = columnStart + Int(easting / 100_000) - 1
        if columnStart == 9, column > 13 { column += 1 }
        var gridNorthing = northing.truncatingRemainder(dividingBy: 2_000_000) - (set % 2 == 0 ? 1_500_000 : 0)
        if gridNorthing < 0 { gridNorthing += 2_000_000 }
        let row = skippingIAndO(Int(gridNorthing / 100_000))
        let zone = utm.zone < 10 ? "0\(utm.zone)" : "\(utm.zone)"
        return zone + letters([latitudeBand(latitude), column, row]) + digits(easting) + digits(northing)
    }

    /// A reference as people read it aloud: "16SGC3372225089" becomes "16S GC 33722 25089".
    public static func grouped(_ reference: String) -> String {
        let characters = Array(reference)
        guard characters.count >= 3 else { return reference }
        let zoneLength = characters.prefix(while: \.isNumber).count
        let squareEnd = zoneLength + 3
        guard characters.count >= squareEnd, (characters.count - squareEnd) % 2 == 0 else { return reference }
        let half = (characters.count - squareEnd) / 2
        let parts = [
            String(characters[0..<(zoneLength + 1)]), String(characters[(zoneLength + 1)..<squareEnd]),
            String(characters[squareEnd..<(squareEnd + half)]), String(characters[(squareEnd + half)...]),
        ]
        return parts.filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// UPS over a pole: the zone letter (A, B south; Y, Z north) says which half of which cap.
    private static func polarReference(latitude: Double, longitude: Double) -> String {
        let ups = UPSPoint(latitude: latitude, longitude: longitude)
        let easting = ups.easting.rounded(.down), northing = ups.northing.rounded(.down)
        let east = easting >= 2_000_000
        let first: Int, columnStart: Int, falseEasting: Double, falseNorthing: Double
        if ups.isNorth {
            (first, columnStart, falseEasting, falseNorthing) = east ? (25, 0, 2_000_000, 1_300_000) : (24, 9, 800_000, 1_300_000)
        } else {
            (first, columnStart, falseEasting, falseNorthing) = east ? (1, 0, 2_000_000, 800_000) : (0, 9, 800_000, 800_000)
        }
        let row = skippingIAndO(Int((northing - falseNorthing) / 100_000))
        var column = columnStart + Int((easting - falseEasting) / 100_000)
        // Column letters skip I and O and the letters D, E, M, N, V, W that UPS leaves out.
        if east {
            if column > 2 { column += 2 }
            if column > 7 { column += 1 }
            if column > 11 { column += 3 }
        } else {
            if column > 11 { column += 3 }
            if column > 20 { column += 2 }
        }
        return letters([first, column, row]) + digits(easting) + digits(northing)
    }

    /// Band letters C to X, 8 degrees each from 80 south; X is 12 degrees, up to 84.5.
    static func latitudeBand(_ latitude: Double) -> Int {
        if latitude >= 72 { return 23 }
        let bands = [2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 13, 15, 16, 17, 18, 19, 20, 21, 22, 23]
        return bands[min(bands.count - 1, max(0, Int((latitude + 80) / 8 + 1e-12)))]
    }

    /// A row index 0...19 as a letter index, skipping I and O.
    private static func skippingIAndO(_ index: Int) -> Int {
        var letter = index
        if letter > 7 { letter += 1 }
        if letter > 13 { letter += 1 }
        return letter
    }

    private static func letters(_ indices: [Int]) -> String {
        String(indices.map { Character(UnicodeScalar(UInt8(65 + $0))) })
    }

    /// The metres within the 100 km square, five digits.
    private static func digits(_ metres: Double) -> String {
        let value = Int(metres.truncatingRemainder(dividingBy: 100_000))
        let text = String(value)
        return String(repeating: "0", count: max(0, 5 - text.count)) + text
    }

    private static func normalized(_ longitude: Double) -> Double {
        var value = longitude.truncatingRemainder(dividingBy: 360)
        if value >= 180 { value -= 360 }
        if value < -180 { value += 360 }
        return value
    }
}

/// WGS 84's shape.
enum WGS84 {
    static let semiMajorAxis = 6_378_137.0
    static let flattening = 1 / 298.257_223_563
    static let eccentricity = (flattening * (2 - flattening)).squareRoot()
}

/// A point in UTM: Krüger's series to sixth order in n (Karney 2011), nanometre-accurate
/// across a zone, which is far below MGRS's metre.
struct UTMPoint {
    var zone: Int
    var isNorth: Bool
    var easting: Double
    var northing: Double

    init(latitude: Double, longitude: Double) {
        zone = Self.zone(latitude: latitude, longitude: longitude)
        isNorth = latitude >= 0
        let centralMeridian = Double(zone * 6 - 183)
        var deltaLongitude = longitude - centralMeridian
        if deltaLongitude < -180 { deltaLongitude += 360 }
        if deltaLongitude > 180 { deltaLongitude -= 360 }
        let n = WGS84.flattening / (2 - WGS84.flattening)
        let n2 = n * n, n3 = n2 * n, n4 = n3 * n, n5 = n4 * n, n6 = n5 * n
        let rectifyingRadius = WGS84.semiMajorAxis / (1 + n) * (1 + n2 / 4 + n4 / 64 + n6 / 256)
        let alpha = [
            n / 2 - 2 * n2 / 3 + 5 * n3 / 16 + 41 * n4 / 180 - 127 * n5 / 288 + 7891 * n6 / 37800,
            13 * n2 / 48 - 3 * n3 / 5 + 557 * n4 / 1440 + 281 * n5 / 630 - 1_983_433 * n6 / 1_935_360,
            61 * n3 / 240 - 103 * n4 / 140 + 15061 * n5 / 26880 + 167_603 * n6 / 181_440,
            49561 * n4 / 161_280 - 179 * n5 / 168 + 6_601_661 * n6 / 7_257_600,
            34729 * n5 / 80640 - 3_418_889 * n6 / 1_995_840,
            212_378_941 * n6 / 319_334_400,
        ]
        let phi = latitude * .pi / 180, lambda = deltaLongitude * .pi / 180
        let e = WGS84.eccentricity
        let t = sinh(atanh(sin(phi)) - e * atanh(e * sin(phi)))
        let xiPrime = atan2(t, cos(lambda))
        let etaPrime = atanh(sin(lambda) / (1 + t * t).squareRoot())
        var xi = xiPrime, eta = etaPrime
        for (index, coefficient) in alpha.enumerated() {
            let j = Double(2 * (index + 1))
            xi += coefficient * sin(j * xiPrime) * cosh(j * etaPrime)
            eta += coefficient * cos(j * xiPrime) * sinh(j * etaPrime)
        }
        let scale = 0.9996
        easting = 500_000 + scale * rectifyingRadius * eta
        northing = (isNorth ? 0 : 10_000_000) + scale * rectifyingRadius * xi
    }

    /// The UTM zone, with the Norway (32V) and Svalbard (31X, 33X, 35X, 37X) exceptions.
    static func zone(latitude: Double, longitude: Double) -> Int {
        var zone = Int(((longitude + 180) / 6).rounded(.down)) + 1
        if zone > 60 { zone = 1 }
        if (56..<64).contains(latitude), (3..<12).contains(longitude) { zone = 32 }
        if latitude >= 72 {
            switch longitude {
            case 0..<9: zone = 31
            case 9..<21: zone = 33
            case 21..<33: zone = 35
            case 33..<42: zone = 37
            default: break
            }
        }
        return zone
    }
}

/// A point in Universal Polar Stereographic (scale 0.994 at the pole, 2,000 km false
/// easting and northing), from Snyder's ellipsoidal formulas.
struct UPSPoint {
    var isNorth: Bool
    var easting: Double
    var northing: Double

    init(latitude: Double, longitude: Double) {
        isNorth = latitude > 0
        let e = WGS84.eccentricity
        let phi = abs(latitude) * .pi / 180, lambda = longitude * .pi / 180
        let sine = sin(phi)
        let t = tan(.pi / 4 - phi / 2) / pow((1 - e * sine) / (1 + e * sine), e / 2)
        let rho = 2 * WGS84.semiMajorAxis * 0.994 * t / (pow(1 + e, 1 + e) * pow(1 - e, 1 - e)).squareRoot()
        easting = 2_000_000 + rho * sin(lambda)
        northing = isNorth ? 2_000_000 - rho * cos(lambda) : 2_000_000 + rho * cos(lambda)
    }
}
