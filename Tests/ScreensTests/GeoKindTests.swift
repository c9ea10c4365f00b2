import Domain
import Foundation
@testable import Screens
import TerminalCore
import Widgets
import XCTest

/// Every key of the geo screen, fed through `TaskScreen.update`, checked on the work and
/// on the effects it asks for.
final class GeoKindTests: XCTestCase {
    typealias F = GeoFixture

    private func opened(_ project: Project = F.roofs, prediction: [Shape]? = nil) -> TaskScreen.State {
        var state = F.state(project: project, prediction: prediction)
        F.settle(TaskScreen.start(&state), &state)
        return state
    }

    // MARK: pixels as data

    func testOpeningAskForTheFittedViewTheReadoutAndARestNotice() throws {
        // Given a geo task just shown at 80x24 (an image area of 80x16 cells)
        var state = F.state()
        // When the app starts it
        let effects = TaskScreen.start(&state)
        // Then it asks for the whole chip at 160x64 canvas pixels, the centre pixel and a rest notice
        XCTAssertEqual(effects.count, 3)
        guard case .loadViewport(let request) = effects[0] else { return XCTFail("\(effects)") }
        XCTAssertEqual(request.media, F.media)
        XCTAssertEqual(request.outputWidth, 160)
        XCTAssertEqual(request.outputHeight, 64)
        XCTAssertEqual(request.window.height, 192, accuracy: 1e-9, "the chip's height fits exactly")
        XCTAssertEqual(request.window.x + request.window.width / 2, 128, accuracy: 1e-9)
        XCTAssertEqual(effects[1], .locateCursor(CursorRequest(media: F.media, column: 128, row: 96)))
        XCTAssertEqual(effects[2], .notifyWhenRested(serial: 0))
        // And asking again asks for nothing: each request goes once
        XCTAssertEqual(TaskScreen.start(&state), [])
    }

    func testStaleAnswersAreIgnoredAndTheLatestKept() throws {
        // Given a screen that asked for a viewport, then moved on (zoomed) before the pixels came
        var state = F.state()
        guard case .loadViewport(let first)? = TaskScreen.start(&state).first else { return XCTFail() }
        let zoom = TaskScreen.update(&state, .key(.character("+")))
        guard case .loadViewport(let second)? = zoom.first else { return XCTFail("\(zoom)") }
        XCTAssertNotEqual(first, second)
        // When the first answer arrives late
        _ = TaskScreen.update(&state, .viewportLoaded(first, F.pixels(for: first)))
        // Then it is ignored; the second is kept
        XCTAssertNil(F.work(state).image)
        _ = TaskScreen.update(&state, .viewportLoaded(second, F.pixels(for: second)))
        XCTAssertEqual(F.work(state).imageRequest, second)
        // And a readout for another pixel than the crosshair's is ignored too
        _ = TaskScreen.update(&state, .cursorLocated(ImageReadout(column: 1, row: 1, values: [7])))
        XCTAssertNil(F.work(state).readout)
        _ = TaskScreen.update(&state, .cursorLocated(F.readout(for: CursorRequest(media: F.media, column: 128, row: 96))))
        XCTAssertEqual(F.work(state).readout?.values, [150, 150, 150], "the road's grey")
    }

