import Curriculum
import Domain
import Foundation
import Hub
import Store

/// `report training` as text for a trainer at 80 columns, as CSV blocks (each row led
/// by its section's name, each block with its own header row) and as JSON, with the
/// counts behind every figure.
enum TrainingReportText {
    static func render(_ report: TrainingReport, as layout: ReportCommand.Layout) -> String {
        switch layout {
        case .table: table(report)
        case .csv: csv(report)
        case .json: json(report).canonicalText + "\n"
        }
    }

    // MARK: Figures every layout shares

    struct Summary {
        var assigned = 0, started = 0, passed = 0, failed = 0, overdue = 0, awaitingTrainer = 0
    }

    static func summary(_ report: TrainingReport) -> Summary {
        var summary = Summary()
        for person in report.status.people {
            if person.assignment != nil { summary.assigned += 1 }
            if person.hasStarted { summary.started += 1 }
            if person.state.isPassed { summary.passed += 1 }
            if hasFailed(person) { summary.failed += 1 }
            if person.isOverdue { summary.overdue += 1 }
        }
        summary.awaitingTrainer = report.status.awaitingTrainer.count
        return summary
    }

    /// Not passed, with an attempt that counts and is marked.
    static func hasFailed(_ person: CourseStatusReport.Person) -> Bool {
        guard !person.state.isPassed, person.hasStarted else { return false }
        if case .awaitingTrainer = person.state { return false }
        return true
    }

    static func how(_ assignment: CourseAssignment?) -> String {
        switch assignment?.reason {
        case nil: "unassigned"
        case .assigned(let by, let cohort?): "\(by), cohort \(cohort)"
        case .assigned(let by, nil): "by \(by)"
        case .remediation(_, let trigger, _): "remediation: \(trigger)"
        }
    }

    static func state(_ person: CourseStatusReport.Person) -> String {
        switch person.state {
        case .passed: "passed"
        case .open: person.hasStarted ? "failed, may retry" : "not started"
        case .waiting(let until): "failed, retry \(shortTime(until))"
        case .outOfAttempts: "failed, no tries left"
        case .awaitingTrainer: "awaiting trainer"
        case .locked(let behind): "locked: " + behind.joined(separator: ", ")
        }
    }

    static func day(_ date: Date) -> String { format(date, "yyyy-MM-dd") }
    static func shortTime(_ date: Date) -> String { format(date, "MM-dd HH:mm") }
    static func time(_ date: Date) -> String { format(date, "yyyy-MM-dd HH:mm:ss 'UTC'") }

