import Domain
import Foundation
import TerminalCore
import Widgets

extension LeadScreen {
    /// Colour where it carries meaning; the words say the same without it.
    static let alarm = Style(foreground: .red, attributes: .bold)
    static let caution = Style(foreground: .yellow)
    static let good = Style(foreground: .green)

    /// Draws the console. Pure.
    public static func render(_ state: State, into buffer: inout Buffer) {
        let area = Chrome.draw(marking: state.marking, into: &buffer)
        guard area.height > 8 else { return }
        let (content, statusRow) = area.splitBottom(1)
        let width = content.width - 4
        Label.draw(headline(state), in: Rect(x: 2, y: content.y + 1, width: width, height: 1), style: .bold, into: &buffer)
        var x = 2
        for tab in Tab.allCases {
            let count = state.floor == nil ? "" : " \(state.count(of: tab))"
            let text = " \(tab.rawValue + 1) \(tab.title)\(count) "
            let urgent = (tab == .alerts || tab == .flags) && state.count(of: tab) > 0
            let style: Style = tab == state.tab ? .reverse.with(.bold) : (urgent ? alarm : .plain)
            x = buffer.write(text, x: x, y: content.y + 2, style: style, limit: content.maxX - 1) + 1
        }
        let pane = Rect(x: 1, y: content.y + 4, width: content.width - 2, height: max(0, content.height - 8))
        let hints: [String]
        if let floor = state.floor {
            if state.showsDetail {
                drawDetail(state, floor, in: pane, into: &buffer)
            } else {
                drawTable(state, floor, in: pane, into: &buffer)
            }
            hints = self.hints(state)
        } else {
            Label.draw(state.isLoading ? "Asking the hub for the floor…" : "", in: Rect(x: 2, y: pane.y, width: width, height: 1), style: .dim, into: &buffer)
            hints = ["q back"]
        }
        if let action = state.confirming {
            Label.draw(action.confirmation + "  y to send, any other key to cancel", in: Rect(x: 2, y: content.maxY - 3, width: width, height: 1), style: caution.with(.bold), into: &buffer)
        } else if let form = state.form {
            Label.draw(form.kind.prompt, in: Rect(x: 2, y: content.maxY - 4, width: width, height: 1), style: .bold, into: &buffer)
            _ = form.field.draw(in: Rect(x: 2, y: content.maxY - 3, width: min(width, 60), height: 1), focused: true, into: &buffer)
        }
        if let message = state.message {
            Label.draw(message, in: Rect(x: 2, y: content.maxY - 2, width: width, height: 1), style: .bold, into: &buffer)
        }
        Chrome.drawHints(hints, in: content, into: &buffer)
        let updated = state.updatedAt.map { "live · updated \(TimeText.time($0, in: state.timeZone))" } ?? (state.isWaiting ? "asking the hub…" : "")
        StatusBar(leading: ["Shift lead", state.tab.title], trailing: [state.username, updated].filter { !$0.isEmpty }).draw(row: statusRow.y, in: &buffer)
    }

    static func headline(_ state: State) -> String {
        guard let floor = state.floor else { return "Shift floor" }
        var counts: [String: Int] = [:]
        for person in floor.people { counts[person.state.word, default: 0] += 1 }
        let states = ["labeling", "training", "idle", "locked", "paused", "held", "offline"].compactMap { word in
            counts[word].map { "\($0) \(word)" }
        }
        let site = floor.site.map { " · site \($0)" } ?? ""
        return "Shift since \(TimeText.time(floor.since, in: state.timeZone))\(site) · \(floor.people.count) people: "
            + (states.isEmpty ? "none at work" : states.joined(separator: ", "))
    }

