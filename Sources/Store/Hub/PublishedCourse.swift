import Domain
import Foundation

/// A version of a course as the hub published it.
public struct PublishedCourse: Equatable, Sendable {
    public var id: String
    public var version: String
    public var title: String
    /// The `course.conf` text, so the rules can read the settings without the package.
    public var manifest: String
    public var package: CoursePackage
    public var publishedBy: String
    public var publishedAt: Date
    /// The change number that published it: stations whose cursor is below pull it.
    public var change: Int64
    /// Whether it is the version stations are given now (older ones stay for grading
    /// attempts made on them).
    public var isCurrent: Bool

    public init(
        id: String, version: String, title: String, manifest: String, package: CoursePackage, publishedBy: String, publishedAt: Date,
        change: Int64, isCurrent: Bool
    ) {
        self.id = id
        self.version = version
        self.title = title
        self.manifest = manifest
        self.package = package
        self.publishedBy = publishedBy
        self.publishedAt = publishedAt
        self.change = change
        self.isCurrent = isCurrent
    }
}

/// The current version of a course without its files: what the rules need at each sync.
public struct CourseHeader: Equatable, Sendable {
    public var id: String
    public var version: String
    public var title: String
    public var manifest: String

    public init(id: String, version: String, title: String, manifest: String) {
        self.id = id
        self.version = version
        self.title = title
        self.manifest = manifest
    }
}
