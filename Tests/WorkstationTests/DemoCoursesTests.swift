import Curriculum
import Domain
import Foundation
import Hub
import Workstation
import XCTest

/// The demo workspace's training, made from the real starter courses and assets: the
/// demo labeler and lead have passed every course through the hub's own grading, the
/// trainee has passed none and finds every queue locked.
final class DemoCoursesTests: XCTestCase {
    static let repository = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func testTheDemoLabelerHasPassedEveryCourseAndTheTraineeIsLockedOutOfEveryQueue() throws {
        // Given a demo workspace made afresh
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("labeldesk-demo-courses-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let workspace = Workspace(directory: folder)
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        try DemoWorkspace.create(
            in: workspace, assets: Self.repository.appendingPathComponent("Assets"), training: Self.repository.appendingPathComponent("Training"), now: now)
        let hub = try workspace.open().hub

        // Then every starter course is published
        let courses = try hub.publishedCourses().map(\.id)
        XCTAssertEqual(courses, ["boxes-and-polygons", "comparing-answers", "entity-tagging", "labeldesk-basics", "sentiment"])
        // And the demo labeler and lead have passed each (the essay marked by the trainer)
        for person in [DemoWorkspace.username, DemoWorkspace.leadUsername] {
            for course in courses {
                guard case .passed = try hub.courseState(username: person, courseID: course, now: now) else {
                    return XCTFail("\(person) has not passed \(course): \(String(describing: try hub.courseState(username: person, courseID: course, now: now)))")
                }
            }
            for project in DemoWorkspace.projects {
                XCTAssertEqual(try hub.coursesNeeded(projectID: project.id, username: person), [], "\(person) \(project.id)")
            }
        }
        // And the trainee needs a course for every project, so the hub leases them nothing
        for project in DemoWorkspace.projects {
            XCTAssertFalse(try hub.coursesNeeded(projectID: project.id, username: DemoCourses.traineeUsername).isEmpty, project.id)
        }
        let reply = try hub.exchange(
            SyncRequest(stationID: "demo-station", annotations: [], cursor: 0, wantedLeases: 20, people: [DemoCourses.traineeUsername]), now: now)
        XCTAssertEqual(reply.leases, [])
        XCTAssertEqual(Set((reply.pauses ?? []).filter { !$0.courses.isEmpty }.map(\.projectID)), Set(DemoWorkspace.projects.map(\.id)))
        // While the demo labeler's sync brings work
        let labeler = try hub.exchange(
            SyncRequest(stationID: "demo-station", annotations: [], cursor: 0, wantedLeases: 20, people: [DemoWorkspace.username]), now: now)
        XCTAssertFalse(labeler.leases.isEmpty)
        XCTAssertEqual((labeler.pauses ?? []).filter { !$0.courses.isEmpty }, [])
    }
}
