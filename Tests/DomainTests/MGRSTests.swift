import Domain
import Foundation
import XCTest

/// MGRS references checked against NGA's GeoTrans (the PyPI `mgrs` package), in
/// `Vectors/mgrs_vectors.json` made by `Vectors/make_mgrs_vectors.py`.
final class MGRSTests: XCTestCase {
    struct Vectors: Decodable {
        struct Point: Decodable {
            var latitude: Double
            var longitude: Double
            var mgrs: String
        }
        var points: [Point]
    }

    private static let folder = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()

    func testEveryVectorMatchesGeoTrans() throws {
        // Given: over 200 points over every zone, both hemispheres, Norway, Svalbard and both poles.
        let data = try Data(contentsOf: Self.folder.appendingPathComponent("Vectors/mgrs_vectors.json"))
        let vectors = try JSONDecoder().decode(Vectors.self, from: data)
        XCTAssertGreaterThan(vectors.points.count, 100)

        // When / Then: each reference is GeoTrans's, letter for letter and metre for metre.
        var wrong: [String] = []
        for point in vectors.points {
            let reference = MGRS.reference(latitude: point.latitude, longitude: point.longitude)
            if reference != point.mgrs { wrong.append("(\(point.latitude), \(point.longitude)): \(reference ?? "nil") not \(point.mgrs)") }
        }
        XCTAssertEqual(wrong, [])
    }

    func testTheExceptionsAndThePolesAreCovered() throws {
        // Given: the vectors' own references.
        let data = try Data(contentsOf: Self.folder.appendingPathComponent("Vectors/mgrs_vectors.json"))
        let references = try JSONDecoder().decode(Vectors.self, from: data).points.map(\.mgrs)

        // Then: they include Norway's 32V, Svalbard's 31X/33X/35X/37X, all four UPS letters and all 60 zones.
        for prefix in ["32V", "31X", "33X", "35X", "37X"] {
            XCTAssertTrue(references.contains { $0.hasPrefix(prefix) }, prefix)
        }
        for letter in ["A", "B", "Y", "Z"] {
            XCTAssertTrue(references.contains { $0.hasPrefix(letter) }, letter)
        }
        XCTAssertEqual(Set(references.compactMap { Int($0.prefix(2)) }).count, 60)
    }

    func testTheAtlantaScenesCentreAndImpossibleInput() {
        // Given: the Atlanta scene's centre (gdalinfo: 84d28'44.17"W, 33d38'18.23"N), UTM 16N 733826 E 3724914 N.
        // When / Then: zone 16, band S, square GC, and the metres of its UTM coordinates.
        let reference = MGRS.reference(GeoPoint(longitude: -(84 + 28 / 60.0 + 44.17 / 3600), latitude: 33 + 38 / 60.0 + 18.23 / 3600))
        XCTAssertEqual(reference?.prefix(5), "16SGC")
        XCTAssertEqual(reference.map { Int($0.dropFirst(5).prefix(5)) ?? -1 } ?? -1, 33826, accuracy: 1)
        XCTAssertEqual(reference.map { Int($0.suffix(5)) ?? -1 } ?? -1, 24914, accuracy: 1)

        XCTAssertEqual(MGRS.grouped("16SGC3372225089"), "16S GC 33722 25089")
        XCTAssertEqual(MGRS.grouped("ZFD9276707232"), "Z FD 92767 07232")
        XCTAssertNil(MGRS.reference(latitude: 91, longitude: 0))
        XCTAssertNil(MGRS.reference(latitude: .nan, longitude: 0))
        XCTAssertEqual(MGRS.reference(latitude: 10, longitude: 370), MGRS.reference(latitude: 10, longitude: 10))
    }
}
