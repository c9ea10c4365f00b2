import Domain
import Foundation

/// One person's assignment of one course, as the hub keeps it.
public struct PersonCourseAssignment: Equatable, Sendable {
    /// The row's number, in the order assignments were made.
    public var id: Int64
    public var courseID: String
    public var username: String
    /// Why and when, as stations are told it.
    public var assignment: CourseAssignment
    /// When a counted attempt made after it passed; nil while it is still to do.
    public var clearedAt: Date?

    public init(id: Int64, courseID: String, username: String, assignment: CourseAssignment, clearedAt: Date? = nil) {
        self.id = id
        self.courseID = courseID
        self.username = username
        self.assignment = assignment
        self.clearedAt = clearedAt
    }

    public var isCleared: Bool { clearedAt != nil }
}
