import Domain
import Foundation
import Store
import Testing
import TestSupport

/// A course package's practice chips on the station: installed into the media folder
/// only when their bytes are what the package names for them, as leased media is, and
/// kept while the course is cached.
@Suite("Practice chips on the station")
struct CourseChipTests {
    let directory: TemporaryDirectory
    let station: StationDatabase
    /// A real chip: the first of the imagery course's practice chips.
    static let chip = try! Data(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Training/boxes-and-polygons/practice/chips/practice-atlanta-box-1.tif"))
    static let chipPath = "practice/chips/practice-atlanta-box-1.tif"
    static let reference = MediaReference(sha256: MediaHash.sha256(chip), byteCount: chip.count)

    init() throws {
        directory = try TemporaryDirectory()
        station = try makeStation(in: directory)
    }

    static func package(chip bytes: Data = chip, conf: String = "title: Imagery\n") -> CoursePackage {
        CoursePackage(id: "imagery", files: ["course.conf": Data(conf.utf8), chipPath: bytes], media: [chipPath: reference])
    }

    static func reply(cursor: Int64, courses: [CoursePackage]) -> SyncReply {
        SyncReply(outcomes: [], leases: [], projects: [], waitingAtHub: [:], cursor: cursor, courses: courses)
    }

    @Test func aChipIsInstalledUnderTheHashItsTaskNamesAndKeptWhileTheCourseIs() throws {
        // Given a reply bringing a course with a practice chip
        try station.applySyncReply(Self.reply(cursor: 3, courses: [Self.package()]), now: monday)
        // Then the chip is a present media file under the hash its task names, with its bytes
        #expect(try station.courseMedia(courseID: "imagery", path: Self.chipPath) == Self.reference)
        let file = try #require(try station.presentMediaFile(sha256: Self.reference.sha256))
        #expect(try Data(contentsOf: file) == Self.chip)
        #expect(station.mediaFolder.verify(Self.reference))

        // When later replies release the media no task needs
        try station.applySyncReply(Self.reply(cursor: 4, courses: []), now: monday)
        // Then the course's chip stays
        #expect(try station.presentMediaFile(sha256: Self.reference.sha256) != nil)

        // When a new version of the course comes without the chip
        let without = CoursePackage(id: "imagery", files: ["course.conf": Data("title: Imagery, no practice\n".utf8)])
        try station.applySyncReply(Self.reply(cursor: 5, courses: [without]), now: monday)
        // Then the chip goes with the old version
        #expect(try station.courseMedia(courseID: "imagery", path: Self.chipPath) == nil)
        #expect(!FileManager.default.fileExists(atPath: file.path))
    }

    @Test func aDamagedChipRefusesTheReplyWithASentenceAndNothingIsKept() throws {
        // Given a package whose chip lost a byte's worth of bits on the way
        var damaged = Self.chip
        damaged[damaged.count / 2] ^= 0xff
        let package = Self.package(chip: damaged)
        // When the reply is applied
        // Then it is refused with a sentence naming the chip, what it should be and what happens next
        #expect {
            try station.applySyncReply(Self.reply(cursor: 7, courses: [package]), now: monday)
        } throws: { error in
            guard let error = error as? StoreError, case let .courseChipDamaged(courseID, path, named, received) = error else { return false }
            let sentence = error.description
            return courseID == "imagery" && path == Self.chipPath && named == Self.reference
                && received == MediaReference(sha256: MediaHash.sha256(damaged), byteCount: damaged.count)
                && sentence.hasPrefix("the practice chip imagery/practice/chips/practice-atlanta-box-1.tif arrived damaged")
                && sentence.contains("the next sync asks for the course again")
        }
        // And nothing of the reply is kept: no course, no chip, the cursor where it was
        #expect(try station.coursePackage(id: "imagery") == nil)
        #expect(try station.media(sha256: Self.reference.sha256) == nil)
        #expect(try station.media(sha256: MediaHash.sha256(damaged)) == nil)
        #expect(try station.syncCursor() == 0)

        // When the next sync brings the course intact, it is installed
        try station.applySyncReply(Self.reply(cursor: 7, courses: [Self.package()]), now: monday)
        #expect(try station.courseMedia(courseID: "imagery", path: Self.chipPath) == Self.reference)
    }

    @Test func aPackageWithoutChipsReadsAndWritesAsBefore() throws {
        // A package with no media leaves "media" out of its JSON, and older JSON reads
        let plain = CoursePackage(id: "basics", files: ["course.conf": Data("title: Basics\n".utf8)])
        let json = String(decoding: try JSONEncoder().encode(plain), as: UTF8.self)
        #expect(!json.contains("media"))
        #expect(try JSONDecoder().decode(CoursePackage.self, from: Data(json.utf8)) == plain)
        // And a package with chips carries their references
        let carried = try JSONDecoder().decode(CoursePackage.self, from: JSONEncoder().encode(Self.package()))
        #expect(carried.media == [Self.chipPath: Self.reference])
        #expect(carried.version == Self.package().version)
    }
}
