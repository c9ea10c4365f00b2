import Domain
import Foundation

/// UTM on WGS 84 by Krüger's series to sixth order (Karney 2011, "Transverse Mercator
/// with an accuracy of a few nanometres"): a converter from pure maths for the tests,
/// to check the formats' WGS 84 output against PROJ's numbers without GDAL.
struct TransverseMercator: CoordinateConverter {
    let centralMeridian: Double
    let scale = 0.9996
    let falseEasting = 500_000.0
    let falseNorthing: Double

    /// The UTM zone's projection (`north` false for the southern hemisphere's false northing).
    init(utmZone zone: Int, north: Bool = true) {
        centralMeridian = Double(zone) * 6 - 183
        falseNorthing = north ? 0 : 10_000_000
    }

    static let a = 6_378_137.0
    static let f = 1 / 298.257223563
    static let n = f / (2 - f)
    static let e = (f * (2 - f)).squareRoot()
    static let rectifyingRadius: Double = {
        let n2 = n * n
        return a / (1 + n) * (1 + n2 / 4 + n2 * n2 / 64 + n2 * n2 * n2 / 256)
    }()

    static let alpha: [Double] = {
        let n2 = n * n, n3 = n2 * n, n4 = n3 * n, n5 = n4 * n, n6 = n5 * n
        return [
            n / 2 - 2 * n2 / 3 + 5 * n3 / 16 + 41 * n4 / 180 - 127 * n5 / 288 + 7891 * n6 / 37800,
            13 * n2 / 48 - 3 * n3 / 5 + 557 * n4 / 1440 + 281 * n5 / 630 - 1983433 * n6 / 1935360,
            61 * n3 / 240 - 103 * n4 / 140 + 15061 * n5 / 26880 + 167603 * n6 / 181440,
            49561 * n4 / 161280 - 179 * n5 / 168 + 6601661 * n6 / 7257600,
            34729 * n5 / 80640 - 3418889 * n6 / 1995840,
            212378941 * n6 / 319334400,
        ]
    }()

    static let beta: [Double] = {
        let n2 = n * n, n3 = n2 * n, n4 = n3 * n, n5 = n4 * n, n6 = n5 * n
        return [
            n / 2 - 2 * n2 / 3 + 37 * n3 / 96 - n4 / 360 - 81 * n5 / 512 + 96199 * n6 / 604800,
            n2 / 48 + n3 / 15 - 437 * n4 / 1440 + 46 * n5 / 105 - 1118711 * n6 / 3870720,
            17 * n3 / 480 - 37 * n4 / 840 - 209 * n5 / 4480 + 5569 * n6 / 90720,
            4397 * n4 / 161280 - 11 * n5 / 504 - 830251 * n6 / 7257600,
            4583 * n5 / 161280 - 108847 * n6 / 3991680,
            20648693 * n6 / 638668800,
        ]
    }()

    func fromWGS84(_ points: [GeoPoint]) throws -> [MapPoint] {
        let e = Self.e
        return points.map { point in
            let phi = point.latitude * .pi / 180, lambda = (point.longitude - centralMeridian) * .pi / 180
            let t = sinh(atanh(sin(phi)) - e * atanh(e * sin(phi)))
            let xiPrime = atan2(t, cos(lambda)), etaPrime = atanh(sin(lambda) / (1 + t * t).squareRoot())
            var xi = xiPrime, eta = etaPrime
            for (index, alpha) in Self.alpha.enumerated() {
                let j = Double(2 * (index + 1))
                xi += alpha * sin(j * xiPrime) * cosh(j * etaPrime)
                eta += alpha * cos(j * xiPrime) * sinh(j * etaPrime)
            }
            return MapPoint(x: falseEasting + scale * Self.rectifyingRadius * eta, y: falseNorthing + scale * Self.rectifyingRadius * xi)
        }
    }

    func toWGS84(_ points: [MapPoint]) throws -> [GeoPoint] {
        let e = Self.e, e2 = e * e
        return points.map { point in
            let xi = (point.y - falseNorthing) / (scale * Self.rectifyingRadius)
            let eta = (point.x - falseEasting) / (scale * Self.rectifyingRadius)
            var xiPrime = xi, etaPrime = eta
            for (index, beta) in Self.beta.enumerated() {
                let j = Double(2 * (index + 1))
                xiPrime -= beta * sin(j * xi) * cosh(j * eta)
                etaPrime -= beta * cos(j * xi) * sinh(j * eta)
            }
            let tauPrime = sin(xiPrime) / (sinh(etaPrime) * sinh(etaPrime) + cos(xiPrime) * cos(xiPrime)).squareRoot()
            let lambda = atan2(sinh(etaPrime), cos(xiPrime))
            // The latitude whose conformal latitude has tangent tauPrime, by Newton's method.
            var tau = tauPrime
            for _ in 0..<8 {
                let sigma = sinh(e * atanh(e * tau / (1 + tau * tau).squareRoot()))
                let tauPrimeOfTau = tau * (1 + sigma * sigma).squareRoot() - sigma * (1 + tau * tau).squareRoot()
                let derivative = (1 - e2) * (1 + tauPrimeOfTau * tauPrimeOfTau).squareRoot() * (1 + tau * tau).squareRoot() / (1 + (1 - e2) * tau * tau)
                tau += (tauPrime - tauPrimeOfTau) / derivative
            }
            return GeoPoint(longitude: centralMeridian + lambda * 180 / .pi, latitude: atan(tau) * 180 / .pi)
        }
    }
}
