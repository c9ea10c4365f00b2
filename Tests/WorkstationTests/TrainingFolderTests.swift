import Curriculum
import Foundation
import Hub
import Workstation
import XCTest

/// The Training folder that ships with LabelDesk: found as the demo's Assets are, and
/// holding a course for every project the demo makes.
final class TrainingFolderTests: XCTestCase {
    static let repository = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func testItIsFoundUpFromABinaryBuiltInTheCloneAndByItsVariable() throws {
        // Given a binary's path inside the clone's build folder, and no variable set
        let binary = Self.repository.appendingPathComponent(".build/debug/labeldesk").path
        // Then the clone's Training folder is found
        XCTAssertEqual(try TrainingFolder.locate(executable: binary, environment: [:], currentDirectory: "/").standardizedFileURL.path, Self.repository.appendingPathComponent("Training").standardizedFileURL.path)
        // And $LABELDESK_TRAINING comes first when it names a folder of courses
        let other = FileManager.default.temporaryDirectory.appendingPathComponent("labeldesk-training-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: other) }
        try FileManager.default.createDirectory(at: other.appendingPathComponent("one"), withIntermediateDirectories: true)
        try Data("title: One\nquiz: q.gift\n".utf8).write(to: other.appendingPathComponent("one/course.conf"))
        XCTAssertEqual(try TrainingFolder.locate(executable: binary, environment: ["LABELDESK_TRAINING": other.path]).standardizedFileURL.path, other.standardizedFileURL.path)
    }

    func testNoFolderOfCoursesAnywhereIsASentenceNamingWhereItLooked() {
        XCTAssertThrowsError(try TrainingFolder.locate(
            executable: "/nonexistent/bin/labeldesk", environment: ["LABELDESK_TRAINING": "/nonexistent/training"], currentDirectory: "/nonexistent/here")) { error in
            let sentence = "\(error)"
            XCTAssertTrue(sentence.hasPrefix("cannot find LabelDesk's Training folder"), sentence)
            XCTAssertTrue(sentence.contains("/nonexistent/training") && sentence.contains("LABELDESK_TRAINING"), sentence)
        }
    }

    func testEveryDemoProjectIsOpenedByAStarterCourseAndEveryCourseNamesADemoProject() throws {
        // Given the starter courses, read as the hub reads them
        let read = CourseFolder.readAll(root: Self.repository.appendingPathComponent("Training"), practice: Hub.practiceReader)
        XCTAssertEqual(read.problems, [])
        // Then the projects they qualify for are exactly the demo's
        let qualified = read.courses.flatMap(\.manifest.qualifies)
        XCTAssertEqual(Set(qualified), Set(DemoWorkspace.projects.map(\.id)))
        XCTAssertEqual(qualified.count, Set(qualified).count, "one course per project")
        // And every course but the basics needs the basics first
        for course in read.courses where course.id != "labeldesk-basics" {
            XCTAssertEqual(course.manifest.prerequisites, ["labeldesk-basics"], course.id)
        }
        // And each practice project asks what its demo project asks, with the same labels
        // (the basics' practice is about the keys, on sentences, whatever it opens)
        for course in read.courses where course.id != "labeldesk-basics" {
            guard let practice = course.practice, let projectID = course.manifest.qualifies.first,
                  let demo = DemoWorkspace.projects.first(where: { $0.id == projectID }) else { continue }
            XCTAssertEqual(practice.project.kind, demo.kind, course.id)
            XCTAssertEqual(practice.project.labels.map(\.name), demo.labels.map(\.name), course.id)
            XCTAssertEqual(practice.project.dimensions, demo.dimensions, course.id)
            XCTAssertEqual(practice.project.asksStrength, demo.asksStrength, course.id)
            XCTAssertEqual(practice.project.rationale, demo.rationale, course.id)
        }
    }
}