    func testTheViewIsRefinedOffTheLoopOnlyOnceItRestsAndAKeyDrawsFastAtOnce() throws {
        // Given an opened task, drawn fast, with its pixels on hand
        var state = opened()
        let serial = F.work(state).serial
        XCTAssertNil(F.work(state).refined)
        // When the rest notice for the latest key comes, then the screen asks for the
        // view refined, once, with the pixels and shapes it shows
        let rested = TaskScreen.update(&state, .viewRested(serial: serial))
        guard case .refineView(let request)? = rested.first, rested.count == 1 else { return XCTFail("\(rested)") }
        XCTAssertEqual(request.view.serial, serial)
        XCTAssertEqual(request.view.viewport, F.work(state).imageRequest)
        XCTAssertEqual(request.image, F.work(state).image)
        XCTAssertEqual(TaskScreen.update(&state, .viewRested(serial: serial)), [], "asked once")
        // When the cells come back, then they are what the screen draws, in place of half blocks
        var fast = Buffer(size: Size(width: 80, height: 24))
        TaskScreen.render(state, into: &fast)
        let refined = request.render()
        _ = TaskScreen.update(&state, .viewRefined(refined))
        XCTAssertEqual(F.work(state).refined, refined)
        var buffer = Buffer(size: Size(width: 80, height: 24))
        TaskScreen.render(state, into: &buffer)
        XCTAssertEqual(refined.key.cells, Size(width: 80, height: 16))
        for row in 0..<16 {
            XCTAssertEqual((0..<80).map { buffer[$0, 2 + row] }, (0..<80).map { refined.cells[$0, row] }, "row \(row)")
        }
        XCTAssertNotEqual(fast, buffer, "chafa's symbols are not the half blocks")
        // When a key comes before another answer, then the refined cells are dropped, a
        // new notice is asked for, and a late answer for the old serial is ignored
        let effects = TaskScreen.update(&state, .key(.right))
        XCTAssertNil(F.work(state).refined)
        XCTAssertTrue(effects.contains(.notifyWhenRested(serial: serial + 1)), "\(effects)")
        _ = TaskScreen.update(&state, .viewRested(serial: serial))
        _ = TaskScreen.update(&state, .viewRefined(refined))
        XCTAssertNil(F.work(state).refined)
    }

    func testARestBeforeThePixelsComeRefinesWhenTheyArrive() throws {
        // Given a task whose pixels have not come yet
        var state = F.state()
        let opening = TaskScreen.start(&state)
        guard case .loadViewport(let viewport)? = opening.first else { return XCTFail("\(opening)") }
        // When it rests first, then nothing can be refined yet
        XCTAssertEqual(TaskScreen.update(&state, .viewRested(serial: F.work(state).serial)), [])
        // When the pixels come, then the rested view is sent to be refined
        let loaded = TaskScreen.update(&state, .viewportLoaded(viewport, F.pixels(for: viewport)))
        guard case .refineView(let request)? = loaded.first else { return XCTFail("\(loaded)") }
        XCTAssertEqual(request.view.viewport, viewport)
    }

    func testAResizeAsksForPixelsOfTheNewSize() {
        var state = opened()
        let effects = TaskScreen.update(&state, .bodyResized(TaskScreen.bodySize(for: Size(width: 160, height: 48))))
        guard case .loadViewport(let request)? = effects.first else { return XCTFail("\(effects)") }
        XCTAssertEqual(request.outputWidth, 320)
        XCTAssertEqual(request.outputHeight, 160)
    }

    // MARK: moving and zooming

    func testCursorKeysMoveByAStepThatHalvesWithEachZoomDownToOnePixel() {
        // Given the whole chip in view (the deepest zoom is 5 levels in at 80x24)
        var state = opened()
        let cells = GeoKind.imageCells(state.bodySize)
        XCTAssertEqual(GeoViewport.deepestLevel(chip: F.chipSize, cells: cells), 5)
        // When the arrows and hjkl are pressed, then the crosshair moves 32 pixels a key
        F.press([.right, .character("l"), .down, .character("k"), .character("k"), .left, .character("h"), .character("j")], &state)
        XCTAssertEqual(F.work(state).cursorColumn, 128)
        F.press([.right], &state)
        XCTAssertEqual(F.work(state).cursorColumn, 160)
        // When zoomed to the deepest level, then a key moves one image pixel
        F.type("+++++", &state)
        XCTAssertEqual(F.work(state).viewport.level, 5)
        F.press([.right, .down, .down], &state)
        XCTAssertEqual(F.work(state).cursorColumn, 161)
        XCTAssertEqual(F.work(state).cursorRow, 98)
        // And one more + is refused with a sentence
        F.type("+", &state)
        XCTAssertEqual(state.message, "This is the deepest zoom: one image pixel per 4 cells across; - zooms out.")
    }