    static func hints(_ state: State) -> [String] {
        if state.confirming != nil { return ["y send", "any key cancel"] }
        if state.form != nil { return ["type", "Enter check", "Esc cancel"] }
        var keys = state.showsDetail ? ["Esc back"] : ["1-5 Tab pane", "↑↓ choose", "Enter open"]
        switch state.tab {
        case .people: keys += ["p pause", "r resume", "m move", "c course"]
        case .projects: keys += ["g gold rate", "o overlap", "y priority"]
        case .flags: keys += ["a answer"]
        case .stations, .alerts: break
        }
        return keys + (state.showsDetail ? [] : ["q back"])
    }

    private static func drawTable(_ state: State, _ floor: ShiftFloor, in pane: Rect, into buffer: inout Buffer) {
        let wide = pane.width >= 118
        let table: Table
        switch state.tab {
        case .projects:
            var columns: [Table.Column] = [
                .init("Project"), .init("Waiting", width: 7, alignment: .trailing), .init("Leased", width: 6, alignment: .trailing),
                .init("Done", width: 6, alignment: .trailing), .init("Oldest/target", width: 15), .init("Last 12h", width: 12),
                .init("Gold (95%)", width: 13),
            ]
            if wide {
                columns += [.init("Median", width: 6, alignment: .trailing), .init("Agree", width: 5, alignment: .trailing), .init("Rate", width: 4, alignment: .trailing),
                            .init("Overlap", width: 7, alignment: .trailing), .init("Prio", width: 4, alignment: .trailing), .init("Flags", width: 5, alignment: .trailing)]
            }
            table = Table(
                columns: columns,
                rows: floor.projects.map { project in
                    var row = [project.id, "\(project.waiting)", "\(project.leased)", "\(project.doneThisShift)",
                               oldest(project), ShiftWords.sparkline(project.hourly), ShiftWords.gold(project.gold)]
                    if wide {
                        row += [project.medianSeconds.map { String(format: "%.0fs", $0) } ?? "-", project.agreement.map { String(format: "%.2f", $0) } ?? "-",
                                ShiftWords.percent(project.goldRate), ShiftWords.percent(project.overlap), "\(project.priority)", "\(project.flagsWaiting)"]
                    }
                    return row
                },
                selected: state.row,
                cellStyles: floor.projects.map { project in
                    [nil, nil, nil, nil, project.isBacklogLate ? alarm : nil, nil, project.hoursOutside.isEmpty ? nil : alarm]
                        + (wide ? [nil, nil, nil, nil, nil, project.flagsWaiting > 0 ? caution : nil] : [])
                })
        case .people:
            let quality = Set(floor.alerts.filter { $0.kind == .quality }.map(\.subject))
            var columns: [Table.Column] = [
                .init("Person", width: 12), .init("Doing"), .init("Done", width: 5, alignment: .trailing), .init("Per h", width: 5, alignment: .trailing),
                .init("Gold (95%)", width: 13),
            ]
            let widest = pane.width >= 160
            if wide { columns += [.init("Station", width: 12), .init("Flags", width: 5, alignment: .trailing)] }
            if widest { columns += [.init("Errors", width: 26), .init("Courses due", width: 16)] }
            table = Table(
                columns: columns,
                rows: floor.people.map { person in
                    var row = [person.username, doing(person, now: floor.now), "\(person.done)", person.tasksPerHour.map { String(format: "%.0f", $0) } ?? "-",
                               ShiftWords.gold(person.gold) + (person.outsideControl ? " !" : "")]
                    if wide { row += [person.stationID ?? "-", "\(person.flagsRaised)"] }
                    if widest {
                        row += [person.errorClasses.map { "\($0.name) \(ShiftWords.percent($0.share))" }.joined(separator: ", "),
                                person.coursesDue.map { $0.courseID + ($0.isOverdue ? " overdue" : "") }.joined(separator: ", ")]
                    }
                    return row
                },
                selected: state.row,
                cellStyles: floor.people.map { person in
                    [nil, stateStyle(person.state), nil, nil, quality.contains(person.username) || person.outsideControl ? alarm : nil]
                        + (wide ? [nil, person.flagsRaised > 0 ? caution : nil] : [])
                        + (widest ? [person.errorClasses.isEmpty ? nil : caution, person.coursesDue.contains(where: \.isOverdue) ? alarm : nil] : [])
                })
        case .stations:
            table = Table(
                columns: [.init("Station"), .init("Site", width: 10), .init("State", width: 8), .init("Last sync", width: 10), .init("Unsent", width: 6, alignment: .trailing),
                          .init("Bundles", width: 8, alignment: .trailing)] + (wide ? [.init("People", width: 30)] : []),
                rows: floor.stations.map { station in
                    [station.id, station.site ?? "-", station.transport == .never ? "never" : station.online ? "online" : "offline",
                     station.lastSync.map { ShiftWords.duration(floor.now.timeIntervalSince($0)) + " ago" } ?? "-", "\(station.unsent)",
                     "\(station.bundlesAwaiting)" + (station.bundleOverdue ? " late" : "")] + (wide ? [station.people.joined(separator: ", ")] : [])
                },
                selected: state.row,
                cellStyles: floor.stations.map { station in
                    [nil, nil, station.online ? good : station.transport == .never ? nil : alarm, nil, station.unsent > 0 ? caution : nil, station.bundleOverdue ? alarm : nil]
                })
        case .alerts:
            table = Table(
                columns: [.init("Since", width: 5), .init("Alert", width: 14), .init("What")],
                rows: floor.alerts.map { [TimeText.time($0.since, in: state.timeZone), $0.kind.rawValue, $0.sentence] },
                selected: state.row, cellStyles: floor.alerts.map { _ in [nil, alarm, nil] })
        case .flags:
            table = Table(
                columns: [.init("Flagged", width: 7), .init("Project", width: 12), .init("Task", width: 12), .init("Person", width: 10), .init("Note")],
                rows: floor.flags.map { [TimeText.time($0.flaggedAt, in: state.timeZone), $0.projectID, $0.taskID, $0.username, $0.note] },
                selected: state.row)
        }
        guard !table.rows.isEmpty else {
            let empty: String = switch state.tab {
            case .projects: "No projects at the hub yet."
            case .people: "Nobody on the roster labels yet."
            case .stations: "No stations are registered at the hub."
            case .alerts: "No alerts: queues, quality, people and stations are within their limits."
            case .flags: "No flags wait for an answer."
            }
            Label.draw(empty, in: Rect(x: 2, y: pane.y, width: pane.width - 2, height: 1), style: .dim, into: &buffer)
            return
        }
        table.draw(in: Rect(x: pane.x, y: pane.y, width: pane.width, height: min(pane.height, table.rows.count + 1)), into: &buffer)
    }

