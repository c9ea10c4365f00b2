import Domain
import Foundation
import Hub

/// `report quality` as a table for people, or CSV and JSON for other tools, each with
/// the counts behind every figure.
enum QualityReportText {
    static let columns = [
        "person", "scored", "credit", "correct", "accuracy", "lower95", "upper95", "standing", "awaiting_review", "skipped",
        "seconds_per_item", "errors",
    ]

    static func fields(_ person: PersonQuality, _ policy: GoldPolicy) -> [String] {
        let interval = person.interval
        let answered = person.scored + person.awaitingReview + person.skipped
        func fixed(_ value: Double) -> String { String(format: "%.4f", value) }
        return [
            person.username, String(person.scored), fixed(person.credit), String(person.correct),
            person.accuracy.map(fixed) ?? "", person.scored > 0 ? fixed(interval.lower) : "", person.scored > 0 ? fixed(interval.upper) : "",
            person.standing(under: policy).rawValue, String(person.awaitingReview), String(person.skipped),
            answered > 0 ? String(format: "%.1f", person.goldSeconds / Double(answered)) : "",
            errorText(person.errors),
        ]
    }

    static func errorText(_ errors: [GoldErrorClass: Int]) -> String {
        errors.sorted { ($0.value, $1.key.rawValue) > ($1.value, $0.key.rawValue) }.map { "\($0.key.rawValue) \($0.value)" }.joined(separator: "; ")
    }

    static func render(_ report: QualityReport, as layout: ReportCommand.Layout) -> String {
        let rows = report.people.map { fields($0, report.policy) }
        switch layout {
        case .csv:
            return ([columns] + rows).map { $0.map(csvField).joined(separator: ",") }.joined(separator: "\n") + "\n"
        case .json:
            let people: [JSONValue] = report.people.map { person in
                let interval = person.interval
                var members: [String: JSONValue] = [
                    "person": .string(person.username), "scored": .integer(person.scored), "credit": .double(person.credit),
                    "correct": .integer(person.correct), "standing": .string(person.standing(under: report.policy).rawValue),
                    "awaitingReview": .integer(person.awaitingReview), "skipped": .integer(person.skipped),
                    "goldSeconds": .double(person.goldSeconds),
                    "errors": .object(person.errors.reduce(into: [:]) { $0[$1.key.rawValue] = .integer($1.value) }),
                ]
                if let accuracy = person.accuracy {
                    members["accuracy"] = .double(accuracy)
                    members["interval95"] = .array([.double(interval.lower), .double(interval.upper)])
                }
                if let reason = person.reason(under: report.policy) { members["reason"] = .string(reason) }
                return .object(members)
            }
            let policy = report.policy
            return JSONValue.object([
                "project": .string(report.project.id),
                "policy": .object([
                    "rate": .double(policy.rate), "onboarding": .integer(policy.onboarding), "provenRate": .double(policy.provenRate),
                    "minimumGold": .integer(policy.minimumGold), "warnBelow": .double(policy.warnBelow), "pauseBelow": .double(policy.pauseBelow),
                ]),
                "people": .array(people),
            ]).canonicalText + "\n"
        case .table:
            guard !rows.isEmpty else { return "No gold answers in \(report.project.id) yet.\n" }
            let headers = ["person", "scored", "accuracy", "95% interval", "standing", "review", "skipped", "s/item", "errors"]
            let shown = rows.map { row in
                [row[0], row[1], row[4].isEmpty ? "-" : percent(row[4]), row[5].isEmpty ? "-" : percent(row[5]) + "-" + percent(row[6]), row[7], row[8], row[9], row[10], row[11]]
            }
            let widths = headers.indices.map { column in ([headers] + shown).map { $0[column].count }.max() ?? 0 }
            func line(_ cells: [String]) -> String {
                cells.enumerated().map { index, cell in
                    index == cells.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
                }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
            }
            var text = ([headers] + shown).map(line).joined(separator: "\n") + "\n"
            for person in report.people {
                if let reason = person.reason(under: report.policy) { text += "\(person.username) \(reason)\n" }
            }
            return text
        }
    }

    static func percent(_ text: String) -> String {
        guard let value = Double(text) else { return text }
        return String(format: "%.1f%%", value * 100)
    }

    static func csvField(_ text: String) -> String {
        text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }
}