    func testTheCrosshairStaysOnTheChipAndTheViewFollowsIt() {
        // Given a zoomed view
        var state = opened()
        F.type("+++", &state)
        let before = F.work(state).viewport.center
        // When the crosshair is pushed left past the chip's edge
        for _ in 0..<40 { F.press([.left], &state) }
        // Then it stops at column 0, and the view moved to keep it in sight
        let work = F.work(state)
        XCTAssertEqual(work.cursorColumn, 0)
        let window = work.viewport.window(chip: work.chip, cells: GeoKind.imageCells(state.bodySize))
        XCTAssertTrue(window.x <= 0.5 && 0.5 <= window.x + window.width, "\(window)")
        XCTAssertLessThan(work.viewport.center.x, before.x)
    }

    func testShiftedHJKLPanAScreenAtATime() {
        // Given a view two levels in
        var state = opened()
        F.type("++", &state)
        let work = F.work(state)
        let window = work.viewport.window(chip: work.chip, cells: GeoKind.imageCells(state.bodySize))
        // When L is pressed, then view and crosshair move 90% of the window's width
        F.type("L", &state)
        let shift = Int((window.width * 0.9).rounded())
        XCTAssertEqual(F.work(state).cursorColumn, 128 + shift)
        XCTAssertEqual(F.work(state).viewport.center.x, work.viewport.center.x + Double(shift), accuracy: 1e-9)
        // And J and PgUp move by rows the same way, and Shift with an arrow as its letter
        F.press([.character("J"), .pageUp], &state)
        XCTAssertEqual(F.work(state).cursorRow, 96)
        F.press([.shiftLeft], &state)
        XCTAssertEqual(F.work(state).cursorColumn, 128)
        F.press([.shiftDown, .shiftUp], &state)
        XCTAssertEqual(F.work(state).cursorRow, 96)
    }

    func testZoomKeepsTheCrosshairWhereItIsOnScreenAndZeroFits() {
        // Given the crosshair off centre at the second level
        var state = opened()
        F.type("++", &state)
        F.press([.right, .right, .down], &state)
        let work = F.work(state)
        let cells = GeoKind.imageCells(state.bodySize)
        func screenX(_ work: GeoKind.Work) -> Double {
            let window = work.viewport.window(chip: work.chip, cells: cells)
            return (work.cursor.x - window.x) / window.width
        }
        // When zoomed in, the crosshair's place on screen is the same
        F.type("+", &state)
        XCTAssertEqual(F.work(state).viewport.level, 3)
        XCTAssertEqual(screenX(F.work(state)), screenX(work), accuracy: 1e-9)
        F.type("-", &state)
        XCTAssertEqual(F.work(state).viewport, work.viewport)
        // When 0 is pressed, the whole chip is in view again, the crosshair where it was
        F.type("0", &state)
        XCTAssertEqual(F.work(state).viewport, GeoViewport.fit(F.chipSize))
        XCTAssertEqual(F.work(state).cursorColumn, work.cursorColumn)
        F.type("-", &state)
        XCTAssertEqual(state.message, "The whole chip is in view already; + zooms in.")
    }

    // MARK: drawing

    func testBDrawsABoxBetweenTwoCornersAndEnterPlacesTheSecondToo() {
        // Given the crosshair at 64,64 (level 0 moves 32 pixels a key)
        var state = opened(F.cars)
        F.moveCursor(toColumn: 64, row: 64, &state)
        // When b, two steps right and down, b
        F.type("b", &state)
        F.press([.right, .down], &state)
        XCTAssertEqual(F.work(state).drawing, .box(corner: PixelPoint(x: 64.5, y: 64.5)))
        F.type("b", &state)
        // Then the box is kept, in the class for the next shape, and selected
        XCTAssertEqual(F.work(state).shapes, [F.box("car", 64.5, 64.5, 96.5, 96.5)])
        XCTAssertEqual(F.work(state).selected, 0)
        XCTAssertNil(F.work(state).drawing)
        // And Enter places the second corner of the next one, from any corner
        F.type("2b", &state)
        F.press([.left, .up, .enter], &state)
        XCTAssertEqual(F.work(state).shapes.last, F.box("truck", 64.5, 64.5, 96.5, 96.5))
    }

    func testADegenerateBoxIsRefusedWithTheDomainSentenceAndKeptDrawing() {
        var state = opened(F.cars)
        F.type("b", &state)
        F.press([.right], &state)
        F.type("b", &state)
        XCTAssertEqual(state.message, "Not kept: the box is degenerate: it has no height (both corners at row 96.5); place the corners at different rows.")
        XCTAssertEqual(F.work(state).shapes, [])
        XCTAssertNotNil(F.work(state).drawing, "the labeler fixes it by moving the crosshair")
        F.press([.escape], &state)
        XCTAssertNil(F.work(state).drawing)
    }

