import Domain
import Foundation
import Hub
import Imagery
import Interchange

/// `labeldesk import` of a chip list: JSONL lines that name an image file, and
/// optionally the window of it to label, instead of a chip already in the store.
///
/// Each named file is opened once and its windows cut as `imagery add` cuts a scene
/// (a COG chip with a margin of context, georeferencing and the file's security
/// fields kept), into the hub's media store. The task is marked at least as the file
/// is, its `meta` keeps the file's control and release fields, and its shapes (given in
/// the file's pixels, as the window is) move into the chip's pixels and are checked
/// there. Any problem names the line; nothing is imported until every line is right.
public enum ChipListImport {
    /// The records with every named image cut into a chip and stored, ready for
    /// `Hub.importRecords`; records that need nothing come back as they were.
    ///
    /// `folder` is the list's own folder: relative image paths are read from there.
    public static func resolve(
        _ records: [InterchangeRecord], folder: URL, fileName: String, project: Project, hub: Hub,
        margin: Int = 128, now: Date, progress: (String) -> Void = { _ in }
    ) throws -> [InterchangeRecord] {
        var byFile: [String: [Int]] = [:]
        var files: [String] = []
        for (index, record) in records.enumerated() {
            guard let source = record.imageSource else { continue }
            let path = source.path.hasPrefix("/") ? source.path : folder.appendingPathComponent(source.path).standardizedFileURL.path
            if byFile[path] == nil { files.append(path) }
            byFile[path, default: []].append(index)
        }
        guard !files.isEmpty else { return records }
        let chipper = SceneChipper(layout: try ChipLayout(chipSize: 1024, overlap: 0, margin: margin))
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("labeldesk-chip-list-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        var resolved = records
        for (number, path) in files.enumerated() {
            let indices = byFile[path] ?? []
            func refuse(_ index: Int, _ problem: String) -> InterchangeError {
                InterchangeError(fileName: fileName, location: .line(records[index].imageSource?.line ?? 0), problem: problem)
            }
            let info: RasterInfo
            do {
                info = try Raster.open(path).info
            } catch {
                throw refuse(indices[0], "image \"\(records[indices[0]].imageSource?.path ?? path)\" cannot be read: \(error)")
            }
            let bounds = PixelWindow(x: 0, y: 0, width: info.width, height: info.height)
            var foci: [PixelWindow] = []
            for index in indices {
                let focus = records[index].imageSource?.window ?? bounds
                guard focus.x + focus.width <= info.width, focus.y + focus.height <= info.height else {
                    throw refuse(index, "\"window\" [\(focus.x), \(focus.y), \(focus.width), \(focus.height)] runs past the image, which is \(info.width) x \(info.height) pixels; keep it inside")
                }
                foci.append(focus)
            }
            progress("cutting \(foci.count) \(foci.count == 1 ? "chip" : "chips") from \(URL(fileURLWithPath: path).lastPathComponent) (\(number + 1) of \(files.count) files)")
            let chips = try chipper.chip(path, foci: foci, into: scratch.appendingPathComponent("\(number)").path)
            let marking = info.security.marking
            let security = info.security.metaMembers
            for (index, chip) in zip(indices, chips) {
                let media = try hub.storeMedia(fileAt: URL(fileURLWithPath: chip.path), now: now)
                var record = records[index]
                let image = TaskImage(media: media, scene: URL(fileURLWithPath: path).lastPathComponent, chip: chip.window, focus: chip.focus)
                record.task.image = image
                record.task.marking = Marking.highest([record.task.marking, marking])
                if !security.isEmpty { record.task.meta = try withSecurityFields(security, in: record.task.meta) }
                let dx = -Double(chip.window.x), dy = -Double(chip.window.y)
                let size = ChipSize(image)
                for (position, prediction) in record.task.predictions.enumerated() {
                    record.task.predictions[position].answer = prediction.answer.translated(x: dx, y: dy)
                    if let problem = project.answerProblem(record.task.predictions[position].answer, isSkip: false, textLength: nil, chip: size) {
                        throw refuse(index, "prediction \(position + 1): \(problem)")
                    }
                }
                for (position, annotation) in record.annotations.enumerated() {
                    record.annotations[position].answer = annotation.answer.translated(x: dx, y: dy)
                    if let problem = project.answerProblem(
                        record.annotations[position].answer, isSkip: annotation.skipReason != nil, textLength: nil, chip: size) {
                        throw refuse(index, "annotation \(position + 1): \(problem)")
                    }
                }
                record.imageSource = nil
                resolved[index] = record
            }
        }
        return resolved
    }

    /// The line's own `meta` with the file's security fields (`NITF_FSCTLH`...) added;
    /// the file's fields win over a line's member of the same name, so the task keeps
    /// exactly what the file says.
    static func withSecurityFields(_ fields: [String: JSONValue], in meta: String?) throws -> String {
        guard let meta else { return JSONValue.object(fields).canonicalText }
        guard case .object(let members) = try JSONValue.parse(meta) else { return JSONValue.object(fields).canonicalText }
        return JSONValue.object(members.merging(fields) { _, file in file }).canonicalText
    }
}
