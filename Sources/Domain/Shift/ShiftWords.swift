import Foundation

/// The floor's figures in words, the same on the console, in `report shift` and in alerts.
public enum ShiftWords {
    /// "45s", "12m", "3h 05m", "2d 4h".
    public static func duration(_ seconds: Double) -> String {
        let whole = Int(max(0, seconds))
        if whole < 60 { return "\(whole)s" }
        if whole < 3600 { return "\(whole / 60)m" }
        if whole < 86_400 { return String(format: "%dh %02dm", whole / 3600, whole % 3600 / 60) }
        return "\(whole / 86_400)d \(whole % 86_400 / 3600)h"
    }

    /// "91%": a share as a whole percentage.
    public static func percent(_ share: Double) -> String { String(format: "%.0f%%", share * 100) }

    /// "50% (24-76)": gold accuracy with its 95% interval; "-" with none scored.
    public static func gold(_ gold: GoldAccuracy?) -> String {
        guard let gold else { return "-" }
        return String(format: "%.0f%% (%.0f-%.0f)", gold.accuracy * 100, gold.lower * 100, gold.upper * 100)
    }

    /// What a person is doing, with its detail: "labeling sentiment", "idle 12m",
    /// "paused by lee: see me", "offline 20m".
    public static func state(_ state: PersonState, now: Date) -> String {
        switch state {
        case let .paused(by, note): "paused by \(by)" + (note.isEmpty ? "" : ": \(note)")
        case .heldByQuality(let projects): "held by gold on \(projects.joined(separator: ", "))"
        case .offline(let lastSeen?): "offline \(duration(now.timeIntervalSince(lastSeen)))"
        case .offline(nil): "offline"
        case .locked(let since): "locked \(duration(now.timeIntervalSince(since)))"
        case .idle(let since): "idle \(duration(now.timeIntervalSince(since)))"
        case .labeling(let projectID): "labeling \(projectID)"
        case .training(let courseID): courseID.isEmpty ? "in training" : "training \(courseID)"
        case .home: "home"
        case .away: "away"
        }
    }

    /// A row of values as eight heights of a block, scaled to the largest ("▁▁▃█").
    public static func sparkline(_ values: [Int]) -> String {
        let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
        let top = values.max() ?? 0
        guard top > 0 else { return String(repeating: levels[0], count: values.count) }
        return String(values.map { levels[min(levels.count - 1, max(0, $0) * (levels.count - 1) / top)] })
    }
}
