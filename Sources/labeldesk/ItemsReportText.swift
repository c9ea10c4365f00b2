import Curriculum
import Domain
import Foundation

/// `report items` as a table for people, or CSV and JSON for other tools, with the counts
/// behind every figure.
///
/// Percentages are shown as Moodle's statistics report shows them: facility, standard
/// deviation and random guess score as a share of the question's max mark; the quiz's
/// mean, median, deviation and standard error as a share of the quiz's max mark.
enum ItemsReportText {
    static let columns = [
        "question", "attempts", "max_mark", "facility", "sd", "random_guess", "intended_weight", "effective_weight",
        "discrimination_index", "discriminative_efficiency", "flags",
    ]

    static func fields(_ question: QuestionStatistics) -> [String] {
        [
            question.name, String(question.attempts), number(question.maxMark), fixed(question.facility.map { $0 * 100 }),
            fixed(question.standardDeviationFraction.map { $0 * 100 }), fixed(question.randomGuessScore.map { $0 * 100 }),
            fixed(question.intendedWeight), question.negativeCovariance ? "negative covariance" : fixed(question.effectiveWeight),
            fixed(question.discriminationIndex), fixed(question.discriminativeEfficiency),
            question.flags.map(\.rawValue).joined(separator: " "),
        ]
    }

    static func render(_ analysis: ItemAnalysis, file: MarksFile, name: String, as layout: ReportCommand.Layout) -> String {
        let quiz = analysis.quiz
        let quizFigures: [(String, Double?)] = [
            ("mean", quiz.percentage(quiz.mean)), ("median", quiz.percentage(quiz.median)),
            ("standard_deviation", quiz.percentage(quiz.standardDeviation)), ("skewness", quiz.skewness), ("kurtosis", quiz.kurtosis),
            ("internal_consistency", quiz.internalConsistency), ("error_ratio", quiz.errorRatio),
            ("standard_error", quiz.percentage(quiz.standardError)),
        ]
        switch layout {
        case .csv:
            // One table: a row per question, then the quiz's figures as rows of their own.
            var lines = [columns.joined(separator: ",")]
            lines += analysis.questions.map { fields($0).map(QualityReportText.csvField).joined(separator: ",") }
            lines.append("")
            lines.append("quiz_figure,value")
            lines.append("attempts,\(quiz.attempts)")
            lines.append("questions,\(quiz.questions)")
            lines.append("max_mark,\(number(quiz.maxMark))")
            lines += quizFigures.map { "\($0.0),\(fixed($0.1))" }
            return lines.joined(separator: "\n") + "\n"
        case .json:
            func value(_ figure: Double?) -> JSONValue { figure.map(JSONValue.double) ?? .null }
            let questions: [JSONValue] = analysis.questions.map { question in
                .object([
                    "name": .string(question.name), "attempts": .integer(question.attempts), "maxMark": .double(question.maxMark),
                    "markAverage": .double(question.markAverage), "facility": value(question.facility),
                    "standardDeviation": value(question.standardDeviation), "standardDeviationFraction": value(question.standardDeviationFraction),
                    "randomGuessScore": value(question.randomGuessScore), "intendedWeight": value(question.intendedWeight),
                    "effectiveWeight": value(question.effectiveWeight), "negativeCovariance": .bool(question.negativeCovariance),
                    "discriminationIndex": value(question.discriminationIndex),
                    "discriminativeEfficiency": value(question.discriminativeEfficiency),
                    "flags": .array(question.flags.map { .string($0.rawValue) }),
                ])
            }
            return JSONValue.object([
                "file": .string(name), "layout": .string(file.layout.rawValue),
                "skipped": .array(file.skipped.map { .object(["line": .integer($0.line), "reason": .string($0.reason)]) }),
                "unmarked": .integer(file.unmarked),
                "questions": .array(questions),
                "quiz": .object([
                    "attempts": .integer(quiz.attempts), "questions": .integer(quiz.questions), "maxMark": .double(quiz.maxMark),
                    "mean": value(quiz.mean), "median": value(quiz.median), "standardDeviation": value(quiz.standardDeviation),
                    "skewness": value(quiz.skewness), "kurtosis": value(quiz.kurtosis),
                    "internalConsistency": value(quiz.internalConsistency), "errorRatio": value(quiz.errorRatio),
                    "standardError": value(quiz.standardError),
                ]),
            ]).canonicalText + "\n"
        case .table:
            let headers = ["question", "n", "max", "facility", "sd", "guess", "intended", "effective", "discrim.", "efficiency", "flags"]
            let shown = analysis.questions.map { question in
                let row = fields(question)
                func percent(_ text: String) -> String { text.isEmpty ? "-" : String(format: "%.2f%%", Double(text) ?? 0) }
                return [row[0], row[1], row[2], percent(row[3]), percent(row[4]), percent(row[5]), percent(row[6]),
                        question.negativeCovariance ? "neg. cov." : percent(row[7]), percent(row[8]), percent(row[9]), row[10]]
            }
            let widths = headers.indices.map { column in ([headers] + shown).map { $0[column].count }.max() ?? 0 }
            func line(_ cells: [String]) -> String {
                cells.enumerated().map { index, cell in
                    index == cells.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
                }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
            }
            var text = "\(name): \(quiz.attempts) attempts at \(quiz.questions) questions, out of \(number(quiz.maxMark))"
            text += file.unmarked > 0 ? " (\(file.unmarked) marks were - or waiting for grading, counted 0)\n" : "\n"
            text += ([headers] + shown).map(line).joined(separator: "\n") + "\n\n"
            func shownFigure(_ label: String, _ figure: Double?, percent: Bool) -> String {
                "\(label.padding(toLength: 42, withPad: " ", startingAt: 0))\(figure.map { String(format: percent ? "%.2f%%" : "%.4f", $0) } ?? "-")"
            }
            text += [
                shownFigure("Mean", quiz.percentage(quiz.mean), percent: true),
                shownFigure("Median", quiz.percentage(quiz.median), percent: true),
                shownFigure("Standard deviation", quiz.percentage(quiz.standardDeviation), percent: true),
                shownFigure("Skewness", quiz.skewness, percent: false),
                shownFigure("Kurtosis", quiz.kurtosis, percent: false),
                shownFigure("Internal consistency (Cronbach's alpha)", quiz.internalConsistency, percent: true),
                shownFigure("Error ratio", quiz.errorRatio, percent: true),
                shownFigure("Standard error", quiz.percentage(quiz.standardError), percent: true),
            ].joined(separator: "\n") + "\n"
            let flagged = analysis.questions.filter { !$0.flags.isEmpty }
            if !flagged.isEmpty {
                text += "\n" + flagged.map { "\($0.name): " + $0.flags.map(\.explanation).joined(separator: "; ") }.joined(separator: "\n") + "\n"
            }
            if !file.skipped.isEmpty {
                text += "\nNot counted: " + file.skipped.map { "line \($0.line) (\($0.reason))" }.joined(separator: ", ") + "\n"
            }
            return text
        }
    }

    static func fixed(_ value: Double?) -> String { value.map { String(format: "%.4f", $0) } ?? "" }

    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