    func testPDrawsAPolygonEnterAddsVerticesAndCCloses() {
        // Given a polygon project
        var state = opened()
        // When p, Enter after each move, c
        F.type("p", &state)
        F.press([.right, .enter, .down, .enter], &state)
        guard case .polygon(let points)? = F.work(state).drawing else { return XCTFail() }
        XCTAssertEqual(points.count, 3)
        F.type("c", &state)
        // Then the triangle is kept as a building
        XCTAssertEqual(F.work(state).shapes, [F.polygon("building", [(128.5, 96.5), (160.5, 96.5), (160.5, 128.5)])])
    }

    func testAPolygonIsRefusedWithTooFewVerticesOrWhenItCrossesItself() {
        var state = opened()
        F.type("p", &state)
        F.press([.right, .enter], &state)
        F.type("c", &state)
        XCTAssertEqual(state.message, "A polygon needs at least 3 vertices; it has 2. Enter adds one at the crosshair.")
        // A bow tie: (128,96) (160,96) (128,128) (160,128)
        F.press([.down, .left, .enter, .right, .enter], &state)
        F.type("c", &state)
        XCTAssertEqual(state.message, "Not kept: the polygon crosses itself: edge 2 (160.5, 96.5)-(128.5, 128.5) meets edge 4 (160.5, 128.5)-(128.5, 96.5); move a vertex so no edges cross or touch.")
        XCTAssertEqual(F.work(state).shapes, [])
        // Enter twice at one place is refused; x takes the last vertex back
        F.press([.enter], &state)
        XCTAssertEqual(state.message, "That vertex is already placed: move the crosshair first, or c closes the polygon.")
        F.press([.character("x")], &state)
        guard case .polygon(let points)? = F.work(state).drawing else { return XCTFail() }
        XCTAssertEqual(points.count, 3)
    }

    func testABoxProjectRefusesPolygons() {
        var state = opened(F.cars)
        F.type("p", &state)
        XCTAssertEqual(state.message, "Project cars takes boxes: press b at one corner and b or Enter at the other.")
        XCTAssertNil(F.work(state).drawing)
    }

    // MARK: selecting and editing

    private func withTwoShapes() -> TaskScreen.State {
        var state = opened(prediction: [F.box("building", 32.5, 32.5, 96.5, 64.5), F.polygon("shed", [(160.5, 128.5), (192.5, 128.5), (192.5, 160.5), (160.5, 160.5)])])
        XCTAssertEqual(F.work(state).shapes.map(\.acceptedPrediction), [0, 1], "the model's shapes, marked as its")
        return state
    }

    func testTabAndShiftTabCycleShapesAndBracketsTheirVertices() {
        var state = withTwoShapes()
        F.press([.tab], &state)
        XCTAssertEqual(F.work(state).selected, 0)
        XCTAssertEqual(F.work(state).cursorColumn, 64, "the crosshair goes to the shape's middle")
        F.press([.tab, .tab], &state)
        XCTAssertEqual(F.work(state).selected, 0)
        F.press([.backTab], &state)
        XCTAssertEqual(F.work(state).selected, 1)
        F.type("]]", &state)
        XCTAssertEqual(F.work(state).selectedVertex, 1)
        XCTAssertEqual(F.work(state).cursorColumn, 192)
        XCTAssertEqual(F.work(state).cursorRow, 128)
        F.type("[[[", &state)
        XCTAssertEqual(F.work(state).selectedVertex, 2)
        F.press([.escape], &state)
        XCTAssertNil(F.work(state).selectedVertex)
        XCTAssertEqual(F.work(state).selected, 1)
        F.press([.escape], &state)
        XCTAssertNil(F.work(state).selected)
    }

