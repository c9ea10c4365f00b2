import Curriculum
import Domain
import Foundation
import Screens
import TerminalCore
import XCTest

/// A box practice task on the practice screen: drawn with the geo kind's keys, on the
/// synthetic chip of `GeoFixture`, marked by the gold scorer, then the explanation and
/// the key drawn as the prediction, in its class's colour. Snapshots are styled text:
/// the classes' colours and the picture are what the screen says. Re-record with
/// LABELDESK_RECORD_SNAPSHOTS=1.
final class PracticeGeoScreenTests: XCTestCase {
    typealias F = GeoFixture
    static let project = Project(
        id: "buildings-practice", title: "Practice: box every building", kind: .geoBox,
        labels: [LabelChoice(name: "building", color: "yellow"), LabelChoice(name: "vehicle", color: "cyan")],
        instructions: "Draw a box around every building in the bright part of the chip.")
    /// The two dark roofs of the synthetic chip, as the key boxes them.
    static let item = PracticeItem(
        task: LabelTask(id: "practice-roofs", projectID: project.id, text: "", marking: .unclassified, image: F.image),
        key: .shapes([F.box("building", 40, 30, 80, 70), F.box("building", 160, 120, 200, 150)]),
        explanation: "Two roofs: the brown one on the left and the blue-grey one on the right. Box both.")

    private func state(_ size: Size) -> PracticeScreen.State {
        var state = PracticeScreen.State(
            courseTitle: "Boxes and polygons on imagery", project: Self.project, items: [Self.item], mode: .attempt,
            feedback: .afterEachQuestion, size: size)
        state.colorDepth = .trueColor
        settle(PracticeScreen.start(&state), &state)
        return state
    }

    /// Answers the screen's imagery effects as the effect runner would; returns the others.
    @discardableResult
    private func settle(_ effects: [PracticeScreen.Effect], _ state: inout PracticeScreen.State) -> [PracticeScreen.Effect] {
        var queue = effects, others: [PracticeScreen.Effect] = []
        while !queue.isEmpty {
            switch queue.removeFirst() {
            case .loadViewport(let request): queue += PracticeScreen.deliver(.viewportLoaded(request, F.pixels(for: request)), &state)
            case .locateCursor(let request): queue += PracticeScreen.deliver(.cursorLocated(F.readout(for: request)), &state)
            case .notifyWhenRested, .refineView: break
            case let other: others.append(other)
            }
        }
        return others
    }

    @discardableResult
    private func press(_ keys: [Key], _ state: inout PracticeScreen.State) -> [PracticeScreen.Effect] {
        keys.flatMap { settle(PracticeScreen.update(&state, $0), &state) }
    }

    private func geo(_ state: PracticeScreen.State) -> GeoKind.Work {
        guard case .geo(let work)? = state.work else { fatalError("the practice screen is not on a geo task") }
        return work
    }

    /// Moves the crosshair as near a chip pixel as the zoom's steps go.
    private func moveCursor(nearColumn column: Int, row: Int, _ state: inout PracticeScreen.State) {
        let step = geo(state).viewport.cursorStep(chip: F.chipSize, cells: GeoKind.imageCells(state.bodySize))
        while abs(geo(state).cursorColumn - column) * 2 > step { press([geo(state).cursorColumn < column ? .right : .left], &state) }
        while abs(geo(state).cursorRow - row) * 2 > step { press([geo(state).cursorRow < row ? .down : .up], &state) }
    }

    /// One roof of two boxed, handed in: zoomed in twice, so the crosshair moves a quarter
    /// as far a key as at the fit, and the box lands on the roof.
    private func answeredOneRoof(_ size: Size) -> (PracticeScreen.State, [PracticeScreen.Effect]) {
        var state = state(size)
        press([.character("+"), .character("+")], &state)
        moveCursor(nearColumn: 40, row: 30, &state)
        press([.character("b")], &state)
        moveCursor(nearColumn: 80, row: 70, &state)
        press([.character("b")], &state)
        XCTAssertEqual(geo(state).shapes.count, 1)
        let effects = press([.enter], &state)
        return (state, effects)
    }

