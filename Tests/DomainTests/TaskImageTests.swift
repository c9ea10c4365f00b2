import Domain
import XCTest

final class TaskImageTests: XCTestCase {
    private let sha = String(repeating: "ab", count: 32)

    func testAnImageTravelsInTheTaskBodyAndNamesItsMedia() throws {
        // Given a task on a chip
        let image = TaskImage(
            media: MediaReference(sha256: sha, byteCount: 4096), scene: "naip.tif",
            chip: PixelWindow(x: 960, y: 0, width: 1088, height: 1088), focus: PixelWindow(x: 64, y: 0, width: 1024, height: 1024))
        let task = LabelTask(id: "t1", projectID: "p", text: "", marking: .unclassified, image: image)

        // When its body is stored and read back
        var restored = LabelTask(id: "t1", projectID: "p", text: "", marking: .unclassified)
        try restored.restoreBody(task.storedBody)

        // Then the image and the media it needs come back
        XCTAssertEqual(restored.image, image)
        XCTAssertEqual(restored.mediaNeeded, [MediaReference(sha256: sha, byteCount: 4096)])
        XCTAssertEqual(try JSONDecoder().decode(LabelTask.self, from: JSONEncoder().encode(task)), task)
    }

    func testABadImageSaysWhichMemberIsWrong() {
        let bad: JSONValue = .object(["media": .string("XYZ"), "bytes": .integer(1), "chip": .array([]), "focus": .array([])])
        XCTAssertThrowsError(try TaskImage(json: bad)) { error in
            XCTAssertTrue("\(error)".contains("64 lowercase hex digits"), "\(error)")
        }
        XCTAssertFalse(MediaReference.isWellFormed(String(repeating: "A", count: 64)))
        XCTAssertTrue(MediaReference.isWellFormed(sha))
    }
}
