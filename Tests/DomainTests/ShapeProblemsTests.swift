import Domain
import XCTest

/// The geometry checks the hub, import and the screen share: each case is a shape a
/// person could really draw by slip, and the sentence they get.
final class ShapeProblemsTests: XCTestCase {
    private func point(_ x: Double, _ y: Double) -> PixelPoint { PixelPoint(x: x, y: y) }
    private func polygon(_ pairs: [(Double, Double)]) -> ShapeGeometry { .polygon(pairs.map { point($0.0, $0.1) }) }
    private let chip = ChipSize(width: 100, height: 80)

    func testAProperBoxAndPolygonPass() {
        XCTAssertNil(ShapeGeometry.box(point(10, 10), point(20, 30)).problem(within: chip))
        XCTAssertNil(ShapeGeometry.box(point(20, 30), point(10, 10)).problem(within: chip), "corners in either order")
        XCTAssertNil(polygon([(0, 0), (100, 0), (100, 80), (0, 80)]).problem(within: chip), "the chip's own edges are inside")
        XCTAssertNil(polygon([(10, 10), (50, 10), (30, 40)]).problem(within: chip))
        // A concave polygon whose edges come close but never meet
        XCTAssertNil(polygon([(0, 0), (40, 0), (40, 40), (21, 20), (0, 40)]).problem(within: chip))
        // A straight-through vertex (collinear neighbours going on) is allowed
        XCTAssertNil(polygon([(0, 0), (10, 0), (20, 0), (20, 20), (0, 20)]).problem(within: chip))
    }

    func testADegenerateBoxIsRefusedSayingWhichSideIsMissing() throws {
        let flat = try XCTUnwrap(ShapeGeometry.box(point(10, 5), point(40, 5)).problem(within: chip))
        XCTAssertTrue(flat.contains("degenerate") && flat.contains("no height"), flat)
        let thin = try XCTUnwrap(ShapeGeometry.box(point(7, 5), point(7, 50)).problem(within: chip))
        XCTAssertTrue(thin.contains("degenerate") && thin.contains("no width"), thin)
        let dot = try XCTUnwrap(ShapeGeometry.box(point(7, 5), point(7, 5)).problem(within: chip))
        XCTAssertTrue(dot.contains("both corners are at (7, 5)"), dot)
    }

    func testAPolygonNeedsThreeVertices() {
        XCTAssertEqual(polygon([(1, 1), (5, 5)]).problem(within: chip), "the polygon has 2 vertices; a polygon needs at least 3")
        XCTAssertEqual(polygon([(1, 1)]).problem(within: chip), "the polygon has 1 vertex; a polygon needs at least 3")
    }

    func testABowTieCrossesItself() throws {
        // Given the commonest self-intersection: two vertices swapped
        let problem = try XCTUnwrap(polygon([(0, 0), (10, 10), (10, 0), (0, 10)]).problem(within: chip))
        // Then the sentence names the two edges that cross
        XCTAssertTrue(problem.hasPrefix("the polygon crosses itself: edge 1 (0, 0)-(10, 10) meets edge 3 (10, 0)-(0, 10)"), problem)
    }

    func testEdgesThatOnlyTouchAreRefusedToo() throws {
        // A vertex lying on a non-adjacent edge (the ring pinches to a point)
        let pinched = try XCTUnwrap(polygon([(0, 0), (20, 0), (10, 10), (20, 20), (0, 20), (10, 0)]).problem(within: chip))
        XCTAssertTrue(pinched.contains("meets edge"), pinched)
        // An edge running along part of another, non-adjacent one
        let overlapping = try XCTUnwrap(polygon([(0, 0), (30, 0), (30, 10), (20, 10), (20, 0), (10, 0), (10, 10), (0, 10)]).problem(within: nil))
        XCTAssertTrue(overlapping.contains("the polygon"), overlapping)
    }

    func testARepeatedVertexIsNamed() {
        XCTAssertEqual(
            polygon([(0, 0), (10, 0), (10, 0), (0, 10)]).problem(within: chip),
            "the polygon uses vertex (10, 0) twice (vertices 2 and 3); remove one")
        XCTAssertEqual(
            polygon([(0, 0), (10, 0), (0, 10), (0, 0)]).problem(within: chip),
            "the polygon repeats its first vertex (0, 0) at the end; list each vertex once, the ring closes by itself")
        // The same vertex twice far apart in the ring is a self-touch as well
        XCTAssertEqual(
            polygon([(0, 0), (10, 0), (5, 5), (10, 10), (0, 10), (5, 5)]).problem(within: chip),
            "the polygon uses vertex (5, 5) twice (vertices 3 and 6); remove one")
    }

    func testAnEdgeThatFoldsBackOnItsNeighbourIsRefused() throws {
        // Given a spike: the outline goes out to (30, 0) and straight back along itself
        let spike = try XCTUnwrap(polygon([(0, 0), (30, 0), (20, 0), (20, 20)]).problem(within: chip))
        XCTAssertTrue(spike.contains("edges 1 and 2 run back along each other at (30, 0)"), spike)
        // And three vertices on one line fold at the closing edge
        let flat = try XCTUnwrap(polygon([(0, 0), (10, 0), (20, 0)]).problem(within: chip))
        XCTAssertTrue(flat.contains("run back along each other"), flat)
    }

    func testAShapeOutsideTheChipIsRefused() throws {
        let problem = try XCTUnwrap(ShapeGeometry.box(point(90, 10), point(101, 20)).problem(within: chip))
        XCTAssertEqual(problem, "vertex (101, 10) is outside the chip (0-100 by 0-80 pixels); keep every vertex on the image")
        XCTAssertNotNil(polygon([(-0.5, 1), (5, 1), (5, 5)]).problem(within: chip))
        XCTAssertNil(polygon([(-0.5, 1), (5, 1), (5, 5)]).problem(within: nil), "no chip known: only the outline is checked")
    }

    func testANonNumberVertexIsRefused() {
        XCTAssertEqual(ShapeGeometry.box(point(.nan, 1), point(3, 4)).problem(within: nil), "vertex (nan, 1.0) is not a number")
    }

    func testSegmentTestCoversTheCollinearCases() {
        // Crossing, T-touching, collinear overlapping, collinear apart, parallel
        XCTAssertTrue(PolygonRing.segmentsMeet(point(0, 0), point(4, 4), point(0, 4), point(4, 0)))
        XCTAssertTrue(PolygonRing.segmentsMeet(point(0, 0), point(4, 0), point(2, 0), point(2, 5)))
        XCTAssertTrue(PolygonRing.segmentsMeet(point(0, 0), point(4, 0), point(3, 0), point(8, 0)))
        XCTAssertFalse(PolygonRing.segmentsMeet(point(0, 0), point(4, 0), point(5, 0), point(8, 0)))
        XCTAssertFalse(PolygonRing.segmentsMeet(point(0, 0), point(4, 0), point(0, 1), point(4, 1)))
        XCTAssertFalse(PolygonRing.segmentsMeet(point(0, 0), point(4, 4), point(3, 0), point(9, 1)))
    }

    func testSignedAreaIsTheShoelaceArea() {
        XCTAssertEqual(PolygonRing.signedArea([point(0, 0), point(4, 0), point(4, 3)]), 6)
        XCTAssertEqual(PolygonRing.signedArea([point(0, 0), point(4, 3), point(4, 0)]), -6)
    }
}
