import Domain
import Foundation
import XCTest

/// Shapes as answers: their JSON form, the project's check of them, predictions of them.
final class ShapeAnswerTests: XCTestCase {
    private let buildings = Project(
        id: "roofs", title: "Roofs", kind: .geoPolygon,
        labels: [LabelChoice(name: "building", color: "orange"), LabelChoice(name: "shed", mnemonic: "e")])
    private let vehicles = Project(id: "cars", title: "Cars", kind: .geoBox, labels: [LabelChoice(name: "car"), LabelChoice(name: "truck")])
    private let chip = ChipSize(width: 512, height: 512)

    private func box(_ label: String, _ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double, accepted: Int? = nil) -> Shape {
        Shape(label: label, geometry: .box(PixelPoint(x: x0, y: y0), PixelPoint(x: x1, y: y1)), acceptedPrediction: accepted)
    }

    private func polygon(_ label: String, _ pairs: [(Double, Double)]) -> Shape {
        Shape(label: label, geometry: .polygon(pairs.map { PixelPoint(x: $0.0, y: $0.1) }))
    }

    func testKindsHaveTheirRawValuesAndKeepTheirKeys() throws {
        XCTAssertEqual(TaskKind(rawValue: "geo-box"), .geoBox)
        XCTAssertEqual(TaskKind(rawValue: "geo-polygon"), .geoPolygon)
        XCTAssertTrue(TaskKind.geoBox.isGeospatial && TaskKind.geoPolygon.isGeospatial && !TaskKind.spans.isGeospatial)
        // Classes get keys as labels do, never one the geo screen uses
        let keys = try buildings.labelKeys()
        XCTAssertEqual(keys.letters, ["d", "e"], "b, u, i and l are the screen's keys, so building takes d, the next free letter of its name")
        XCTAssertThrowsError(try Project(id: "p", title: "P", kind: .geoBox, labels: [LabelChoice(name: "car", mnemonic: "m")]).labelKeys())
        XCTAssertEqual(buildings.problems(), [])
        XCTAssertEqual(Project(id: "p", title: "P", kind: .geoBox).problems(), ["a boxes on imagery project needs at least one class"])
    }

