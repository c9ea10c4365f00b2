import Domain
import Foundation
@testable import Interchange
import Testing

@Suite("Placing shapes onto chips")
struct ShapePlacementTests {
    /// Chips of `size` pixels cut from the scene with `overlap`, as `imagery add` cuts them.
    static func chips(size: Int, overlap: Int, transform: GeoTransform) throws -> [GeoChip] {
        var chips: [GeoChip] = []
        var y = 0
        while y < GeoFixtures.sceneSize {
            var x = 0
            while x < GeoFixtures.sceneSize {
                let window = PixelWindow(x: x, y: y, width: min(size, GeoFixtures.sceneSize - x), height: min(size, GeoFixtures.sceneSize - y))
                chips.append(try GeoFixtures.chip("chip-\(x)-\(y)", window: window, sceneTransform: transform))
                x += size - overlap
                if x + overlap >= GeoFixtures.sceneSize { break }
            }
            y += size - overlap
            if y + overlap >= GeoFixtures.sceneSize { break }
        }
        return chips
    }

    @Test("On chips that tile the scene, a footprint across chips goes to each, clipped, and its pieces add up to the whole")
    func acrossChips() throws {
        // Given the 43 footprints and the scene cut into four 450-pixel chips without overlap
        let document = try GeoFootprintTests.footprints()
        let transform = try GeoFixtures.sceneTransform()
        let chips = try Self.chips(size: 450, overlap: 0, transform: transform)
        #expect(chips.count == 4)
        // When they are placed
        let placement = try ShapePlacer.place(document.shapes, crs: document.crs, converter: nil, on: chips, form: .polygon, fileName: "f")
        // Then none is outside, some lie on two chips, and each footprint's pieces cover its whole area
        #expect(placement.outside.isEmpty)
        let whole = try ShapePlacer.place(document.shapes, crs: document.crs, converter: nil, on: [try GeoFootprintTests.wholeScene()], form: .polygon, fileName: "f")
        var areaOfWhole: [Int: Double] = [:]
        for item in whole.shapesByTask["whole"] ?? [] { areaOfWhole[item.number] = abs(ShapePlacer.signedArea(item.shape.geometry.vertices)) }
        var areaOfPieces: [Int: Double] = [:]
        var chipsOf: [Int: Int] = [:]
        for chip in chips {
            for item in placement.shapesByTask[chip.taskID] ?? [] {
                let ring = item.shape.geometry.vertices
                #expect(ring.allSatisfy { $0.x >= 0 && $0.x <= 450 && $0.y >= 0 && $0.y <= 450 }, "feature \(item.number) sticks out of \(chip.taskID)")
                areaOfPieces[item.number, default: 0] += abs(ShapePlacer.signedArea(ring))
                chipsOf[item.number, default: 0] += 1
            }
        }
        #expect(chipsOf.values.contains(2))
        #expect(areaOfPieces.count == 43)
        for (number, area) in areaOfWhole { #expect(abs((areaOfPieces[number] ?? 0) - area) < 1e-6, "feature \(number)") }
        // And a piece on a chip lies where the whole one lies in the scene: the chip's georeferencing is the scene's at its corner
        for chip in chips {
            for item in placement.shapesByTask[chip.taskID] ?? [] {
                for point in item.shape.geometry.vertices {
                    let inScene = transform.map(PixelPoint(x: point.x + Double(chip.image.chip.x), y: point.y + Double(chip.image.chip.y)))
                    let onChip = chip.georeference.transform.map(point)
                    #expect(abs(inScene.x - onChip.x) < 1e-6 && abs(inScene.y - onChip.y) < 1e-6)
                }
            }
        }
    }

    @Test("With overlapping chips, a footprint in the overlap goes to both chips whole")
    func overlap() throws {
        // Given the scene as chips of 500 with 100 pixels of overlap (0-500 and 400-900 across and down)
        let document = try GeoFootprintTests.footprints()
        let chips = try Self.chips(size: 500, overlap: 100, transform: try GeoFixtures.sceneTransform())
        #expect(chips.map(\.image.chip.x) == [0, 400, 0, 400])
        // When the footprints are placed
        let placement = try ShapePlacer.place(document.shapes, crs: document.crs, converter: nil, on: chips, form: .polygon, fileName: "f")
        // Then feature 15 (scene x 545-562, y 383-405) is on the chips starting at x 400, unclipped
        let onRight = ["chip-400-0", "chip-400-400"].map { placement.shapesByTask[$0]?.filter { $0.number == 15 }.count ?? 0 }
        #expect(onRight == [1, 1])
        #expect(placement.shapesByTask["chip-0-0"]?.contains { $0.number == 15 } == false)
        let pieces = placement.shapesByTask["chip-400-0"]?.first { $0.number == 15 }?.shape.geometry.vertices ?? []
        let whole = try ShapePlacer.place(document.shapes, crs: document.crs, converter: nil, on: [try GeoFootprintTests.wholeScene()], form: .polygon, fileName: "f")
        let inScene = whole.shapesByTask["whole"]?.first { $0.number == 15 }?.shape.geometry.vertices ?? []
        #expect(pieces.count == 8)
        #expect(zip(pieces, inScene).allSatisfy { abs($0.x + 400 - $1.x) < 1e-9 && $0.y == $1.y })
    }

    @Test("A shape off every chip is reported by its number; an edge-only touch is not a landing")
    func outside() throws {
        // Given a chip of 100 x 100 pixels and three squares: one inside, one far away, one touching only the right edge
        let chip = try GeoFixtures.chip("c", window: PixelWindow(x: 0, y: 0, width: 100, height: 100), sceneTransform: GeoTransform([0, 1, 0, 0, 0, 1]))
        func square(_ number: Int, _ x: Double, _ y: Double, _ side: Double) -> SourceShape {
            SourceShape(number: number, label: "car", coordinates: .scenePixels(scene: GeoFixtures.scene, [[
                PixelPoint(x: x, y: y), PixelPoint(x: x + side, y: y), PixelPoint(x: x + side, y: y + side), PixelPoint(x: x, y: y + side),
            ]]))
        }
        let shapes = [square(1, 10, 10, 5), square(2, 500, 500, 5), square(3, 100, 40, 5)]
        // When they are placed
        let placement = try ShapePlacer.place(shapes, crs: "", converter: nil, on: [chip], form: .polygon, fileName: "p.json")
        // Then 2 and 3 are reported, 1 is placed as it was
        #expect(placement.outside == [2, 3])
        #expect(placement.shapesByTask["c"]?.map(\.number) == [1])
    }

    @Test("A polygon over a chip's corner is cut at the edges; as a box it becomes the box of what is on the chip")
    func clipping() throws {
        // Given a diamond centred on the chip's top-left corner, in scene pixels of a chip at (100, 100)
        let chip = try GeoFixtures.chip("c", window: PixelWindow(x: 100, y: 100, width: 50, height: 50), sceneTransform: GeoTransform([0, 1, 0, 0, 0, 1]))
        let diamond = SourceShape(number: 1, label: "lake", coordinates: .scenePixels(scene: GeoFixtures.scene, [[
            PixelPoint(x: 100, y: 90), PixelPoint(x: 110, y: 100), PixelPoint(x: 100, y: 110), PixelPoint(x: 90, y: 100),
        ]]))
        // When it is placed as a polygon and as a box
        let polygon = try ShapePlacer.place([diamond], crs: "", converter: nil, on: [chip], form: .polygon, fileName: "p").shapesByTask["c"]?.first?.shape
        let box = try ShapePlacer.place([diamond], crs: "", converter: nil, on: [chip], form: .box, fileName: "p").shapesByTask["c"]?.first?.shape
        // Then the polygon is the quarter inside the chip, and the box spans it
        #expect(polygon?.label == "lake")
        let ring = polygon?.geometry.vertices ?? []
        #expect(Set(ring) == [PixelPoint(x: 0, y: 0), PixelPoint(x: 10, y: 0), PixelPoint(x: 0, y: 10)])
        #expect(abs(ShapePlacer.signedArea(ring)) == 50)
        #expect(box?.geometry == .box(PixelPoint(x: 0, y: 0), PixelPoint(x: 10, y: 10)))
    }

    @Test("A vertex a nanometre off the chip's edge is put on the edge, not clipped into two")
    func snapping() throws {
        // Given a square along the chip's left edge whose corners came back from WGS 84 a little outside
        let chip = try GeoFixtures.chip("c", window: PixelWindow(x: 0, y: 0, width: 50, height: 50), sceneTransform: GeoTransform([0, 1, 0, 0, 0, 1]))
        let square = SourceShape(number: 1, label: "shed", coordinates: .scenePixels(scene: GeoFixtures.scene, [[
            PixelPoint(x: -1e-9, y: 10), PixelPoint(x: 10, y: 10), PixelPoint(x: 10, y: 20), PixelPoint(x: -2e-7, y: 20),
        ]]))
        // When it is placed
        let shape = try ShapePlacer.place([square], crs: "", converter: nil, on: [chip], form: .polygon, fileName: "p").shapesByTask["c"]?.first?.shape
        // Then it keeps its four vertices, the outside ones on the edge
        #expect(shape?.geometry == .polygon([PixelPoint(x: 0, y: 10), PixelPoint(x: 10, y: 10), PixelPoint(x: 10, y: 20), PixelPoint(x: 0, y: 20)]))
    }

    @Test("Shapes in another system than the chip's, with no converter for it, are refused with a sentence")
    func noConverter() throws {
        // Given a shape in WGS 84 and a chip in UTM 16N
        let shape = SourceShape(number: 1, label: "x", coordinates: .map([[MapPoint(x: -84.48, y: 33.63), MapPoint(x: -84.47, y: 33.63), MapPoint(x: -84.47, y: 33.64)]]))
        let chip = try GeoFixtures.chip("c", window: PixelWindow(x: 0, y: 0, width: 10, height: 10), sceneTransform: GeoTransform([0, 1, 0, 0, 0, -1]))
        // When it is placed without a converter, Then the sentence names both systems
        #expect(throws: InterchangeError(fileName: "w.geojson", location: .file, problem: "the shapes are in EPSG:4326 and chip \"c\" is in EPSG:32616, and no converter was given for EPSG:4326")) {
            try ShapePlacer.place([shape], crs: CRSName.wgs84, converter: nil, on: [chip], form: .polygon, fileName: "w.geojson")
        }
    }
}
