import Domain
import Foundation
import Interchange

/// Reads the demo's real data sets into tasks, leaving their answer keys out.
///
/// PandaLM's three human preferences and Self-Instruct's reference outputs are answer
/// keys: they stay out of the tasks, so they never reach the station (the golden-items
/// work will load them at the hub). WNUT-17's tags are read the same way, and dropped.
enum DemoTexts {
    struct Unreadable: Error, CustomStringConvertible {
        var description: String
    }

    /// One task per WNUT-17 sentence: its tokens joined by spaces, tags left out.
    static func sentences(conll file: URL, project: Project) throws -> [LabelTask] {
        let records = try CoNLLFormat.read(try Data(contentsOf: file), fileName: file.lastPathComponent, project: project)
        return records.map { record in
            var task = record.task
            task.meta = #"{"source":"WNUT-17 dev"}"#
            return task
        }
    }

    /// One task per PandaLM item: instruction (and input) as the prompt, the two responses.
    static func comparisons(pandaLM file: URL, project: Project) throws -> [LabelTask] {
        guard case .array(let items) = try JSONValue.parse(String(decoding: try Data(contentsOf: file), as: UTF8.self)) else {
            throw Unreadable(description: "\(file.lastPathComponent) is not a JSON array of items")
        }
        return items.enumerated().compactMap { index, item -> LabelTask? in
            guard let instruction = item["instruction"]?.stringValue else { return nil }
            let input = item["input"]?.stringValue ?? ""
            // Six responses are JSON `true`, not text: shown as what they are.
            func response(_ key: String) -> String {
                guard let value = item[key] else { return "" }
                return value.stringValue ?? value.canonicalText
            }
            return LabelTask(
                id: String(format: "pandalm-%04d", index), projectID: project.id,
                text: input.isEmpty ? instruction : instruction + "\n\n" + input, marking: .unclassified,
                meta: #"{"models":"\#(item["cmp_key"]?.stringValue ?? "")","source":"PandaLM testset-v1"}"#,
                responses: [response("response1"), response("response2")])
        }
    }

    /// One task per Self-Instruct instruction: the instruction and its first input.
    static func instructions(selfInstruct file: URL, project: Project) throws -> [LabelTask] {
        let text = String(decoding: try Data(contentsOf: file), as: UTF8.self)
        return try text.split(separator: "\n").enumerated().map { index, line in
            let item = try JSONValue.parse(String(line))
            let instruction = item["instruction"]?.stringValue ?? ""
            let input = item["instances"]?.arrayValue?.first?["input"]?.stringValue ?? ""
            return LabelTask(
                id: item["id"]?.stringValue ?? String(format: "self-instruct-%03d", index), projectID: project.id,
                text: input.isEmpty ? instruction : instruction + "\n\n" + input, marking: .unclassified,
                meta: #"{"source":"Self-Instruct user-oriented"}"#)
        }
    }
}
