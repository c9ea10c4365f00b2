import Domain
import Foundation
import Screens
import TerminalCore
import XCTest

/// The geo screen as text and colours, through `TaskScreen.render`, at 80x24 and 160x48:
/// the synthetic chip (gradient, road, two roofs) with a box, a polygon and one being
/// drawn, fitted and zoomed in. Re-record with LABELDESK_RECORD_SNAPSHOTS=1.
final class GeoSnapshotTests: XCTestCase {
    typealias F = GeoFixture
    static let sizes = [Size(width: 80, height: 24), Size(width: 160, height: 48)]

    private func check(_ name: String, file: StaticString = #filePath, line: UInt = #line, _ make: (Size) -> TaskScreen.State) {
        for size in Self.sizes {
            let buffer = F.render(make(size), size: size)
            let mismatch = TextSnapshot.mismatch(TextSnapshot.styledText(of: buffer), named: "geo-\(name)-\(size)", testFile: "\(file)")
            XCTAssertNil(mismatch, mismatch ?? "", file: file, line: line)
        }
    }

    /// A box on the left roof (the model's), a polygon on the right one (the labeler's),
    /// and a polygon being drawn along the road.
    private func drawn(_ size: Size) -> TaskScreen.State {
        var state = F.state(prediction: [F.box("building", 40.5, 30.5, 79.5, 69.5)], size: size)
        F.settle(TaskScreen.start(&state), &state)
        let polygon = ShapeGeometry.polygon([PixelPoint(x: 160.5, y: 120.5), PixelPoint(x: 199.5, y: 120.5), PixelPoint(x: 199.5, y: 149.5), PixelPoint(x: 170.5, y: 149.5)])
        if case .geo(var work)? = state.work {
            work.shapes.append(Shape(label: "shed", geometry: polygon))
            state.work = .geo(work)
        }
        return state
    }

    func testFittedWithABoxAPolygonAndOneBeingDrawn() {
        check("fit") { size in
            var state = drawn(size)
            let step = F.work(state).viewport.cursorStep(chip: F.chipSize, cells: GeoKind.imageCells(state.bodySize))
            F.moveCursor(toColumn: 128 - 4 * step, row: 96, &state)
            F.type("p", &state)
            F.press([.right, .right, .enter, .down], &state)
            return state
        }
    }

    func testZoomedInOnTheRightRoofWithAVertexSelectedAndRefined() {
        check("zoomed") { size in
            var state = drawn(size)
            F.press([.backTab], &state)
            F.type("]]", &state)
            F.type("+++", &state)
            // Once the view rests the picture is drawn with chafa's symbols
            F.settle([.notifyWhenRested(serial: F.work(state).serial)], &state, rest: true)
            return state
        }
    }

    func testBeforeThePixelsArriveTheShapesAreDrawnOnADarkGround() {
        check("waiting") { size in
            var state = drawn(size)
            state.work = state.work.map { work in
                guard case .geo(var geo) = work else { return work }
                geo.image = nil
                geo.imageRequest = nil
                geo.readout = nil
                return .geo(geo)
            }
            return state
        }
    }
}
