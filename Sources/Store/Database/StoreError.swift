import Domain
import Foundation

/// What the databases refuse, in words a person can act on.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    case noSuchAccount(username: String)
    case accountExists(username: String)
    case invalidUsername(problem: String)
    case emptyPassword
    case unreadablePasswordHash(username: String)
    case duplicateTask(projectID: String, taskID: String)
    /// One id given to two tasks of one batch: their places in it, counting from 0.
    case taskIDUsedTwice(projectID: String, taskID: String, first: Int, second: Int)
    case noSuchProject(projectID: String)
    case projectExists(projectID: String)
    case unreadableRow(table: String, problem: String)
    case stationExists(stationID: String)
    case noSuchStation(stationID: String)
    case unknownEnrolmentCode
    case enrolmentCodeExpired(stationID: String)
    /// The code is valid, but issued to `holder`, not to the station that presents it.
    case enrolmentCodeOfAnotherStation(presentedBy: String, holder: String)
    case stationRevoked(stationID: String)
    case badPublicKey
    /// A task names imagery the hub's media store does not hold.
    case unknownMedia(taskID: String, media: MediaReference)
    case mediaSizeDiffers(taskID: String, named: MediaReference, held: Int)
    /// A course package's practice chip whose bytes are not what its task names.
    case courseChipDamaged(courseID: String, path: String, named: MediaReference, received: MediaReference)

    public var description: String {
        switch self {
        case .noSuchAccount(let username):
            "there is no account named \"\(username)\"; check the spelling"
        case .accountExists(let username):
            "an account named \"\(username)\" already exists; choose another username"
        case .invalidUsername(let problem):
            problem
        case .emptyPassword:
            "the password is empty; choose a password"
        case .unreadablePasswordHash(let username):
            "the stored password of \"\(username)\" cannot be read; an admin must set a new one"
        case .duplicateTask(let projectID, let taskID):
            "task id \"\(taskID)\" is already in project \"\(projectID)\"; give every task its own id"
        case let .taskIDUsedTwice(projectID, taskID, first, second):
            "task id \"\(taskID)\" is given to two tasks of one batch for project \"\(projectID)\" (number \(first + 1) and number \(second + 1)); give every task its own id"
        case .noSuchProject(let projectID):
            "there is no project \"\(projectID)\"; create it first"
        case .projectExists(let projectID):
            "a project with id \"\(projectID)\" already exists; choose another id"
        case .unreadableRow(let table, let problem):
            "a row of table \(table) cannot be read: \(problem)"
        case .stationExists(let stationID):
            "station \"\(stationID)\" is already enrolled; revoke it first (`labeldesk station revoke \(stationID)`) to enrol it again"
        case .noSuchStation(let stationID):
            "the hub knows no station \"\(stationID)\"; `labeldesk station list` shows the stations"
        case .unknownEnrolmentCode:
            "that enrolment code is not valid: it was mistyped or already used; ask the hub's admin for a new one (`labeldesk station add NAME`)"
        case .enrolmentCodeExpired(let stationID):
            "the enrolment code for station \"\(stationID)\" has expired; ask the hub's admin to run `labeldesk station add \(stationID)` again"
        case let .enrolmentCodeOfAnotherStation(presentedBy, holder):
            "the enrolment code presented for station \"\(presentedBy)\" was issued to station \"\(holder)\"; nothing was enrolled: use the code issued to \"\(presentedBy)\""
        case .stationRevoked(let stationID):
            "station \"\(stationID)\" has been revoked at the hub; ask the hub's admin"
        case .badPublicKey:
            "the station's public key is not a 32-byte Ed25519 key"
        case let .unknownMedia(taskID, media):
            "task \"\(taskID)\" names image media \(media.sha256) (\(media.byteCount) bytes), which the hub's media store does not hold; add the chip to the store first (`labeldesk imagery add`), then import the task"
        case let .mediaSizeDiffers(taskID, named, held):
            "task \"\(taskID)\" says image media \(named.sha256) is \(named.byteCount) bytes, and the hub's file with that SHA-256 is \(held) bytes; give the chip's real size in \"bytes\""
        case let .courseChipDamaged(courseID, path, named, received):
            "the practice chip \(courseID)/\(path) arrived damaged: its task names \(named.byteCount) bytes with SHA-256 \(named.sha256.prefix(12))…, and the bytes received are \(received.byteCount) bytes hashing to \(received.sha256.prefix(12))…; nothing of this reply was kept, and the next sync asks for the course again (if it keeps happening, the hub's copy of the course is damaged: publish it again)"
        }
    }
}
