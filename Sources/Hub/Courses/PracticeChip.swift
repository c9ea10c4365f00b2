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
        if let size = pixelSize(ofTIFF: bytes), size.width != image.chip.width || size.height != image.chip.height {
            return .failure(.otherSize(taskID: task.id, path: named, width: size.width, height: size.height, chip: image.chip))
        }
        return .success(found.path)
    }

    /// The width and height of a classic TIFF's first image (a COG's full resolution),
    /// from its first directory's `ImageWidth` and `ImageLength` tags; nil for a BigTIFF
    /// or a directory this cannot read (GDAL has the last word on the station). The
    /// chip's size is what the task's `chip` window and its shapes are checked against.
    static func pixelSize(ofTIFF bytes: Data) -> (width: Int, height: Int)? {
        let data = [UInt8](bytes)
        guard data.count >= 8, data[2] == 0x2a || data[3] == 0x2a else { return nil }
        let little = data[0] == 0x49
        func number(_ offset: Int, _ width: Int) -> Int? {
            guard offset >= 0, offset + width <= data.count else { return nil }
            let slice = data[offset..<offset + width]
            return (little ? slice.reversed() : Array(slice)).reduce(0) { $0 << 8 | Int($1) }
        }
        guard let directory = number(4, 4), let count = number(directory, 2) else { return nil }
        var width: Int?, height: Int?
        for index in 0..<count {
            let entry = directory + 2 + index * 12
            guard let tag = number(entry, 2), let type = number(entry + 2, 2) else { return nil }
            guard tag == 256 || tag == 257 else { continue }
            let value = type == 3 ? number(entry + 8, 2) : type == 4 ? number(entry + 8, 4) : nil
            if tag == 256 { width = value } else { height = value }
        }
        guard let width, let height else { return nil }
        return (width, height)
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
        case otherSize(taskID: String, path: String, width: Int, height: Int, chip: PixelWindow)

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
            case let .otherSize(taskID, path, width, height, chip):
                "the chip \"\(path)\" is \(width) x \(height) pixels, and practice task \"\(taskID)\"'s \"image\" \"chip\" says \(chip.width) x \(chip.height); give the chip's own size there (its shapes are checked against it), or cut both again with Training/tools/make-practice.py"
            }
        }
    }
}
