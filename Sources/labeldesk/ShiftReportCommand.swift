import ArgumentParser
import Domain
import Foundation
import Hub

extension ReportCommand {
    /// `report shift`: the lead console's figures for a handover, for other tools, or printed.
    struct Shift: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The shift: queues, throughput, quality, people, stations and alerts, as the lead's console shows them.",
            discussion: """
                Projects: waiting, leased, done this shift, the oldest waiting task's age against the project's target, tasks \
                done in each of the last 12 hours, median seconds per task, gold accuracy with its Wilson 95% interval, the \
                hours its p-chart marks, agreement, gold rate, overlap and priority. People: what each is doing (from their \
                station's last sync), tasks per hour of active time, gold with its interval, error classes, flags, courses due. \
                Stations: online or not, last sync, annotations not yet sent, bundles awaiting an answer. Alerts, newest first. \
                --format html writes one page with the charts drawn, to print or mail inside the site.
                """)
        @OptionGroup var workspace: WorkspaceOption
        @OptionGroup var hubDatabase: HubDatabaseOption
        @Option(help: "The shift's start: a time ago (8h, 90m, 1d) or a UTC time (2026-12-02T06:00:00Z).") var since: String = "8h"
        @Option(help: "Only this site's people and stations.") var site: String?
        @Option(help: "table, csv, json or html.") var format: ShiftReportText.Layout = .table

        func run() throws {
            let now = Date()
            let start = try Self.start(since, now: now)
            let hub = Hub(database: try hubDatabase.open(workspace: workspace, creating: false))
            print(ShiftReportText.render(try hub.shiftFloor(since: start, site: site, now: now), as: format), terminator: "")
        }

        /// A shift's start from `--since`.
        static func start(_ text: String, now: Date) throws -> Date {
            let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
            let units: [Character: Double] = ["m": 60, "h": 3_600, "d": 86_400]
            if let unit = trimmed.last, let seconds = units[unit], let count = Double(trimmed.dropLast()), count > 0, count.isFinite {
                return now.addingTimeInterval(-count * seconds)
            }
            if let date = ISO8601DateFormatter().date(from: text.trimmingCharacters(in: .whitespaces)), date <= now { return date }
            throw UserFacingError("--since \"\(text)\" is neither a time ago (8h, 90m, 1d) nor a past UTC time like 2026-12-02T06:00:00Z")
        }
    }
}

/// `report shift` in each layout, from one `ShiftFloor`.
enum ShiftReportText {
    enum Layout: String, ExpressibleByArgument, CaseIterable {
        case table, csv, json, html
    }

    static func render(_ floor: ShiftFloor, as layout: Layout) -> String {
        switch layout {
        case .table: table(floor)
        case .csv: csv(floor)
        case .json: json(floor)
        case .html: ShiftReportHTML.page(floor)
        }
    }

    static func time(_ date: Date) -> String { TrainingReportText.time(date) }
    static func shortTime(_ date: Date) -> String { TrainingReportText.shortTime(date) }
    static func fixed(_ value: Double?) -> String { TrainingReportText.fixed(value) }

    static func age(_ seconds: Double?) -> String { seconds.map(ShiftWords.duration) ?? "-" }

    static func projectRows(_ floor: ShiftFloor) -> [[String]] {
        floor.projects.map { project in
            [project.id, String(project.waiting), String(project.leased), String(project.doneThisShift),
             age(project.oldestWaitingSeconds) + "/" + ShiftWords.duration(project.waitTargetSeconds) + (project.isBacklogLate ? " LATE" : ""),
             ShiftWords.sparkline(project.hourly), project.medianSeconds.map { String(format: "%.0fs", $0) } ?? "-", ShiftWords.gold(project.gold),
             project.agreement.map { String(format: "%.2f", $0) } ?? "-", ShiftWords.percent(project.goldRate), ShiftWords.percent(project.overlap),
             String(project.priority)]
        }
    }

    static func personRows(_ floor: ShiftFloor) -> [[String]] {
        floor.people.map { person in
            [person.username, ShiftWords.state(person.state, now: floor.now) + (person.movedTo.map { " (moved to \($0))" } ?? ""),
             person.stationID ?? "-", String(person.done), person.tasksPerHour.map { String(format: "%.0f", $0) } ?? "-",
             ShiftWords.gold(person.gold) + (person.outsideControl ? " !" : ""),
             person.errorClasses.map { "\($0.name) \(ShiftWords.percent($0.share))" }.joined(separator: "; "), String(person.flagsRaised),
             person.coursesDue.map { $0.courseID + ($0.isOverdue ? " OVERDUE" : "") }.joined(separator: ", ")]
        }
    }

    static func stationRows(_ floor: ShiftFloor) -> [[String]] {
        floor.stations.map { station in
            [station.id, station.site ?? "-", station.transport.rawValue, station.online ? "online" : "offline",
             station.lastSync.map { ShiftWords.duration(floor.now.timeIntervalSince($0)) + " ago" } ?? "never", String(station.unsent),
             String(station.bundlesAwaiting) + (station.bundleOverdue ? " OVERDUE" : ""), station.people.joined(separator: ", ")]
        }
    }