    func testMMovesAVertexEnterDropsItAndEscPutsItBack() {
        // Given the shed's second vertex selected
        var state = withTwoShapes()
        F.press([.backTab], &state)
        F.type("]]", &state)
        // When m, one step right, Enter
        F.type("m", &state)
        F.press([.right, .enter], &state)
        // Then the vertex moved 32 pixels, the shape is no longer the model's, and it can be undone
        XCTAssertEqual(F.work(state).shapes[1], F.polygon("shed", [(160.5, 128.5), (224.5, 128.5), (192.5, 160.5), (160.5, 160.5)]))
        XCTAssertEqual(F.work(state).undoStack.count, 1)
        // When m, a move, Esc: the vertex is back where it was, with no new history
        F.type("m", &state)
        F.press([.down, .escape], &state)
        XCTAssertEqual(F.work(state).shapes[1].geometry.vertices[1], PixelPoint(x: 224.5, y: 128.5))
        XCTAssertEqual(F.work(state).undoStack.count, 1)
        XCTAssertNil(F.work(state).moving)
    }

    func testMMovesTheWholeShapeAndABoxCornerKeepsItABox() {
        var state = withTwoShapes()
        F.press([.tab], &state)
        F.type("m", &state)
        F.press([.down, .enter], &state)
        XCTAssertEqual(F.work(state).shapes[0], F.box("building", 32.5, 64.5, 96.5, 96.5))
        // A corner: the top-right one dragged right drags the right edge
        F.type("[", &state)
        XCTAssertEqual(F.work(state).selectedVertex, 3)
        F.type("]]", &state)
        F.type("m", &state)
        F.press([.right, .enter], &state)
        XCTAssertEqual(F.work(state).shapes[0], F.box("building", 32.5, 64.5, 128.5, 96.5))
        // A key other than a move is refused while moving
        F.type("m", &state)
        F.type("b", &state)
        XCTAssertEqual(state.message, "Moving: arrows or hjkl move it, Enter drops it, Esc puts it back.")
    }

    func testIInsertsAVertexAfterTheSelectedOneAtTheCrosshair() {
        var state = withTwoShapes()
        F.press([.backTab], &state)
        F.type("]", &state)
        F.press([.up], &state)
        F.type("i", &state)
        // Given the shed's first vertex selected and the crosshair moved up from it
        XCTAssertEqual(F.work(state).shapes[1].geometry.vertices, [
            PixelPoint(x: 160.5, y: 128.5), PixelPoint(x: 160.5, y: 96.5), PixelPoint(x: 192.5, y: 128.5), PixelPoint(x: 192.5, y: 160.5),
            PixelPoint(x: 160.5, y: 160.5),
        ])
        XCTAssertEqual(F.work(state).selectedVertex, 1)
        XCTAssertNil(F.work(state).shapes[1].acceptedPrediction)
    }

    func testInABoxProjectABoxKeepsItsCorners() {
        var state = opened(F.cars, prediction: [F.box("car", 32.5, 32.5, 96.5, 64.5)])
        F.press([.tab], &state)
        F.type("i", &state)
        XCTAssertEqual(state.message, "A box keeps its four corners: [ and ] pick one, m moves it.")
        F.type("]x", &state)
        XCTAssertEqual(state.message, "A box keeps its four corners: Esc lets go of the corner, then x deletes the box.")
        F.press([.escape], &state)
        F.type("x", &state)
        XCTAssertEqual(F.work(state).shapes, [])
    }

    func testXDeletesAVertexButKeepsThreeThenTheWholeShape() {
        var state = withTwoShapes()
        F.press([.backTab], &state)
        F.type("]x", &state)
        XCTAssertEqual(F.work(state).shapes[1].geometry.vertices.count, 3)
        F.type("x", &state)
        XCTAssertEqual(state.message, "A polygon keeps at least 3 vertices: Esc lets go of the vertex, then x deletes the polygon.")
        F.press([.escape], &state)
        F.type("x", &state)
        XCTAssertEqual(F.work(state).shapes.count, 1)
        XCTAssertNil(F.work(state).selected)
    }