    func testShapesWriteTheirDocumentedJSONAndReadBack() throws {
        // Given a box (accepted from the prediction) and a polygon with fractional vertices
        let answer = Answer.shapes([
            box("car", 10, 20, 30.5, 40, accepted: 0),
            polygon("truck", [(1, 2), (3.25, 4), (5, 0.5)]),
        ])
        // Then its canonical text is the documented form, keys sorted
        XCTAssertEqual(
            answer.canonicalText,
            #"{"shapes":[{"box":[10,20,30.5,40],"label":"car","prediction":0},{"label":"truck","polygon":[[1,2],[3.25,4],[5,0.5]]}]}"#)
        // And it reads back equal, through the text and through Codable
        XCTAssertEqual(try Answer(canonicalText: answer.canonicalText), answer)
        XCTAssertEqual(try JSONDecoder().decode(Answer.self, from: JSONEncoder().encode(answer)), answer)
        XCTAssertEqual(Answer.empty(.geoBox), .shapes([]))
        XCTAssertEqual(Answer.empty(.geoPolygon).canonicalText, #"{"shapes":[]}"#)
    }

    func testABadShapeSaysWhatIsWrong() {
        func problem(_ text: String) -> String {
            do { _ = try Answer(canonicalText: text) } catch { return error.description }
            return "read"
        }
        XCTAssertEqual(problem(#"{"shapes":[{"label":"car","box":[1,2,3]}]}"#), #"shape 1: "box" must be [x0, y0, x1, y1], four numbers in chip pixels"#)
        XCTAssertEqual(problem(#"{"shapes":[{"box":[1,2,3,4]}]}"#), #"shape 1 needs a "label" string: its class"#)
        XCTAssertEqual(problem(#"{"shapes":[{"label":"a","polygon":[[1,2],[3]]}]}"#), "shape 1: vertex 2 must be [x, y], two numbers in chip pixels")
        XCTAssertEqual(problem(#"{"shapes":[{"label":"a"}]}"#), #"shape 1 needs a "box" [x0, y0, x1, y1] or a "polygon" [[x, y], ...]"#)
        XCTAssertEqual(problem(#"{"shapes":[{"label":"a","box":[1,2,3,4],"colour":"red"}]}"#),
                       #"shape 1 has unknown member "colour"; a shape holds "label", "box" or "polygon", and "prediction""#)
    }

    func testTheProjectRefusesBadShapesWithTheGeometrySentence() {
        // A box project takes proper boxes of its classes, inside the chip
        XCTAssertNil(vehicles.answerProblem(.shapes([box("car", 1, 1, 9, 9)]), isSkip: false, textLength: 0, chip: chip))
        XCTAssertNil(vehicles.answerProblem(.shapes([]), isSkip: false, textLength: 0, chip: chip), "nothing to draw is an answer")
        XCTAssertEqual(
            vehicles.answerProblem(.shapes([box("car", 1, 1, 9, 9), box("bus", 1, 1, 9, 9)]), isSkip: false, textLength: nil, chip: chip),
            #"shape 2 (bus): class "bus" is not one of project "cars"'s classes (car, truck)"#)
        XCTAssertEqual(
            vehicles.answerProblem(.shapes([box("car", 1, 1, 1, 9)]), isSkip: false, textLength: nil, chip: chip),
            "shape 1 (car): the box is degenerate: it has no width (both corners at column 1); place the corners at different columns")
        XCTAssertEqual(
            vehicles.answerProblem(.shapes([box("car", 500, 1, 520, 9)]), isSkip: false, textLength: nil, chip: chip),
            "shape 1 (car): vertex (520, 1) is outside the chip (0-512 by 0-512 pixels); keep every vertex on the image")
        XCTAssertEqual(
            vehicles.answerProblem(.shapes([polygon("car", [(0, 0), (5, 0), (0, 5)])]), isSkip: false, textLength: nil, chip: chip),
            #"project "cars" takes boxes only; the annotation has a polygon: draw it as a box, or use a geo-polygon project"#)
        // A polygon project takes polygons (and boxes), and refuses a self-crossing ring
        XCTAssertNil(buildings.answerProblem(.shapes([box("shed", 1, 1, 9, 9), polygon("building", [(0, 0), (5, 0), (0, 5)])]), isSkip: false, textLength: nil, chip: chip))
        let crossing = buildings.answerProblem(.shapes([polygon("building", [(0, 0), (10, 10), (10, 0), (0, 10)])]), isSkip: false, textLength: nil, chip: chip)
        XCTAssertEqual(crossing?.hasPrefix("shape 1 (building): the polygon crosses itself"), true, crossing ?? "nil")
        // A skip carries no shapes; another kind's answer is refused
        XCTAssertNil(buildings.answerProblem(.shapes([]), isSkip: true, textLength: nil))
        XCTAssertEqual(buildings.answerProblem(.shapes([box("shed", 1, 1, 9, 9)]), isSkip: true, textLength: nil), "a skipped task cannot also have an answer")
        XCTAssertEqual(buildings.answerProblem(.labels(["building"]), isSkip: false, textLength: nil),
                       #"project "roofs" takes polygons on imagery; the annotation is classification"#)
    }

    func testAcceptedShapesAgreeWithThePredictionWhoeverDrewThem() {
        // Given a prediction of two boxes
        let predicted = Answer.shapes([box("car", 1, 1, 9, 9), box("truck", 20, 20, 40, 30)])
        // Then the same two, in another order, one drawn from the opposite corner, agree
        XCTAssertTrue(Answer.shapes([box("truck", 40, 30, 20, 20, accepted: 1), box("car", 1, 1, 9, 9, accepted: 0)]).agrees(with: predicted))
        // And one moved, reclassed, dropped or added does not
        XCTAssertFalse(Answer.shapes([box("car", 1, 1, 9, 10), box("truck", 20, 20, 40, 30)]).agrees(with: predicted))
        XCTAssertFalse(Answer.shapes([box("truck", 1, 1, 9, 9), box("truck", 20, 20, 40, 30)]).agrees(with: predicted))
        XCTAssertFalse(Answer.shapes([box("car", 1, 1, 9, 9)]).agrees(with: predicted))
        XCTAssertFalse(Answer.shapes([box("car", 1, 1, 9, 9), box("car", 1, 1, 9, 9), box("truck", 20, 20, 40, 30)]).agrees(with: predicted))
    }

    func testAPredictionOfShapesTravelsInTheTaskBody() throws {
        // Given a task with a model's boxes
        let prediction = Prediction(model: "detector v2", score: 0.75, answer: .shapes([box("car", 1, 1, 9, 9)]))
        let task = LabelTask(id: "t", projectID: "cars", text: "", marking: .unclassified, predictions: [prediction])
        // When its body is stored and read back
        var read = LabelTask(id: "t", projectID: "cars", text: "", marking: .unclassified)
        try read.restoreBody(task.storedBody)
        // Then the prediction is whole, fits the box project, and reports per class
        XCTAssertEqual(read.predictions, [prediction])
        XCTAssertTrue(prediction.answer.fits(.geoBox) && prediction.answer.fits(.geoPolygon) && !prediction.answer.fits(.spans))
        let report = PredictionReport(entries: [.init(prediction: prediction, annotator: "ana", accepted: true)])
        XCTAssertEqual(report.byLabel.map(\.key), ["car"])
    }

    func testSummaryCountsShapesAndClasses() {
        XCTAssertEqual(Answer.shapes([box("car", 1, 1, 9, 9), box("truck", 1, 1, 9, 9), polygon("car", [(0, 0), (5, 0), (0, 5)])]).summary,
                       "2 boxes and 1 polygon (car, truck)")
        XCTAssertEqual(Answer.shapes([]).summary, "no shapes")
    }

    func testAShapesAnnotationKeepsItsAnswerInTheCanonicalContent() {
        let annotation = Annotation(
            id: UUID(), taskID: "t", projectID: "cars", answer: .shapes([box("car", 1, 1, 9, 9, accepted: 0)]), username: "ana",
            stationID: "s1", leaseEpoch: 1, createdAt: Date(timeIntervalSince1970: 1_795_000_000), secondsOnTask: 3, predictionAccepted: true)
        XCTAssertTrue(annotation.canonicalContent.hasPrefix(#"{"answer":{"shapes":[{"box":[1,1,9,9],"label":"car","prediction":0}]},"#))
        XCTAssertEqual(annotation.labels, [])
    }
}