    static func table(_ floor: ShiftFloor) -> String {
        var text = "Shift from \(time(floor.since)) to \(time(floor.now))" + (floor.site.map { ", site \($0)" } ?? "") + "\n\n"
        text += "Projects\n" + TextTable.render(
            [["project", "waiting", "leased", "done", "oldest/target", "last 12h", "median", "gold (95%)", "agreement", "gold rate", "overlap", "priority"]]
                + projectRows(floor))
        text += "\nPeople (\(floor.people.count))\n" + TextTable.render(
            [["person", "doing", "station", "done", "per hour", "gold (95%)", "error classes", "flags", "courses due"]] + personRows(floor))
        text += "\nStations (\(floor.stations.count))\n" + TextTable.render(
            [["station", "site", "sync", "state", "last sync", "unsent", "bundles", "people"]] + stationRows(floor))
        text += "\nAlerts (\(floor.alerts.count))\n"
        text += floor.alerts.isEmpty ? "none\n" : floor.alerts.map { "\(shortTime($0.since))  \($0.kind.rawValue)  \($0.sentence)" }.joined(separator: "\n") + "\n"
        if !floor.flags.isEmpty {
            text += "\nFlags waiting (\(floor.flags.count))\n" + TextTable.render(
                [["flagged", "project", "task", "person", "note"]] + floor.flags.map { [shortTime($0.flaggedAt), $0.projectID, $0.taskID, $0.username, $0.note] })
        }
        return text
    }

    static func csv(_ floor: ShiftFloor) -> String {
        var blocks: [[[String]]] = []
        blocks.append([["section", "since", "until", "site"], ["shift", time(floor.since), time(floor.now), floor.site ?? ""]])
        blocks.append([["section", "project", "waiting", "leased", "done", "oldest_waiting_seconds", "wait_target_seconds", "late", "last_12_hours",
                        "median_seconds", "gold_scored", "gold_right", "gold_lower95", "gold_upper95", "hours_outside", "agreement", "gold_rate",
                        "overlap", "priority", "flags_waiting"]]
            + floor.projects.map { project in
                ["project", project.id, String(project.waiting), String(project.leased), String(project.doneThisShift), fixed(project.oldestWaitingSeconds),
                 fixed(project.waitTargetSeconds), String(project.isBacklogLate), project.hourly.map(String.init).joined(separator: " "),
                 fixed(project.medianSeconds), String(project.gold?.scored ?? 0), fixed(project.gold?.right), fixed(project.gold?.lower),
                 fixed(project.gold?.upper), project.hoursOutside.map(time).joined(separator: " "), fixed(project.agreement), fixed(project.goldRate),
                 fixed(project.overlap), String(project.priority), String(project.flagsWaiting)]
            })
        blocks.append([["section", "person", "state", "station", "site", "moved_to", "done", "active_seconds", "tasks_per_hour", "gold_scored",
                        "gold_right", "gold_lower95", "gold_upper95", "outside_control", "error_classes", "flags_raised", "courses_due"]]
            + floor.people.map { person in
                ["person", person.username, ShiftWords.state(person.state, now: floor.now), person.stationID ?? "", person.site ?? "", person.movedTo ?? "",
                 String(person.done), fixed(person.activeSeconds), fixed(person.tasksPerHour), String(person.gold?.scored ?? 0), fixed(person.gold?.right),
                 fixed(person.gold?.lower), fixed(person.gold?.upper), String(person.outsideControl),
                 person.errorClasses.map { "\($0.projectID):\($0.name):\($0.count)" }.joined(separator: " "), String(person.flagsRaised),
                 person.coursesDue.map { $0.courseID + ($0.isOverdue ? ":overdue" : "") }.joined(separator: " ")]
            })
        blocks.append([["section", "station", "site", "transport", "online", "last_sync", "unsent", "bundles_awaiting", "bundle_overdue", "people"]]
            + floor.stations.map { station in
                ["station", station.id, station.site ?? "", station.transport.rawValue, String(station.online), station.lastSync.map(time) ?? "",
                 String(station.unsent), String(station.bundlesAwaiting), String(station.bundleOverdue), station.people.joined(separator: " ")]
            })
        blocks.append([["section", "since", "kind", "subject", "sentence"]] + floor.alerts.map { ["alert", time($0.since), $0.kind.rawValue, $0.subject, $0.sentence] })
        blocks.append([["section", "annotation", "project", "task", "person", "flagged", "note"]]
            + floor.flags.map { ["flag", $0.annotationID.uuidString, $0.projectID, $0.taskID, $0.username, time($0.flaggedAt), $0.note] })
        return blocks.map { block in block.map { $0.map(QualityReportText.csvField).joined(separator: ",") }.joined(separator: "\n") }.joined(separator: "\n\n") + "\n"
    }

    static func json(_ floor: ShiftFloor) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        // A ShiftFloor is plain values: encoding it cannot fail short of a broken invariant.
        guard let data = try? encoder.encode(floor) else { fatalError("a ShiftFloor did not encode as JSON") }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
