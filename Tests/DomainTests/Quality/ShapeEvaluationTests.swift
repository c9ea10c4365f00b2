import Domain
import Testing

/// TIDE's error classes, one shape at a time, and the exact polygon overlap.
@Suite struct ShapeEvaluationTests {
    func box(_ label: String, _ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) -> Shape {
        Shape(label: label, geometry: .box(PixelPoint(x: x0, y: y0), PixelPoint(x: x1, y: y1)))
    }

    func classes(_ answer: [Shape], _ key: [Shape]) -> [GoldErrorClass] {
        ShapeEvaluation.evaluate(answer, against: key).errors.map(\.errorClass)
    }

    let car = Shape(label: "car", geometry: .box(PixelPoint(x: 0, y: 0), PixelPoint(x: 10, y: 10)))

    @Test func eachTIDEClass() {
        // Right place, wrong class: classification (and the key shape is not also missed)
        #expect(classes([box("truck", 0, 0, 10, 10)], [car]) == [.classification])
        // Right class, too little overlap (IoU 0.25): localisation
        #expect(classes([box("car", 5, 0, 15, 8)], [car]) == [.localisation])
        // Wrong class and too little overlap: both
        #expect(classes([box("truck", 5, 0, 15, 8)], [car]) == [.classificationAndLocalisation, .missed])
        // A second shape on an object already matched: duplicate
        #expect(classes([box("car", 0, 0, 10, 10), box("car", 0, 0, 10, 9)], [car]) == [.duplicate])
        // Nowhere near anything: background, and the key shape missed
        #expect(classes([box("car", 50, 50, 60, 60)], [car]) == [.background, .missed])
        // Nothing in the key at all: background
        #expect(classes([box("car", 0, 0, 10, 10)], []) == [.background])
        // Nothing drawn: missed
        #expect(classes([], [car]) == [.missed])
    }

    @Test func theMatchingIsOptimalNotGreedy() {
        // Given answer 0 best on key 0 (IoU 0.9) but good on key 1 (0.8), and answer 1 good
        // only on key 0 (0.7; 0.45 on key 1)
        let key = [box("car", 0, 0, 10, 10), box("car", 2, 0, 11, 10)]
        let answer = [box("car", 1, 0, 10, 10), box("car", 0, 0, 7, 10)]
        // When matched
        let evaluation = ShapeEvaluation.evaluate(answer, against: key)
        // Then both pair up, crossed over, where taking the best pair first would match one
        #expect(evaluation.matches.map { [$0.answerIndex, $0.keyIndex] } == [[0, 1], [1, 0]])
        #expect(evaluation.f1 == 1)
        #expect(abs((evaluation.meanIoU ?? 0) - 0.75) < 1e-15)
        // And the threshold is a parameter
        #expect(ShapeEvaluation.evaluate([box("car", 5, 0, 15, 8)], against: [car], matchThreshold: 0.2).counts.matched == 1)
    }

    @Test func concaveOverlapIsExact() {
        // Given an L (area 300) and a square over the notch of the L
        let l = ShapeGeometry.polygon([PixelPoint(x: 0, y: 0), PixelPoint(x: 20, y: 0), PixelPoint(x: 20, y: 10), PixelPoint(x: 10, y: 10),
                                       PixelPoint(x: 10, y: 20), PixelPoint(x: 0, y: 20)])
        let square = ShapeGeometry.box(PixelPoint(x: 5, y: 5), PixelPoint(x: 15, y: 15))
        // Then the overlap is the square less the notch's quarter: 75, which convex clipping gets wrong (100)
        #expect(PolygonOverlap.intersectionArea(l, square) == 75)
        #expect(PolygonOverlap.area(l) == 300)
        // Shared edges, drawn either way round, and touching without overlap
        let left = ShapeGeometry.box(PixelPoint(x: 0, y: 0), PixelPoint(x: 10, y: 10))
        let clockwise = ShapeGeometry.polygon([PixelPoint(x: 0, y: 0), PixelPoint(x: 0, y: 10), PixelPoint(x: 10, y: 10), PixelPoint(x: 10, y: 0)])
        #expect(PolygonOverlap.intersectionOverUnion(left, clockwise) == 1)
        #expect(PolygonOverlap.intersectionArea(ShapeGeometry.polygon(left.vertices), .box(PixelPoint(x: 10, y: 0), PixelPoint(x: 20, y: 10))) == 0)
    }

    @Test func assignmentOfARectangularMatrix() {
        // Three rows, two columns: the best two pairs, and forbidden (zero) pairs never used
        let pairs = OptimalAssignment.maximumWeightPairs([0.9, 0.8, 0.85, 0, 0, 0.6], rows: 3, columns: 2)
        // 0.8 + 0.85 beats 0.9 + 0.6
        #expect(pairs.map { [$0.row, $0.column] } == [[0, 1], [1, 0]])
        #expect(OptimalAssignment.maximumWeightPairs([0, 0], rows: 1, columns: 2).isEmpty)
        #expect(OptimalAssignment.maximumWeightPairs([], rows: 0, columns: 3).isEmpty)
    }
}
