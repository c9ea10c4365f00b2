import Domain
import Foundation

/// `report shift --format html`: one self-contained page (no scripts, no files beside it)
/// with each project's throughput and gold p-chart drawn in SVG, to print or mail inside
/// the site. The page carries the floor's marking at its top and bottom, as every screen does.
enum ShiftReportHTML {
    static func page(_ floor: ShiftFloor) -> String {
        let marking = escape(floor.marking.rawValue)
        var html = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Shift report \(escape(ShiftReportText.time(floor.now)))</title>
            <style>
            body{font:13px/1.4 system-ui,sans-serif;margin:1.5em;color:#111}
            .banner{text-align:center;font-weight:bold;background:\(bannerColour(floor.marking));color:#fff;padding:2px}
            table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #bbb;padding:2px 6px;text-align:left;vertical-align:top}
            th{background:#eee}.late,.bad{color:#b00;font-weight:bold}.chart{display:inline-block;margin:0 1.5em 1em 0}
            h2{margin-top:1.2em}
            </style></head><body>
            <div class="banner">\(marking)</div>
            <h1>Shift report</h1>
            <p>From \(escape(ShiftReportText.time(floor.since))) to \(escape(ShiftReportText.time(floor.now)))\(floor.site.map { ", site " + escape($0) } ?? "").
            \(floor.people.count) people, \(floor.stations.count) stations, \(floor.alerts.count) alerts.</p>

            """
        html += "<h2>Projects</h2>\n" + table(
            ["project", "waiting", "leased", "done", "oldest / target", "median", "gold (95%)", "agreement", "gold rate", "overlap", "priority"],
            floor.projects.map { project in
                [escape(project.id), "\(project.waiting)", "\(project.leased)", "\(project.doneThisShift)",
                 (project.isBacklogLate ? "<span class=\"late\">" : "<span>") + escape(ShiftReportText.age(project.oldestWaitingSeconds) + " / " + ShiftWords.duration(project.waitTargetSeconds)) + "</span>",
                 project.medianSeconds.map { String(format: "%.0f s", $0) } ?? "-", escape(ShiftWords.gold(project.gold)),
                 project.agreement.map { String(format: "%.2f", $0) } ?? "-", ShiftWords.percent(project.goldRate), ShiftWords.percent(project.overlap),
                 "\(project.priority)"]
            })
        for project in floor.projects {
            html += "<div class=\"chart\"><h3>\(escape(project.id)): tasks per hour, last 12 hours</h3>\(throughput(project.hourly))</div>"
            html += "<div class=\"chart\"><h3>\(escape(project.id)): gold accuracy per hour (3-sigma limits)</h3>\(pChart(project.goldChart))</div>\n"
        }
        html += "<h2>Alerts</h2>\n" + table(["since", "kind", "alert"], floor.alerts.map {
            [escape(ShiftReportText.shortTime($0.since)), escape($0.kind.rawValue), escape($0.sentence)]
        })
        html += "<h2>People</h2>\n" + table(
            ["person", "doing", "station", "done", "per hour", "gold (95%)", "error classes", "flags", "courses due"],
            ShiftReportText.personRows(floor).enumerated().map { index, row in
                let person = floor.people[index]
                return row.enumerated().map { column, cell in
                    let bad = (column == 5 && person.outsideControl) || (column == 8 && person.coursesDue.contains(where: \.isOverdue))
                    return bad ? "<span class=\"bad\">\(escape(cell))</span>" : escape(cell)
                }
            })
        html += "<h2>Stations</h2>\n" + table(
            ["station", "site", "sync", "state", "last sync", "unsent", "bundles", "people"], ShiftReportText.stationRows(floor).map { $0.map(escape) })
        if !floor.flags.isEmpty {
            html += "<h2>Flags waiting</h2>\n" + table(["flagged", "project", "task", "person", "note"], floor.flags.map {
                [escape(ShiftReportText.shortTime($0.flaggedAt)), escape($0.projectID), escape($0.taskID), escape($0.username), escape($0.note)]
            })
        }
        html += "<div class=\"banner\">\(marking)</div>\n</body></html>\n"
        return html
    }

    static func table(_ header: [String], _ rows: [[String]]) -> String {
        guard !rows.isEmpty else { return "<p>None.</p>\n" }
        return "<table><tr>" + header.map { "<th>\(escape($0))</th>" }.joined() + "</tr>\n"
            + rows.map { "<tr>" + $0.map { "<td>\($0)</td>" }.joined() + "</tr>" }.joined(separator: "\n") + "\n</table>\n"
    }

    /// Twelve bars, the tallest filling the chart, each labelled with its count.
    static func throughput(_ hourly: [Int]) -> String {
        let width = 24 * max(1, hourly.count), height = 80, top = max(1, hourly.max() ?? 0)
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height + 14)\" role=\"img\">"
        for (index, count) in hourly.enumerated() {
            let bar = count * height / top
            svg += "<rect x=\"\(index * 24 + 2)\" y=\"\(height - bar)\" width=\"20\" height=\"\(bar)\" fill=\"#3a6ea5\"/>"
            svg += "<text x=\"\(index * 24 + 12)\" y=\"\(height + 12)\" font-size=\"9\" text-anchor=\"middle\">\(count)</text>"
        }
        return svg + "</svg>"
    }

    /// Each hour's accuracy as a point between its control limits, the marked ones red.
    static func pChart(_ hours: [GoldHour]) -> String {
        guard !hours.isEmpty else { return "<p>No gold scored this shift.</p>" }
        let step = 36, width = step * hours.count + 20, height = 100
        func y(_ share: Double) -> Int { Int(Double(height) * (1 - min(1, max(0, share)))) }
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height + 14)\" role=\"img\">"
        svg += "<rect x=\"0\" y=\"0\" width=\"\(width)\" height=\"\(height)\" fill=\"none\" stroke=\"#ccc\"/>"
        for (index, hour) in hours.enumerated() {
            let x = 20 + index * step
            svg += "<line x1=\"\(x - 10)\" y1=\"\(y(hour.upper))\" x2=\"\(x + 10)\" y2=\"\(y(hour.upper))\" stroke=\"#999\"/>"
            svg += "<line x1=\"\(x - 10)\" y1=\"\(y(hour.lower))\" x2=\"\(x + 10)\" y2=\"\(y(hour.lower))\" stroke=\"#999\"/>"
            let colour = hour.signals.isEmpty ? "#222" : "#c00"
            svg += "<circle cx=\"\(x)\" cy=\"\(y(hour.accuracy))\" r=\"4\" fill=\"\(colour)\"><title>\(escape(ShiftReportText.shortTime(hour.start))): "
                + "\(ShiftWords.percent(hour.accuracy)) of \(hour.scored)\(hour.signals.isEmpty ? "" : ", " + escape(hour.signals.joined(separator: ", ")))</title></circle>"
            svg += "<text x=\"\(x)\" y=\"\(height + 12)\" font-size=\"9\" text-anchor=\"middle\">\(escape(hourText(hour.start)))</text>"
        }
        return svg + "</svg>"
    }

    static func hourText(_ date: Date) -> String { TrainingReportText.format(date, "HH") + "h" }

    static func bannerColour(_ marking: Marking) -> String {
        switch marking {
        case .unclassified: "#007a33"
        case .cui: "#502b85"
        case .confidential: "#0033a0"
        case .secret: "#c8102e"
        case .topSecret: "#ff8c00"
        case .topSecretSCI: "#fce83a;color:#000"
        }
    }

    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