    func testNumberKeysAndMnemonicsSetTheClass() {
        var state = withTwoShapes()
        // The selected shape's class; the model's mark goes with the change
        F.press([.tab], &state)
        F.type("2", &state)
        XCTAssertEqual(F.work(state).shapes[0].label, "shed")
        XCTAssertNil(F.work(state).shapes[0].acceptedPrediction)
        // A shape being drawn takes the class chosen while drawing, by letter too
        let letter = state.keys.letters[0]
        F.type("b", &state)
        F.press([.right, .down], &state)
        F.type(String(letter), &state)
        F.press([.enter], &state)
        XCTAssertEqual(F.work(state).shapes.last?.label, "building")
        XCTAssertEqual(F.work(state).drawingClass, 0)
    }

    func testUUndoesAndRedoesEditsThenUndoesTheSubmission() {
        var state = withTwoShapes()
        let original = F.work(state).shapes
        F.press([.tab], &state)
        F.type("2", &state)
        F.type("x", &state)
        XCTAssertEqual(F.work(state).shapes.count, 1)
        // u twice: the deletion, then the class change, undone
        XCTAssertEqual(F.press([.character("u"), .character("u")], &state), [])
        XCTAssertEqual(F.work(state).shapes, original)
        // U redoes the class change
        F.type("U", &state)
        XCTAssertEqual(F.work(state).shapes[0].label, "shed")
        F.type("u", &state)
        // With nothing left to undo, u is the screen's: undo the last submission
        XCTAssertEqual(F.press([.character("u")], &state), [.undo])
        state.isBusy = false
        F.type("UUU", &state)
        XCTAssertEqual(state.message, "Nothing to redo.")
    }

    // MARK: submitting

    func testEnterSubmitsTheShapesAndRecordsWhichPredictedShapesWereAccepted() throws {
        // Given the model's two shapes, one reclassed
        var state = withTwoShapes()
        F.press([.tab], &state)
        F.type("2", &state)
        // When Enter is pressed with nothing being drawn
        let effects = F.press([.enter], &state)
        // Then the answer holds both, the untouched one marked as accepted, and the whole was not
        guard case .save(let decision)? = effects.first else { return XCTFail("\(effects)") }
        guard case .shapes(let shapes) = decision.answer else { return XCTFail("\(decision.answer)") }
        XCTAssertEqual(shapes.map(\.acceptedPrediction), [nil, 1])
        XCTAssertEqual(decision.predictionAccepted, false)
    }

    func testThePredictionUnchangedIsAcceptedWhole() {
        var state = withTwoShapes()
        let effects = F.press([.enter], &state)
        guard case .save(let decision)? = effects.first else { return XCTFail("\(effects)") }
        XCTAssertEqual(decision.predictionAccepted, true)
        XCTAssertEqual(decision.answer, .shapes(F.work(F.state(prediction: [F.box("building", 32.5, 32.5, 96.5, 64.5), F.polygon("shed", [(160.5, 128.5), (192.5, 128.5), (192.5, 160.5), (160.5, 160.5)])])).shapes))
    }

    func testEnterWhileDrawingIsAVertexAndSubmitWaits() {
        var state = opened()
        F.type("p", &state)
        XCTAssertEqual(F.press([.enter], &state), [], "Enter adds a vertex, it does not submit")
        XCTAssertEqual(GeoKind.answer(F.work(state), state.context!), .failure(KindRefusal("Finish the shape being drawn first (Enter or c), or drop it with Esc.")))
    }

    func testAnEmptyAnswerIsAllowedAndSkipIsTheScreens() {
        var state = opened()
        let effects = F.press([.enter], &state)
        guard case .save(let decision)? = effects.first else { return XCTFail("\(effects)") }
        XCTAssertEqual(decision.answer, .shapes([]))
        XCTAssertNil(decision.predictionAccepted)
    }

    func testEveryKeyIsInTheHelpOverlay() {
        // Given the help overlay of a polygon project at 80x24
        var state = opened()
        F.type("?", &state)
        let text = F.render(state, size: Size(width: 80, height: 24)).text
        // Then every key the geo screen takes is listed, and the screen's own after them
        for keys in ["h j k l", "Shift+arrows", "H J K L", "PgUp PgDn", "+ -  0", "b", "p  Enter  c", "Tab Shift-Tab  [ ]", "m", "i  x", "1-2", "u  U", "Enter  Esc", "skip", "flag", "back to your queues"] {
            XCTAssertTrue(text.contains(keys), "\(keys) missing from:\n\(text)")
        }
    }
}
