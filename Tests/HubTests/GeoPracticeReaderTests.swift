import Curriculum
import Domain
import Foundation
import Hub
import Store
import Testing
import TestSupport

/// Practice on imagery: a geo practice task gives its chip as a leased task does, names
/// the chip's file in the course folder, and the reader checks the file against the hash.
@Suite("Practice sets on imagery")
struct GeoPracticeReaderTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let course = repository.appendingPathComponent("Training/boxes-and-polygons")
    /// A real chip of the starter course, cut from the SpaceNet Atlanta image.
    static let chip = try! Data(contentsOf: course.appendingPathComponent("practice/chips/practice-atlanta-box-1.tif"))
    static let sha = MediaHash.sha256(chip)
    static let project = #"{"id": "buildings-practice", "title": "Boxes", "kind": "geo-box", "labels": [{"name": "building", "color": "yellow"}, {"name": "vehicle", "color": "cyan"}]}"#

    /// One task line on the chip, naming `file` in meta (nil: none) and giving `sha` and `bytes` in its image.
    static func line(_ id: String, file: String? = "chips/a.tif", sha: String = GeoPracticeReaderTests.sha, bytes: Int = GeoPracticeReaderTests.chip.count, chipWidth: Int = 128) -> String {
        let chipMember = file.map { #", "chip": "\#($0)""# } ?? ""
        return #"{"id": "\#(id)", "image": {"media": "\#(sha)", "bytes": \#(bytes), "scene": "spacenet-atlanta.tif", "chip": [368, 68, \#(chipWidth), 184], "focus": [32, 32, 64, 120]}, "annotations": [{"answer": {"shapes": [{"label": "building", "box": [42.19, 97.4, 64.52, 148.69]}]}, "annotator": "key"}], "meta": {"explanation": "One roof."\#(chipMember)}}"#
    }

    static func read(_ lines: [String], files: [String: Data]) -> (practice: CoursePractice?, problems: [CourseProblem]) {
        PracticeReaderTests.read(lines.joined(separator: "\n") + "\n", project: project, files: files)
    }

    @Test func aGeoTaskBringsItsChipItsImageAndItsKeyInChipPixels() throws {
        // Given a task naming a chip file that hashes to its image's media
        let read = Self.read([Self.line("g1")], files: ["practice/chips/a.tif": Self.chip])
        // Then it reads, with the chip's path in the course folder and the image as a leased task's
        #expect(read.problems == [])
        let item = try #require(read.practice?.items.first)
        #expect(item.chip == "practice/chips/a.tif")
        let image = try #require(item.task.image)
        #expect(image.media == MediaReference(sha256: Self.sha, byteCount: Self.chip.count))
        #expect(image.chip == PixelWindow(x: 368, y: 68, width: 128, height: 184))
        #expect(image.focus == PixelWindow(x: 32, y: 32, width: 64, height: 120))
        #expect(item.key == .shapes([Shape(label: "building", geometry: .box(PixelPoint(x: 42.19, y: 97.4), PixelPoint(x: 64.52, y: 148.69)))]))
    }

    @Test func aMissingDamagedOrUnnamedChipIsNamedByLineWithWhatToDo() {
        // Given five tasks: a chip that is not there, a text file under a chip's name, a
        // chip whose bytes are not the task's, one naming no chip, one giving the chip
        // another size than the file's
        let read = Self.read(
            [
                Self.line("g1", file: "chips/gone.tif"),
                Self.line("g2", file: "chips/notes.tif"),
                Self.line("g3", sha: String(repeating: "ab", count: 32)),
                Self.line("g4", file: nil),
                Self.line("g5", chipWidth: 130),
            ],
            files: ["practice/chips/a.tif": Self.chip, "practice/chips/notes.tif": Data("not a picture\n".utf8)])
        // Then nothing is read and each is named at its line, with a sentence saying what to do
        #expect(read.practice == nil)
        #expect(read.problems.map(\.line) == [1, 2, 3, 4, 5])
        let sentences = read.problems.map(\.description)
        #expect(sentences[0] == #"s/practice/tasks.jsonl:1: the chip "chips/gone.tif" of practice task "g1" is not in the course folder or cannot be read; cut it with Training/tools/make-practice.py, or correct "meta"."chip""#)
        #expect(sentences[1] == #"s/practice/tasks.jsonl:2: the chip "chips/notes.tif" of practice task "g2" is not a GeoTIFF (it does not start as a TIFF file does); cut it again with Training/tools/make-practice.py"#)
        #expect(sentences[2].hasPrefix(#"s/practice/tasks.jsonl:3: the chip "chips/a.tif" is not the one practice task "g3" names: the file is \#(Self.chip.count) bytes with SHA-256 \#(Self.sha), the task's "image" says"#))
        #expect(sentences[2].hasSuffix("cut the chip again with Training/tools/make-practice.py (it writes both), or give the file's hash and size in \"media\" and \"bytes\""))
        #expect(sentences[4] == #"s/practice/tasks.jsonl:5: the chip "chips/a.tif" is 128 x 184 pixels, and practice task "g5"'s "image" "chip" says 130 x 184; give the chip's own size there (its shapes are checked against it), or cut both again with Training/tools/make-practice.py"#)
        #expect(sentences[3].hasPrefix(#"s/practice/tasks.jsonl:4: practice task "g4" names no chip file; add "chip": "chips/NAME.tif" to its "meta""#))
    }

    @Test func theStarterCourseCarriesItsChipsUnderTheHashesItsTasksName() throws {
        // Given the imagery starter course, read from its folder as the hub reads it
        let read = CourseFolder.read(
            id: "boxes-and-polygons", files: { FileManager.default.contents(atPath: Self.course.appendingPathComponent($0).path) }, practice: Hub.practiceReader)
        let course = try #require(read.course, "\(read.problems)")
        let items = try #require(course.practice?.items)
        #expect(items.count == 6)
        // Then each task's chip travels in the package, and the package names its hash
        for item in items {
            let chip = try #require(item.chip, "\(item.task.id)")
            let image = try #require(item.task.image, "\(item.task.id)")
            let bytes = try #require(course.package.files[chip], "\(chip)")
            #expect(MediaReference(sha256: MediaHash.sha256(bytes), byteCount: bytes.count) == image.media)
            #expect(course.package.media[chip] == image.media)
            // And every key box lies on the chip, in its pixels, with its middle in the focus
            guard case .shapes(let shapes) = item.key else { Issue.record("\(item.task.id): not shapes"); continue }
            #expect(!shapes.isEmpty)
            for shape in shapes {
                #expect(GoldScoring.isInside(shape, image.focus), "\(item.task.id)")
                #expect(shape.geometry.vertices.allSatisfy { $0.x >= 0 && $0.y >= 0 && $0.x <= Double(image.chip.width) && $0.y <= Double(image.chip.height) })
            }
        }
        // And reading the package, as a station does, gives the same course
        #expect(CourseFolder.read(course.package, practice: Hub.practiceReader).course == course)
    }

    @Test func lintNamesAChipMissingFromARealFolderByFileAndLine() throws {
        // Given a course folder on disk whose tasks name a chip that was never copied in
        // and one outside the course folder, which a station would not be sent
        let root = try TemporaryDirectory()
        let folder = root.url.appendingPathComponent("imagery")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("practice/chips"), withIntermediateDirectories: true)
        try Data("title: Imagery\npractice: practice/project.json practice/tasks.jsonl\n".utf8).write(to: folder.appendingPathComponent("course.conf"))
        try Data(Self.project.utf8).write(to: folder.appendingPathComponent("practice/project.json"))
        try Data([Self.line("g1"), Self.line("g2", file: "chips/b.tif"), Self.line("g3", file: "../../elsewhere/a.tif")].joined(separator: "\n").utf8).write(to: folder.appendingPathComponent("practice/tasks.jsonl"))
        try Self.chip.write(to: folder.appendingPathComponent("practice/chips/a.tif"))
        // When it is linted as `course lint` does
        let read = CourseFolder.readAll(root: root.url, practice: Hub.practiceReader)
        // Then each problem names the task file and line, and says what to do
        #expect(read.courses == [])
        #expect(read.problems.map(\.description) == [
            #"imagery/practice/tasks.jsonl:2: the chip "chips/b.tif" of practice task "g2" is not in the course folder or cannot be read; cut it with Training/tools/make-practice.py, or correct "meta"."chip""#,
            #"imagery/practice/tasks.jsonl:3: the chip "../../elsewhere/a.tif" of practice task "g3" is outside the course folder; put the chip inside it (like practice/chips/) and name it from this file's folder"#,
        ])
    }
}
