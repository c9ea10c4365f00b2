import Domain
import Foundation
import Hub

/// `report quality` as a table for people, or CSV and JSON for other tools, each with
/// the counts behind every figure.
enum QualityReportText {
    static let columns = [
        "person", "scored", "credit", "correct", "accuracy", "lower95", "upper95", "standing", "awaiting_review", "skipped",
        "seconds_per_item", "errors", "gold_median_s", "other_median_s", "fast_answers", "answers",
    ]

    static func fields(_ person: PersonQuality, _ policy: GoldPolicy, _ pace: QualityReport.Pace?) -> [String] {
        let interval = person.interval
        let answered = person.scored + person.awaitingReview + person.skipped
        func fixed(_ value: Double) -> String { String(format: "%.4f", value) }
        return [
            person.username, String(person.scored), fixed(person.credit), String(person.correct),
            person.accuracy.map(fixed) ?? "", person.scored > 0 ? fixed(interval.lower) : "", person.scored > 0 ? fixed(interval.upper) : "",
            person.standing(under: policy).rawValue, String(person.awaitingReview), String(person.skipped),
            answered > 0 ? String(format: "%.1f", person.goldSeconds / Double(answered)) : "",
            errorText(person.errors),
            pace?.goldMedianSeconds.map { String(format: "%.1f", $0) } ?? "", pace?.otherMedianSeconds.map { String(format: "%.1f", $0) } ?? "",
            pace.map { String($0.fast) } ?? "", pace.map { String($0.answers) } ?? "",
        ]
    }

    static func errorText(_ errors: [GoldErrorClass: Int]) -> String {
        errors.sorted { ($0.value, $1.key.rawValue) > ($1.value, $0.key.rawValue) }.map { "\($0.key.rawValue) \($0.value)" }.joined(separator: "; ")
    }

