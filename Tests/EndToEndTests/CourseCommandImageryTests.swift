import Foundation
import Testing

/// `labeldesk course lint|show` on practice tasks on imagery, through the real binary:
/// each chip is checked against the hash its task names, and a problem is named by the
/// task file's line with what to do.
@Suite struct CourseCommandImageryTests {
    static let chips = CourseCommandTests.training.appendingPathComponent("boxes-and-polygons/practice/chips")

    @Test func aMissingOrDamagedChipIsNamedByFileAndLine() throws {
        // Given a copy of the imagery course with one chip gone and another overwritten
        let binary = try LabelDeskBinary()
        defer { binary.removeWorkspace() }
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("labeldesk-e2e-chips-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let course = root.appendingPathComponent("boxes-and-polygons")
        try FileManager.default.copyItem(at: CourseCommandTests.training.appendingPathComponent("boxes-and-polygons"), to: course)
        try FileManager.default.copyItem(at: CourseCommandTests.training.appendingPathComponent("labeldesk-basics"), to: root.appendingPathComponent("labeldesk-basics"))
        let copied = course.appendingPathComponent("practice/chips")
        try FileManager.default.removeItem(at: copied.appendingPathComponent("practice-atlanta-box-2.tif"))
        try FileManager.default.removeItem(at: copied.appendingPathComponent("practice-atlanta-box-5.tif"))
        try FileManager.default.copyItem(at: copied.appendingPathComponent("practice-atlanta-box-1.tif"), to: copied.appendingPathComponent("practice-atlanta-box-5.tif"))
        let one = try Data(contentsOf: copied.appendingPathComponent("practice-atlanta-box-1.tif"))
        // When it is linted
        let lint = binary.run(["course", "lint", root.path])
        // Then it fails, naming both at their task's line in the task file
        #expect(lint.status == 1, "\(lint.output)")
        let lines = lint.output.split(separator: "\n").map(String.init)
        let tasks = "\(root.path)/boxes-and-polygons/practice/tasks.jsonl"
        #expect(lines.count == 3, "\(lint.output)")
        #expect(lines.first == "\(tasks):2: the chip \"chips/practice-atlanta-box-2.tif\" of practice task \"practice-atlanta-box-2\" is not in the course folder or cannot be read; cut it with Training/tools/make-practice.py, or correct \"meta\".\"chip\"", "\(lint.output)")
        #expect(lines.dropFirst().first?.hasPrefix("\(tasks):5: the chip \"chips/practice-atlanta-box-5.tif\" is not the one practice task \"practice-atlanta-box-5\" names: the file is \(one.count) bytes with SHA-256 ") == true, "\(lint.output)")
        #expect(lines.last == "2 problems in 1 course of 2 in \(root.path).", "\(lint.output)")
    }

    @Test func showNamesEachPracticeTasksChipAndKey() throws {
        let binary = try LabelDeskBinary()
        defer { binary.removeWorkspace() }
        let show = binary.run(["course", "show", "boxes-and-polygons", CourseCommandTests.training.path])
        #expect(show.status == 0, "\(show.output)")
        #expect(show.output.contains("practice: practice/tasks.jsonl, 6 tasks of project buildings-practice: "), "\(show.output)")
        #expect(show.output.contains("    p:practice-atlanta-box-1  key: "), "\(show.output)")
        #expect(show.output.contains("      chip practice/chips/practice-atlanta-box-1.tif: 128 x 184 pixels of spacenet-atlanta.tif at 368,68; focus 64 x 120 at 32,32\n"), "\(show.output)")
    }
}