    static func oldest(_ project: ProjectFloor) -> String {
        (project.oldestWaitingSeconds.map(ShiftWords.duration) ?? "-") + "/" + ShiftWords.duration(project.waitTargetSeconds) + (project.isBacklogLate ? " !" : "")
    }

    static func doing(_ person: PersonFloor, now: Date) -> String {
        ShiftWords.state(person.state, now: now) + (person.movedTo.map { " (moved to \($0))" } ?? "")
    }

    static func stateStyle(_ state: PersonState) -> Style? {
        switch state {
        case .offline: alarm
        case .paused, .heldByQuality, .idle, .locked: caution
        case .labeling, .training: good
        case .home, .away: nil
        }
    }

    private static func drawDetail(_ state: State, _ floor: ShiftFloor, in pane: Rect, into buffer: inout Buffer) {
        let lines: [(String, Style)]
        if let project = state.selectedProject {
            lines = [
                ("\(project.title) (\(project.id)), \(project.kind.title)", .bold),
                ("Waiting \(project.waiting) · leased \(project.leased) · done this shift \(project.doneThisShift)", .plain),
                ("Oldest waiting \(oldest(project))", project.isBacklogLate ? alarm : .plain),
                ("Last 12 hours \(ShiftWords.sparkline(project.hourly))  \(project.hourly.map(String.init).joined(separator: " "))", .plain),
                ("Median per task " + (project.medianSeconds.map { String(format: "%.0f s", $0) } ?? "-"), .plain),
                ("Gold " + ShiftWords.gold(project.gold) + (project.gold.map { " over \($0.scored) items" } ?? ""), .plain),
                ("Hours outside control: " + (project.hoursOutside.isEmpty ? "none" : project.hoursOutside.map { TimeText.time($0, in: state.timeZone) }.joined(separator: ", ")),
                 project.hoursOutside.isEmpty ? .plain : alarm),
                ("Agreement " + (project.agreement.map { String(format: "%.3f (Krippendorff's alpha)", $0) } ?? "-"), .plain),
                ("Gold rate \(ShiftWords.percent(project.goldRate)) · overlap \(ShiftWords.percent(project.overlap)) · priority \(project.priority)", .plain),
                ("Flags waiting \(project.flagsWaiting)", project.flagsWaiting > 0 ? caution : .plain),
            ]
        } else if let person = state.selectedPerson {
            lines = [
                (person.username, .bold),
                (doing(person, now: floor.now), stateStyle(person.state) ?? .plain),
                ("Station \(person.stationID ?? "-")" + (person.site.map { " at \($0)" } ?? ""), .plain),
                ("Done \(person.done) in \(ShiftWords.duration(person.activeSeconds)) on task" + (person.tasksPerHour.map { String(format: " · %.0f an hour", $0) } ?? ""), .plain),
                ("Gold " + ShiftWords.gold(person.gold) + (person.gold.map { " over \($0.scored) items" } ?? "") + (person.outsideControl ? " · outside control limits" : ""),
                 person.outsideControl ? alarm : .plain),
                ("Error classes: " + (person.errorClasses.isEmpty ? "none above the line" : person.errorClasses.map { "\($0.name) on \($0.projectID) \($0.count) (\(ShiftWords.percent($0.share)))" }.joined(separator: "; ")), .plain),
                ("Flags raised \(person.flagsRaised)", .plain),
                ("Courses due: " + (person.coursesDue.isEmpty ? "none" : person.coursesDue.map { $0.courseID + ($0.dueAt.map { " by " + TimeText.dateTime($0, in: state.timeZone) } ?? "") + ($0.isOverdue ? " OVERDUE" : "") }.joined(separator: ", ")),
                 person.coursesDue.contains(where: \.isOverdue) ? alarm : .plain),
            ]
        } else if let station = state.selectedStation {
            lines = [
                (station.id + (station.site.map { " at \($0)" } ?? ""), .bold),
                (station.transport == .never ? "Never synced" : (station.online ? "Online" : "Offline") + " · syncs " + (station.transport == .bundle ? "by bundle" : "live"),
                 station.online ? good : alarm),
                ("Last sync " + (station.lastSync.map { TimeText.dateTime($0, in: state.timeZone) + ", " + ShiftWords.duration(floor.now.timeIntervalSince($0)) + " ago" } ?? "never"), .plain),
                ("Annotations not yet sent \(station.unsent)", station.unsent > 0 ? caution : .plain),
                ("Bundles awaiting an answer \(station.bundlesAwaiting)" + (station.bundleOverdue ? " · overdue" : ""), station.bundleOverdue ? alarm : .plain),
                ("People " + (station.people.isEmpty ? "none" : station.people.joined(separator: ", ")), .plain),
            ]
        } else if let flag = state.selectedFlag {
            lines = [
                ("Flag on \(flag.projectID) task \(flag.taskID)", .bold),
                ("By \(flag.username) at \(TimeText.dateTime(flag.flaggedAt, in: state.timeZone))", .plain),
                (flag.note, .plain),
            ]
        } else {
            lines = []
        }
        var y = pane.y
        for (text, style) in lines {
            for line in WrappedText.lines(text, width: pane.width - 4) where y < pane.maxY {
                Label.draw(line, in: Rect(x: pane.x + 2, y: y, width: pane.width - 4, height: 1), style: style, into: &buffer)
                y += 1
            }
        }
    }
}