    static func render(_ report: QualityReport, as layout: ReportCommand.Layout) -> String {
        let rows = report.people.map { fields($0, report.policy, report.pace[$0.username]) }
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
                if let pace = report.pace[person.username] {
                    var paceMembers: [String: JSONValue] = ["fastAnswers": .integer(pace.fast), "answers": .integer(pace.answers)]
                    if let gold = pace.goldMedianSeconds { paceMembers["goldMedianSeconds"] = .double(gold) }
                    if let other = pace.otherMedianSeconds { paceMembers["otherMedianSeconds"] = .double(other) }
                    members["pace"] = .object(paceMembers)
                }
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
            let headers = ["person", "scored", "accuracy", "95% interval", "standing", "review", "skipped", "gold s", "other s", "fast", "errors"]
            let shown = rows.map { row in
                [row[0], row[1], row[4].isEmpty ? "-" : percent(row[4]), row[5].isEmpty ? "-" : percent(row[5]) + "-" + percent(row[6]), row[7], row[8], row[9],
                 row[12].isEmpty ? "-" : row[12], row[13].isEmpty ? "-" : row[13], row[14] + "/" + row[15], row[11]]
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

    static func render(_ report: ErrorReport, as layout: ReportCommand.Layout, top: Int) -> String {
        let missed = Array(report.missed.prefix(top))
        func share(_ credit: Double, _ count: Int) -> Double { count == 0 ? 0 : credit / Double(count) }
        func wrongText(_ item: ErrorReport.MissedItem) -> String { item.wrongAnswers.map { "\($0.answer) x\($0.count)" }.joined(separator: "; ") }
        switch layout {
        case .json:
            var members: [String: JSONValue] = [
                "project": .string(report.project.id),
                "errorClasses": .object(report.errorClasses.reduce(into: [:]) { $0[$1.key.rawValue] = .integer($1.value) }),
                "missed": .array(missed.map { item in
                    .object([
                        "gold": .string(item.goldID), "key": .string(item.key), "answered": .integer(item.answered), "credit": .double(item.credit),
                        "wrongAnswers": .array(item.wrongAnswers.map { .object(["answer": .string($0.answer), "count": .integer($0.count)]) }),
                    ])
                }),
                "weakSpots": .array(report.weakSpots.map { spot in
                    .object([
                        "person": .string(spot.username), "what": .string(spot.what), "items": .integer(spot.items), "credit": .double(spot.credit),
                        "interval95": .array([.double(spot.interval.lower), .double(spot.interval.upper)]),
                    ])
                }),
            ]
            func matrix(_ confusion: ConfusionMatrix) -> JSONValue {
                .object(["labels": .array(confusion.labels.map(JSONValue.string)), "counts": .array(confusion.counts.map(JSONValue.integer))])
            }
            if let confusion = report.confusion {
                members["confusion"] = matrix(confusion)
                members["confusionByPerson"] = .object(report.confusionByPerson.mapValues(matrix))
            }
            return JSONValue.object(members).canonicalText + "\n"
        case .csv:
            var rows: [[String]] = [["section", "person", "key", "given", "count", "items", "credit", "lower95", "upper95", "wrong_answers"]]
            if let confusion = report.confusion {
                for expected in confusion.labels {
                    for given in confusion.labels { rows.append(["confusion", "", expected, given, String(confusion.count(expected: expected, given: given)), "", "", "", "", ""]) }
                }
                for (person, matrix) in report.confusionByPerson.sorted(by: { $0.key < $1.key }) {
                    for expected in matrix.labels {
                        for given in matrix.labels { rows.append(["confusion", person, expected, given, String(matrix.count(expected: expected, given: given)), "", "", "", "", ""]) }
                    }
                }
            }
            for (errorClass, count) in report.errorClasses.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                rows.append(["error class", "", errorClass.rawValue, "", String(count), "", "", "", "", ""])
            }
            for item in missed {
                rows.append(["missed", "", item.key, item.goldID, "", String(item.answered), String(format: "%.4f", item.credit), "", "", wrongText(item)])
            }
            for spot in report.weakSpots {
                rows.append(["weak spot", spot.username, spot.what, "", "", String(spot.items), String(format: "%.4f", spot.credit),
                             String(format: "%.4f", spot.interval.lower), String(format: "%.4f", spot.interval.upper), ""])
            }
            return rows.map { $0.map(csvField).joined(separator: ",") }.joined(separator: "\n") + "\n"
        case .table:
            var text = ""
            if let confusion = report.confusion, confusion.counts.contains(where: { $0 > 0 }) {
                text += "Confusion on gold (rows: the key's label, columns: the label given):\n"
                let width = max(8, (confusion.labels.map(\.count).max() ?? 0) + 2)
                func cell(_ text: String) -> String { String(repeating: " ", count: max(0, width - text.count)) + text }
                text += "".padding(toLength: width, withPad: " ", startingAt: 0) + confusion.labels.map(cell).joined() + "\n"
                for expected in confusion.labels {
                    text += expected.padding(toLength: width, withPad: " ", startingAt: 0)
                        + confusion.labels.map { cell(String(confusion.count(expected: expected, given: $0))) }.joined() + "\n"
                }
                text += "\n"
            }
            if report.errorClasses.isEmpty {
                text += "No errors on gold yet.\n"
            } else {
                text += "Errors by class: " + errorText(report.errorClasses) + "\n"
            }
            if !missed.isEmpty {
                text += "\nGold items most missed:\n"
                for item in missed {
                    text += String(format: "  %@  key %@  answered %d, %.0f%% credit; wrong: %@\n", item.goldID, item.key, item.answered,
                                   share(item.credit, item.answered) * 100, wrongText(item))
                }
            }
            if !report.weakSpots.isEmpty {
                text += String(format: "\nWeak spots (%d+ items, 95%% interval below the warn threshold of %.0f%%):\n", ErrorReport.minimumItems, report.policy.warnBelow * 100)
                for spot in report.weakSpots {
                    text += String(format: "  %@: %@, %d items, %.0f%% (95%% %.0f-%.0f%%)\n", spot.username, spot.what, spot.items,
                                   share(spot.credit, spot.items) * 100, spot.interval.lower * 100, spot.interval.upper * 100)
                }
            }
            return text
        }
    }

    static func figure(_ value: Double?) -> String { value.map { String(format: "%.4f", $0) } ?? "" }

    static func render(_ report: AgreementReport, as layout: ReportCommand.Layout) -> String {
        switch layout {
        case .json:
            var members: [String: JSONValue] = [
                "project": .string(report.project.id), "tasks": .integer(report.tasks), "labels": .integer(report.labels),
                "pairMeasure": .string(report.pairMeasure), "notes": .array(report.notes.map(JSONValue.string)),
                "pairs": .array(report.pairs.map { pair in
                    var item: [String: JSONValue] = ["first": .string(pair.first), "second": .string(pair.second), "shared": .integer(pair.shared)]
                    if let value = pair.value { item["value"] = .double(value) }
                    return .object(item)
                }),
            ]
            if let alpha = report.alpha { members["krippendorffAlpha"] = .double(alpha) }
            if let fleiss = report.fleiss { members["fleissKappa"] = .double(fleiss) }
            if !report.ratings.isEmpty {
                members["ratings"] = .array(report.ratings.map { rating in
                    var item: [String: JSONValue] = [
                        "dimension": .string(rating.dimension), "units": .integer(rating.units), "ratings": .integer(rating.ratings),
                    ]
                    if let ordinal = rating.ordinal { item["ordinalAlpha"] = .double(ordinal) }
                    if let interval = rating.interval { item["intervalAlpha"] = .double(interval) }
                    return .object(item)
                })
            }
            return JSONValue.object(members).canonicalText + "\n"
        case .csv:
            var rows = [["measure", "first", "second", "shared", "value"]]
            rows.append(["krippendorff alpha", "", "", String(report.tasks), figure(report.alpha)])
            rows.append(["fleiss kappa", "", "", String(report.tasks), figure(report.fleiss)])
            for pair in report.pairs { rows.append([report.pairMeasure, pair.first, pair.second, String(pair.shared), figure(pair.value)]) }
            for rating in report.ratings {
                rows.append(["krippendorff alpha ordinal: \(rating.dimension)", "", "", String(rating.units), figure(rating.ordinal)])
                rows.append(["krippendorff alpha interval: \(rating.dimension)", "", "", String(rating.units), figure(rating.interval)])
            }
            return rows.map { $0.map(csvField).joined(separator: ",") }.joined(separator: "\n") + "\n"
        case .table:
            var text = "\(report.tasks) tasks labelled by two people or more (\(report.labels) labels)\n"
            if report.tasks > 0 {
                text += "Krippendorff's alpha (nominal): \(figure(report.alpha).isEmpty ? "-" : figure(report.alpha))\n"
                text += "Fleiss' kappa: \(figure(report.fleiss).isEmpty ? "-" : figure(report.fleiss))\n"
            }
            for rating in report.ratings {
                func shown(_ value: Double?) -> String { figure(value).isEmpty ? "-" : figure(value) }
                text += "Ratings of \(rating.dimension) (\(rating.units) responses, \(rating.ratings) ratings): "
                    + "Krippendorff's alpha ordinal \(shown(rating.ordinal)), interval \(shown(rating.interval))\n"
            }
            if !report.pairs.isEmpty {
                text += "\(report.pairMeasure) per pair:\n"
                for pair in report.pairs {
                    text += "  \(pair.first) and \(pair.second): \(figure(pair.value).isEmpty ? "-" : figure(pair.value)) on \(pair.shared) shared tasks\n"
                }
            }
            for note in report.notes { text += "(\(note))\n" }
            return text
        }
    }

    static func render(_ report: ConsensusReport, as layout: ReportCommand.Layout) -> String {
        switch layout {
        case .json:
            return JSONValue.object([
                "project": .string(report.project.id), "method": .string(report.method.rawValue), "goldAnchors": .integer(report.anchors),
                "tasks": .array(report.rows.map { row in
                    var item: [String: JSONValue] = ["task": .string(row.taskID), "votes": .integer(row.votes)]
                    if let label = row.label { item["label"] = .string(label) }
                    if let confidence = row.confidence { item["confidence"] = .double(confidence) }
                    return .object(item)
                }),
            ]).canonicalText + "\n"
        case .csv, .table:
            let separator = layout == .csv ? "," : "\t"
            var lines = [["task", "label", "confidence", "votes"].joined(separator: separator)]
            for row in report.rows {
                let fields = [row.taskID, row.label ?? "", figure(row.confidence), String(row.votes)]
                lines.append((layout == .csv ? fields.map(csvField) : fields).joined(separator: separator))
            }
            return lines.joined(separator: "\n") + "\n"
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