    func testABoxTaskIsMarkedByTheGoldScorerThenShowsTheKeyAndItsExplanation() throws {
        for size in Fixture.sizes {
            // Given a box practice task, its chip's pixels on hand
            // When one roof of the two is boxed and handed in
            var (state, effects) = answeredOneRoof(size)
            // Then the answer is marked as gold marks it: one of two found, F1 2/3
            guard case let .answered(item, answer, mark)? = effects.first, case .shapes(let shapes) = answer else {
                return XCTFail("not answered: \(effects)")
            }
            XCTAssertEqual(item, "p:practice-roofs")
            XCTAssertEqual(shapes.map(\.label), ["building"], "\(shapes)")
            XCTAssertEqual(mark ?? 0, 2.0 / 3.0, accuracy: 1e-9, "\(size): \(shapes)")
            XCTAssertEqual(CourseGrading.mark(.practice(Self.item), .practice(answer), project: Self.project), .marked(mark ?? -1))
            // And the key is drawn as the prediction, with the explanation and the mark below
            XCTAssertEqual(state.phase, .explained(mark: mark, showingKey: true))
            guard case .geo(let key)? = state.keyWork else { return XCTFail("the key is not drawn by the geo kind") }
            XCTAssertEqual(key.shapes.map(\.geometry), [F.box("building", 40, 30, 80, 70).geometry, F.box("building", 160, 120, 200, 150).geometry])
            var buffer = Fixture.render(size) { PracticeScreen.render(state, into: &$0) }
            XCTAssertTrue(buffer.text.contains("Partly right: 67% of the marks."), buffer.text)
            XCTAssertTrue(buffer.text.contains("Shown above: what the key holds"), buffer.text)
            var mismatch = TextSnapshot.mismatch(TextSnapshot.styledText(of: buffer), named: "practice-geo-key-\(size)", testFile: #filePath)
            XCTAssertNil(mismatch, mismatch ?? "")

            // When Tab shows the person's own box again
            settle(PracticeScreen.update(&state, .tab), &state)
            XCTAssertEqual(state.phase, .explained(mark: mark, showingKey: false))
            buffer = Fixture.render(size) { PracticeScreen.render(state, into: &$0) }
            XCTAssertTrue(buffer.text.contains("Shown above: your answer"), buffer.text)
            mismatch = TextSnapshot.mismatch(TextSnapshot.styledText(of: buffer), named: "practice-geo-own-\(size)", testFile: #filePath)
            XCTAssertNil(mismatch, mismatch ?? "")
            // And Enter ends the practice
            XCTAssertEqual(PracticeScreen.update(&state, .enter), [.finished])
        }
    }

    func testWhileAnsweringTheChipAndTheBoxBeingDrawnAreShown() {
        for size in Fixture.sizes {
            var state = state(size)
            press([.character("+")], &state)
            moveCursor(nearColumn: 160, row: 120, &state)
            press([.character("b")], &state)
            moveCursor(nearColumn: 200, row: 150, &state)
            let buffer = Fixture.render(size) { PracticeScreen.render(state, into: &$0) }
            XCTAssertTrue(buffer.text.contains("Practice 1 of 1"), buffer.text)
            let mismatch = TextSnapshot.mismatch(TextSnapshot.styledText(of: buffer), named: "practice-geo-drawing-\(size)", testFile: #filePath)
            XCTAssertNil(mismatch, mismatch ?? "")
            // Esc drops the box being drawn, as on the task screen; the next Esc stops
            XCTAssertEqual(press([.escape], &state), [])
            XCTAssertNil(geo(state).drawing)
            XCTAssertEqual(PracticeScreen.update(&state, .escape), [.leave])
        }
    }
}
