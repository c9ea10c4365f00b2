import Curriculum
import Domain
import Foundation
import Store

/// A geo practice task's chip: the GeoTIFF in the course folder that its `image` names.
///
/// A course package carries its chips as files, and the task file names each by the
/// path (`meta.chip`, relative to the task file's folder) and by the SHA-256 and size of
/// its bytes (`image.media`, `image.bytes`, as a leased task's `TaskImage` has them), so
/// the course's version pins the very bytes, and a station can check what it installs
/// against a hash that did not come with the bytes. This reads the file and checks it;
/// every problem is one sentence saying what to do.
enum PracticeChip {
    /// The chip's path inside the course folder, or the sentence saying what is wrong.
    static func check(_ task: LabelTask, image: TaskImage, file: CourseFolder.PracticeFile) -> Result<String, Problem> {
        guard let named = chipName(of: task) else { return .failure(.unnamed(taskID: task.id)) }
        guard let found = file(named) else { return .failure(.outside(taskID: task.id, path: named)) }
        guard let bytes = found.bytes else { return .failure(.missing(taskID: task.id, path: named)) }
        guard isTIFF(bytes) else { return .failure(.notTIFF(taskID: task.id, path: named)) }
        let held = MediaReference(sha256: MediaHash.sha256(bytes), byteCount: bytes.count)
        guard held == image.media else { return .failure(.differs(taskID: task.id, path: named, named: image.media, held: held)) }
        return .success(found.path)
    }

    /// `meta.chip`, when the task's meta is an object holding a string there.
    static func chipName(of task: LabelTask) -> String? {
        guard let meta = task.meta, case .object(let fields)? = try? JSONValue.parse(meta),
              let name = fields["chip"]?.stringValue, !name.allSatisfy(\.isWhitespace) else { return nil }
        return name
    }

    /// Whether the bytes open as a TIFF (classic or BigTIFF, either byte order): all the
    /// hub can check of a chip without GDAL, and what catches a PNG or a text file
    /// saved under a chip's name, or an empty file.
    static func isTIFF(_ bytes: Data) -> Bool {
        let head = [UInt8](bytes.prefix(4))
        return head == [0x49, 0x49, 0x2a, 0x00] || head == [0x4d, 0x4d, 0x00, 0x2a]
            || head == [0x49, 0x49, 0x2b, 0x00] || head == [0x4d, 0x4d, 0x00, 0x2b]
    }

    enum Problem: Error, CustomStringConvertible {
        case unnamed(taskID: String)
        case outside(taskID: String, path: String)
        case missing(taskID: String, path: String)
        case notTIFF(taskID: String, path: String)
        case differs(taskID: String, path: String, named: MediaReference, held: MediaReference)

        var description: String {
            switch self {
            case .unnamed(let taskID):
                "practice task \"\(taskID)\" names no chip file; add \"chip\": \"chips/NAME.tif\" to its \"meta\" (the chip's path from this file's folder), or cut it with Training/tools/make-practice.py, which writes both"
            case let .outside(taskID, path):
                "the chip \"\(path)\" of practice task \"\(taskID)\" is outside the course folder; put the chip inside it (like practice/chips/) and name it from this file's folder"
            case let .missing(taskID, path):
                "the chip \"\(path)\" of practice task \"\(taskID)\" is not in the course folder or cannot be read; cut it with Training/tools/make-practice.py, or correct \"meta\".\"chip\""
            case let .notTIFF(taskID, path):
                "the chip \"\(path)\" of practice task \"\(taskID)\" is not a GeoTIFF (it does not start as a TIFF file does); cut it again with Training/tools/make-practice.py"
            case let .differs(taskID, path, named, held):
                "the chip \"\(path)\" is not the one practice task \"\(taskID)\" names: the file is \(held.byteCount) bytes with SHA-256 \(held.sha256), the task's \"image\" says \(named.byteCount) bytes with \(named.sha256); cut the chip again with Training/tools/make-practice.py (it writes both), or give the file's hash and size in \"media\" and \"bytes\""
            }
        }
    }
}