    static func format(_ date: Date, _ pattern: String) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = pattern
        return formatter.string(from: date)
    }

    static func percent(_ share: Double?) -> String { share.map { String(format: "%.0f%%", $0 * 100) } ?? "-" }
    /// A difference of shares in percentage points, signed.
    static func points(_ value: Double?) -> String { value.map { String(format: "%+.0f", $0 * 100) } ?? "-" }
    static func fixed(_ value: Double?) -> String { value.map { String(format: "%.4f", $0) } ?? "" }

    /// A cell cut to `width` characters, the cut marked with an ellipsis.
    static func cut(_ text: String, _ width: Int) -> String {
        text.count <= width ? text : String(text.prefix(width - 1)) + "…"
    }

    static func counted(_ stored: StoredAttempt) -> String { stored.counted ? "counted" : "not counted" }
    static func result(_ stored: StoredAttempt) -> String { stored.awaitingTrainer ? "awaiting trainer" : (stored.passed ? "passed" : "failed") }

    // MARK: Table

    static func table(_ report: TrainingReport) -> String {
        let status = report.status
        var text = "\(status.courseID): \(status.title) (version \(status.version)), pass mark \(percent(status.passMark)), "
            + (status.attemptsAllowed.map { "\($0) attempts" } ?? "unlimited attempts") + "\n"
        let counts = summary(report)
        text += "\(counts.assigned) assigned, \(counts.started) started, \(counts.passed) passed, \(counts.failed) failed, \(counts.overdue) overdue"
            + (counts.awaitingTrainer > 0 ? ", \(counts.awaitingTrainer) attempts awaiting a trainer" : "") + "\n"

        text += "\nPeople\n"
        if status.people.isEmpty {
            text += "  Nobody is assigned \(status.courseID) or has attempted it; labeldesk course assign \(status.courseID) --to USER assigns it.\n"
        } else {
            let rows = status.people.map { person in
                [cut(person.username, 12), cut(how(person.assignment), 24), person.assignment?.dueAt.map(day) ?? "-", state(person),
                 String(person.attemptsUsed) + (status.attemptsAllowed.map { "/\($0)" } ?? ""), percent(person.bestShare), person.isOverdue ? "OVERDUE" : ""]
            }
            text += indented(TextTable.render([["person", "assigned", "due", "state", "tries", "best", ""]] + rows))
        }

        text += "\nAttempts\n"
        if report.attempts.isEmpty {
            text += "  None yet.\n"
        } else {
            text += indented(TextTable.render([["person", "finished", "mark", "result", ""]] + report.attempts.map { stored in
                [cut(stored.attempt.username, 12), format(stored.attempt.finishedAt, "yyyy-MM-dd HH:mm"),
                 String(format: "%.0f%% of %@", stored.share * 100, ItemsReportText.number(stored.outOf)), result(stored), stored.counted ? "" : "not counted"]
            }))
        }

        text += "\nRemediations\n"
        if report.remediations.isEmpty {
            text += "  None.\n"
        } else {
            text += indented(TextTable.render([["person", "project", "trigger", "assigned", "cleared"]] + report.remediations.map { row in
                guard case .remediation(let projectID, let trigger, _) = row.assignment.reason else { return [] }
                return [cut(row.username, 12), cut(projectID, 14), cut(trigger, 24), day(row.assignment.assignedAt), row.clearedAt.map(day) ?? "open"]
            }))
            for reset in report.resets {
                text += "  \(reset.username): fresh start on \(reset.projectID)'s gold from \(format(reset.at, "yyyy-MM-dd HH:mm")) "
                    + "(set aside \(reset.scored) scored items at \(percent(reset.scored > 0 ? reset.credit / Double(reset.scored) : nil)))\n"
            }
        }

        text += "\nItems\n"
        text += itemsTable(report)

        text += "\nLessons (gold accuracy in the \(report.window) gold items before and after a first reading, from "
            + report.goldProjects.joined(separator: ", ") + ")\n"
        text += indented(TextTable.render([["lesson", "readers", "before", "after", "change", "95% interval", "paired"]] + report.efficacy.map { lesson in
            let change = lesson.change
            let interval = change.lower.map { "\(points($0)) to \(points(change.upper))" } ?? "-"
            return [cut(lesson.lesson, 26), String(lesson.readers.count), share(lesson.before), share(lesson.after), points(change.mean), interval, String(change.count)]
        }))
        text += "  before and after: accuracy of the pooled items, of how many; change: mean of each reader's after less before,\n"
        text += "  in percentage points, with the paired t interval over the readers with items on both sides\n"

        if !report.variants.isEmpty {
            text += "\nLesson versions (gold accuracy after reading; second less first, Newcombe 95% interval)\n"
            for comparison in report.variants {
                text += "  \(comparison.lesson)\n"
                text += indented(TextTable.render([
                    ["", cut(comparison.first.file, 30), "\(comparison.first.readers) readers", share(comparison.first.interval), wilsonText(comparison.first.interval)],
                    ["", cut(comparison.second.file, 30), "\(comparison.second.readers) readers", share(comparison.second.interval), wilsonText(comparison.second.interval)],
                ]))
                if let difference = comparison.difference {
                    text += "    difference \(points(difference.difference)) points (95% \(points(difference.lower)) to \(points(difference.upper)))\n"
                } else {
                    text += "    no difference yet: each version needs gold answered after reading it\n"
                }
            }
        }
        return text
    }

    static func share(_ interval: WilsonInterval) -> String {
        interval.trials == 0 ? "-" : "\(percent(interval.proportion)) of \(interval.trials)"
    }

    static func wilsonText(_ interval: WilsonInterval) -> String {
        interval.trials == 0 ? "" : "(95% \(percent(interval.lower))-\(percent(interval.upper)))"
    }

    static func indented(_ table: String) -> String {
        table.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "  " + $0 }.joined(separator: "\n")
    }

    static func itemsTable(_ report: TrainingReport) -> String {
        guard let items = report.items else { return "  No counted attempts at this version yet.\n" }
        let analysis = items.analysis, quiz = analysis.quiz
        var text = "  \(quiz.attempts) counted attempts at version \(report.status.version), \(quiz.questions) items of 1 mark"
            + (items.leftOut > 0 ? "; \(items.leftOut) attempts left out (not counted, or another version)" : "") + "\n"
        let rows = analysis.questions.map { question in
            [question.name, cut(items.titles[question.name] ?? "", 24), percent(question.facility), percent(question.standardDeviationFraction),
             question.discriminationIndex.map { String(format: "%.0f", $0) } ?? "-",
             question.discriminativeEfficiency.map { String(format: "%.0f", $0) } ?? "-",
             question.flags.map(\.rawValue).joined(separator: " ")]
        }
        text += indented(TextTable.render([["item", "title", "facility", "sd", "discr.", "effic.", "flags"]] + rows))
        text += String(
            format: "  mean %@, median %@, sd %@; Cronbach's alpha %@, error ratio %@, standard error %@\n",
            quizPercent(quiz.percentage(quiz.mean)), quizPercent(quiz.percentage(quiz.median)), quizPercent(quiz.percentage(quiz.standardDeviation)),
            quizPercent(quiz.internalConsistency), quizPercent(quiz.errorRatio), quizPercent(quiz.percentage(quiz.standardError)))
        for question in analysis.questions where !question.flags.isEmpty {
            text += "  \(question.name): " + question.flags.map(\.explanation).joined(separator: "; ") + "\n"
        }
        return text
    }

    /// A figure already in percent (Moodle's), or a dash.
    static func quizPercent(_ value: Double?) -> String { value.map { String(format: "%.1f%%", $0) } ?? "-" }

    // MARK: CSV

    static func csv(_ report: TrainingReport) -> String {
        var blocks: [[[String]]] = []
        let status = report.status
        let counts = summary(report)
        blocks.append([
            ["section", "course", "title", "version", "pass_mark", "attempts_allowed", "assigned", "started", "passed", "failed", "overdue", "awaiting_trainer"],
            ["course", status.courseID, status.title, status.version, fixed(status.passMark), status.attemptsAllowed.map(String.init) ?? "",
             String(counts.assigned), String(counts.started), String(counts.passed), String(counts.failed), String(counts.overdue), String(counts.awaitingTrainer)],
        ])
        blocks.append([["section", "person", "assigned", "assigned_at", "due", "state", "attempts", "best", "overdue", "failed"]] + status.people.map { person in
            ["person", person.username, how(person.assignment), person.assignment.map { time($0.assignedAt) } ?? "", person.assignment?.dueAt.map(time) ?? "",
             state(person), String(person.attemptsUsed), fixed(person.bestShare), String(person.isOverdue), String(hasFailed(person))]
        })
        blocks.append([["section", "attempt", "person", "version", "finished", "marks", "out_of", "share", "result", "counted", "not_counted_reason"]]
            + report.attempts.map { stored in
                ["attempt", stored.attempt.id.uuidString, stored.attempt.username, stored.attempt.courseVersion, time(stored.attempt.finishedAt),
                 fixed(stored.marks), fixed(stored.outOf), fixed(stored.share), result(stored), String(stored.counted), stored.notCountedReason ?? ""]
            })
        blocks.append([["section", "person", "project", "trigger", "lesson", "assigned_at", "cleared_at"]] + report.remediations.compactMap { row in
            guard case .remediation(let projectID, let trigger, let lesson) = row.assignment.reason else { return nil }
            return ["remediation", row.username, projectID, trigger, lesson, time(row.assignment.assignedAt), row.clearedAt.map(time) ?? ""]
        })
        blocks.append([["section", "person", "project", "at", "scored_set_aside", "credit_set_aside", "reason"]] + report.resets.map { reset in
            ["reset", reset.username, reset.projectID, time(reset.at), String(reset.scored), fixed(reset.credit), reset.reason]
        })
        if let items = report.items {
            blocks.append([["section"] + ItemsReportText.columns + ["title"]] + items.analysis.questions.map { question in
                ["item"] + ItemsReportText.fields(question) + [items.titles[question.name] ?? ""]
            })
            let quiz = items.analysis.quiz
            blocks.append([
                ["section", "attempts", "left_out", "questions", "max_mark", "mean", "median", "standard_deviation", "skewness", "kurtosis",
                 "internal_consistency", "error_ratio", "standard_error"],
                ["quiz", String(quiz.attempts), String(items.leftOut), String(quiz.questions), ItemsReportText.number(quiz.maxMark),
                 fixed(quiz.percentage(quiz.mean)), fixed(quiz.percentage(quiz.median)), fixed(quiz.percentage(quiz.standardDeviation)), fixed(quiz.skewness),
                 fixed(quiz.kurtosis), fixed(quiz.internalConsistency), fixed(quiz.errorRatio), fixed(quiz.percentage(quiz.standardError))],
            ])
        }
        blocks.append([["section", "lesson", "window", "readers", "before_items", "before_credit", "before_lower95", "before_upper95", "after_items",
                        "after_credit", "after_lower95", "after_upper95", "paired", "mean_change", "sd_change", "change_lower95", "change_upper95"]]
            + report.efficacy.map { lesson in
                ["lesson", lesson.lesson, String(lesson.window), String(lesson.readers.count), String(lesson.before.trials), fixed(lesson.before.successes),
                 lesson.before.trials > 0 ? fixed(lesson.before.lower) : "", lesson.before.trials > 0 ? fixed(lesson.before.upper) : "",
                 String(lesson.after.trials), fixed(lesson.after.successes),
                 lesson.after.trials > 0 ? fixed(lesson.after.lower) : "", lesson.after.trials > 0 ? fixed(lesson.after.upper) : "",
                 String(lesson.change.count), fixed(lesson.change.mean), fixed(lesson.change.standardDeviation), fixed(lesson.change.lower), fixed(lesson.change.upper)]
            })
        blocks.append([["section", "lesson", "person", "read_at", "variant", "before_items", "before_credit", "after_items", "after_credit", "change"]]
            + report.efficacy.flatMap { lesson in
                lesson.readers.map { reader in
                    ["reader", lesson.lesson, reader.username, time(reader.readAt), String(reader.variant), String(reader.before.items), fixed(reader.before.credit),
                     String(reader.after.items), fixed(reader.after.credit), fixed(reader.change)]
                }
            })
        blocks.append([["section", "lesson", "version", "file", "readers", "items", "credit", "lower95", "upper95", "difference", "difference_lower95",
                        "difference_upper95"]]
            + report.variants.flatMap { comparison in
                [(1, comparison.first), (2, comparison.second)].map { number, version in
                    let difference = number == 2 ? comparison.difference : nil
                    return ["version", comparison.lesson, String(number), version.file, String(version.readers), String(version.items), fixed(version.credit),
                            version.items > 0 ? fixed(version.interval.lower) : "", version.items > 0 ? fixed(version.interval.upper) : "",
                            fixed(difference?.difference), fixed(difference?.lower), fixed(difference?.upper)]
                }
            })
        return blocks.map { rows in rows.map { $0.map(QualityReportText.csvField).joined(separator: ",") }.joined(separator: "\n") + "\n" }
            .joined(separator: "\n")
    }

    // MARK: JSON

    static func json(_ report: TrainingReport) -> JSONValue {
        func value(_ figure: Double?) -> JSONValue { figure.map(JSONValue.double) ?? .null }
        func wilson(_ interval: WilsonInterval) -> JSONValue {
            var members: [String: JSONValue] = ["items": .integer(interval.trials), "credit": .double(interval.successes)]
            if interval.trials > 0 {
                members["accuracy"] = .double(interval.proportion)
                members["interval95"] = .array([.double(interval.lower), .double(interval.upper)])
            }
            return .object(members)
        }
        let status = report.status
        let counts = summary(report)
        // People and attempts awaiting a trainer as `course status --format json` gives them.
        let courseStatus = CourseStatusText.json(status)
        var members: [String: JSONValue] = [
            "course": .string(status.courseID), "title": .string(status.title), "version": .string(status.version),
            "passMark": .double(status.passMark), "attemptsAllowed": status.attemptsAllowed.map { .integer($0) } ?? .null,
            "summary": .object([
                "assigned": .integer(counts.assigned), "started": .integer(counts.started), "passed": .integer(counts.passed),
                "failed": .integer(counts.failed), "overdue": .integer(counts.overdue), "awaitingTrainer": .integer(counts.awaitingTrainer),
            ]),
            "people": courseStatus["people"] ?? .array([]),
            "awaitingTrainer": courseStatus["awaitingTrainer"] ?? .array([]),
            "attempts": .array(report.attempts.map { stored in
                var attempt: [String: JSONValue] = [
                    "id": .string(stored.attempt.id.uuidString), "person": .string(stored.attempt.username), "version": .string(stored.attempt.courseVersion),
                    "finished": .string(time(stored.attempt.finishedAt)), "marks": .double(stored.marks), "outOf": .double(stored.outOf),
                    "share": .double(stored.share), "passed": .bool(stored.passed), "awaitingTrainer": .bool(stored.awaitingTrainer),
                    "counted": .bool(stored.counted),
                ]
                if let reason = stored.notCountedReason { attempt["notCountedReason"] = .string(reason) }
                return .object(attempt)
            }),
            "remediations": .array(report.remediations.compactMap { row in
                guard case .remediation(let projectID, let trigger, let lesson) = row.assignment.reason else { return nil }
                return .object([
                    "person": .string(row.username), "project": .string(projectID), "trigger": .string(trigger), "lesson": .string(lesson),
                    "assigned": .string(time(row.assignment.assignedAt)), "cleared": row.clearedAt.map { .string(time($0)) } ?? .null,
                ])
            }),
            "resets": .array(report.resets.map { reset in
                .object([
                    "person": .string(reset.username), "project": .string(reset.projectID), "at": .string(time(reset.at)),
                    "scoredSetAside": .integer(reset.scored), "creditSetAside": .double(reset.credit), "reason": .string(reset.reason),
                ])
            }),
            "goldProjects": .array(report.goldProjects.map(JSONValue.string)),
            "window": .integer(report.window),
            "efficacy": .array(report.efficacy.map { lesson in
                let change = lesson.change
                return .object([
                    "lesson": .string(lesson.lesson), "before": wilson(lesson.before), "after": wilson(lesson.after),
                    "change": .object([
                        "paired": .integer(change.count), "mean": value(change.mean), "standardDeviation": value(change.standardDeviation),
                        "interval95": change.lower.map { .array([.double($0), value(change.upper)]) } ?? .null,
                    ]),
                    "readers": .array(lesson.readers.map { reader in
                        .object([
                            "person": .string(reader.username), "readAt": .string(time(reader.readAt)), "variant": .bool(reader.variant),
                            "before": .object(["items": .integer(reader.before.items), "credit": .double(reader.before.credit)]),
                            "after": .object(["items": .integer(reader.after.items), "credit": .double(reader.after.credit)]),
                            "change": value(reader.change),
                        ])
                    }),
                ])
            }),
            "variants": .array(report.variants.map { comparison in
                func version(_ version: LessonVariantComparison.Version) -> JSONValue {
                    .object(["file": .string(version.file), "readers": .integer(version.readers), "after": wilson(version.interval)])
                }
                return .object([
                    "lesson": .string(comparison.lesson), "first": version(comparison.first), "second": version(comparison.second),
                    "difference": comparison.difference.map { difference in
                        .object(["value": .double(difference.difference), "interval95": .array([.double(difference.lower), .double(difference.upper)])])
                    } ?? .null,
                ])
            }),
        ]
        if let items = report.items {
            let quiz = items.analysis.quiz
            members["items"] = .object([
                "leftOut": .integer(items.leftOut),
                "questions": .array(items.analysis.questions.map { question in
                    .object([
                        "item": .string(question.name), "title": .string(items.titles[question.name] ?? ""), "attempts": .integer(question.attempts),
                        "facility": value(question.facility), "standardDeviationFraction": value(question.standardDeviationFraction),
                        "randomGuessScore": value(question.randomGuessScore), "intendedWeight": value(question.intendedWeight),
                        "effectiveWeight": value(question.effectiveWeight), "discriminationIndex": value(question.discriminationIndex),
                        "discriminativeEfficiency": value(question.discriminativeEfficiency),
                        "flags": .array(question.flags.map { .string($0.rawValue) }),
                    ])
                }),
                "quiz": .object([
                    "attempts": .integer(quiz.attempts), "questions": .integer(quiz.questions), "maxMark": .double(quiz.maxMark),
                    "mean": value(quiz.mean), "median": value(quiz.median), "standardDeviation": value(quiz.standardDeviation),
                    "skewness": value(quiz.skewness), "kurtosis": value(quiz.kurtosis), "internalConsistency": value(quiz.internalConsistency),
                    "errorRatio": value(quiz.errorRatio), "standardError": value(quiz.standardError),
                ]),
            ])
        } else {
            members["items"] = .null
        }
        return .object(members)
    }
}
