import Domain
import Foundation
import TerminalCore
import Widgets

/// PLACEHOLDER while the FreeText screen is being written: draws the task text and refuses to submit.
public enum FreeTextKind: TaskKindScreen {
    public struct Work: Equatable, Sendable {
        public var scroll = 0
    }

    static func begin(_ context: KindContext) -> Work { Work() }

    static func isCapturingText(_ work: Work) -> Bool { false }

    static func handle(_ key: Key, _ work: inout Work, _ context: KindContext) -> KindReply {
        TextScroll.handle(key, scroll: &work.scroll, rows: context.bodySize.height - 2) ? .handled : .ignored
    }

    static func answer(_ work: Work, _ context: KindContext) -> Result<Answer, KindRefusal> {
        .failure(KindRefusal("This task kind cannot be labeled yet."))
    }

    static func render(_ work: Work, _ context: KindContext, in rect: Rect, into buffer: inout Buffer) {
        TextScroll.drawFramed(context.task.text, title: context.project.instructions, scroll: work.scroll, in: rect, into: &buffer)
    }

    static func hints(_ work: Work, _ context: KindContext) -> [String] { [] }

    static func helpEntries(_ context: KindContext) -> [HelpOverlay.Entry] { [] }
}
