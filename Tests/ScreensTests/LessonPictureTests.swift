import Curriculum
import Domain
import Foundation
import Screens
import TerminalCore
import Widgets
import XCTest

/// A lesson's picture: asked for when the lesson opens, drawn with the image canvas above
/// its caption once its pixels come, cut where the page cuts it.
final class LessonPictureTests: XCTestCase {
    /// A picture whose left half is red and right half blue, 200 x 100 pixels.
    static let picture: PixelImage = {
        var image = PixelImage(width: 200, height: 100, filledWith: RGBA(red: 220, green: 30, blue: 30))
        for y in 0..<100 { for x in 100..<200 { image[x, y] = RGBA(red: 30, green: 30, blue: 220) } }
        return image
    }()

    private func lesson(_ size: Size) -> LessonScreen.State {
        LessonScreen.State(title: "What sentiment is", document: MarkdownParser.parse(CourseFixture.lessonOne), size: size)
    }

    func testTheLessonAsksForItsPictureOnceAndDrawsItAboveItsCaption() throws {
        for size in Fixture.sizes {
            var state = lesson(size)
            // When it opens, it asks for the picture at the text's width and at most a page
            let effects = LessonScreen.start(&state)
            XCTAssertEqual(effects, [.loadPicture(source: "keys.png", cells: Size(width: size.width - 2, height: size.height - 7))])
            let placeholderOnly = Fixture.render(size) { LessonScreen.render(state, into: &$0) }
            XCTAssertTrue(placeholderOnly.text.contains("[image: The keys n and p — keys.png]"), placeholderOnly.text)
            // When the pixels come, rows open above the caption and the canvas fills them
            let refine = LessonScreen.update(&state, .pictureLoaded(source: "keys.png", Self.picture))
            let place = try XCTUnwrap(state.places.first)
            // And chafa's drawing of it at its cells is asked for, once
            XCTAssertTrue(refine == [.refinePicture(source: "keys.png", Self.picture, cells: place.cells, depth: .indexed256)], "asked for \(refine.count) drawings")
            // (not again while it is being drawn: a key the page takes asks for nothing)
            XCTAssertTrue(LessonScreen.update(&state, .keyPressed(.character("/"))).isEmpty)
            XCTAssertTrue(LessonScreen.update(&state, .keyPressed(.escape)).isEmpty)
            XCTAssertEqual(place.cells.width * 2 * 100, place.cells.height * 4 * 200, accuracy: 400 * 4)
            XCTAssertEqual(state.images.first?.line, place.line + place.cells.height)
            let buffer = Fixture.render(size) { LessonScreen.render(state, into: &$0) }
            let mismatch = TextSnapshot.mismatch(TextSnapshot.styledText(of: buffer), named: "lesson-picture-\(size)", testFile: #filePath)
            XCTAssertNil(mismatch, mismatch ?? "")
            // The canvas drew red on the left, blue on the right of the picture's rows
            let row = 2 + place.line - state.text.scroll
            let left = buffer[1 + 1, row].style, right = buffer[1 + place.cells.width - 2, row].style
            XCTAssertNotEqual(left, right)
            // Its caption stays, under it
            let caption = try XCTUnwrap(state.images.first?.line)
            XCTAssertEqual(state.text.lines[caption].text, "[image: The keys n and p — keys.png]")
        }
    }

    func testAPictureCutByThePageShowsItsVisibleRowsAndASearchStillFindsItsLines() throws {
        var state = lesson(Size(width: 80, height: 24))
        _ = LessonScreen.update(&state, .pictureLoaded(source: "keys.png", Self.picture))
        // Scrolled so the picture's first rows are above the page
        for key in [Key.character("/")] + "Press".map(Key.character) + [.enter] { _ = LessonScreen.update(&state, .keyPressed(key)) }
        let match = try XCTUnwrap(state.text.currentMatch.map { state.text.matches[$0] })
        XCTAssertGreaterThan(match.line, try XCTUnwrap(state.places.first).line)
        let buffer = Fixture.render(Size(width: 80, height: 24)) { LessonScreen.render(state, into: &$0) }
        XCTAssertTrue(buffer.text.contains("Press n or p, then Enter."), buffer.text)
        // A resize lays it out again with the picture
        _ = LessonScreen.update(&state, .resized(Size(width: 120, height: 40)))
        XCTAssertEqual(state.places.count, 1)
        XCTAssertLessThanOrEqual(try XCTUnwrap(state.places.first).cells.width, 118)
    }

    func testChafasDrawingReplacesTheHalfBlocksOnceItIsBackAndIsAskedForAgainAtANewSize() throws {
        // Given the lesson with its picture drawn in half blocks (a real photo-like picture:
        // a gradient with a diagonal edge, where chafa's mosaics differ from half blocks)
        var picture = PixelImage(width: 400, height: 160, filledWith: RGBA(red: 0, green: 0, blue: 0))
        for y in 0..<160 { for x in 0..<400 { picture[x, y] = x > y * 2 ? RGBA(red: UInt8(x / 2), green: 200, blue: 40) : RGBA(red: 20, green: 20, blue: UInt8(y)) } }
        let size = Size(width: 80, height: 24)
        var state = lesson(size)
        let effects = LessonScreen.update(&state, .pictureLoaded(source: "keys.png", picture))
        let place = try XCTUnwrap(state.places.first)
        let halfBlocks = Fixture.render(size) { LessonScreen.render(state, into: &$0) }
        // When chafa's cells come back (drawn as the app draws them, off the loop)
        guard case let .refinePicture(_, pixels, cells, depth)? = effects.first else { return XCTFail("\(effects)") }
        let chafa = ImageCanvas.render(pixels, overlay: [], cells: cells, depth: depth, quality: .refined)
        XCTAssertEqual(LessonScreen.update(&state, .pictureRefined(source: "keys.png", chafa)), [])
        // Then the page shows chafa's cells where the half blocks were, and nothing else moved
        let refined = Fixture.render(size) { LessonScreen.render(state, into: &$0) }
        let top = 2 + place.line - state.text.scroll
        for row in 0..<place.cells.height where top + row < size.height - 3 {
            for column in 0..<place.cells.width {
                XCTAssertEqual(refined[1 + column, top + row], chafa[column, row])
            }
        }
        XCTAssertNotEqual(refined, halfBlocks)
        XCTAssertEqual(refined.line(top + place.cells.height), halfBlocks.line(top + place.cells.height))
        // And a resize asks for it again at the new cells, drawing half blocks meanwhile
        let again = LessonScreen.update(&state, .resized(Size(width: 120, height: 40)))
        let newPlace = try XCTUnwrap(state.places.first)
        XCTAssertNotEqual(newPlace.cells, place.cells)
        XCTAssertTrue(again == [.refinePicture(source: "keys.png", picture, cells: newPlace.cells, depth: .indexed256)], "asked for \(again.count) drawings")
    }

    func testAPictureTallerThanThePageIsFittedToIt() {
        let tall = PixelImage(width: 100, height: 1000, filledWith: RGBA(red: 10, green: 200, blue: 10))
        let cells = LessonScreen.cells(for: tall, width: 78, maximumRows: 17)
        XCTAssertEqual(cells.height, 17)
        XCTAssertLessThanOrEqual(cells.width, 78)
        XCTAssertEqual(Double(cells.width * 2) / Double(cells.height * 4), 0.1, accuracy: 0.05)
    }
}
