import Curriculum
import Domain
import Foundation
import Testing

/// A trainer's assignment of a course not yet passed starts its attempts afresh; a pass stays a pass.
@Suite("Assigning a course again")
struct CourseReassignmentTests {
    let manifest = CourseManifest(id: "basics", title: "Basics", attemptsAllowed: 2)
    let start = Date(timeIntervalSince1970: 1_000_000)

    func attempt(_ minutes: Double, passed: Bool = false) -> AttemptRecord {
        AttemptRecord(id: UUID(), finishedAt: start.addingTimeInterval(minutes * 60), share: passed ? 1 : 0, passed: passed)
    }

    func assigned(at minutes: Double) -> CourseAssignment {
        CourseAssignment(reason: .assigned(by: "tom", cohort: nil), assignedAt: start.addingTimeInterval(minutes * 60))
    }

    @Test func aNewAssignmentAfterEveryAttemptFailedOpensTheCourseAgain() {
        let failed = [attempt(0), attempt(20)]
        let later = start.addingTimeInterval(3600)
        #expect(CourseProgress.state(of: manifest, attempts: failed, assignment: nil, passedCourses: [], now: later) == .outOfAttempts)
        #expect(CourseProgress.state(of: manifest, attempts: failed, assignment: assigned(at: 10), passedCourses: [], now: later) == .open)
        #expect(CourseProgress.countedAttempts(failed, assignment: assigned(at: 10)).count == 1)
        #expect(CourseProgress.state(of: manifest, attempts: failed, assignment: assigned(at: 50), passedCourses: [], now: later) == .open)
    }

    @Test func anAssignmentAfterAPassLeavesThePass() {
        let attempts = [attempt(0), attempt(20, passed: true)]
        #expect(CourseProgress.state(of: manifest, attempts: attempts, assignment: assigned(at: 50), passedCourses: [], now: start.addingTimeInterval(3600))
            == .passed(at: start.addingTimeInterval(1200)))
    }
}
