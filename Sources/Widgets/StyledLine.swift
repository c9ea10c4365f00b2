import TerminalCore

/// A piece of text in one style.
public struct StyledRun: Equatable, Sendable {
    public var text: String
    public var style: Style

    public init(_ text: String, style: Style = .plain) {
        self.text = text
        self.style = style
    }
}

/// One row of styled text, already laid out: what a text view draws and searches.
///
/// Lines are made to a width by their maker (see `StyledLine.wrapping`); drawing cuts
/// a line that is still too wide rather than wrap it again, so the line numbers a
/// search finds are the rows a person sees.
public struct StyledLine: Equatable, Sendable {
    public var runs: [StyledRun]

    public init(_ runs: [StyledRun] = []) {
        self.runs = runs.filter { !$0.text.isEmpty }
    }

    public init(_ text: String, style: Style = .plain) {
        self.init([StyledRun(text, style: style)])
    }

    public static let blank = StyledLine()

    /// The line's text without styles.
    public var text: String { runs.map(\.text).joined() }

    /// Columns the line takes on screen.
    public var width: Int { runs.reduce(0) { $0 + CharacterWidth.of($1.text) } }

    /// This line after `prefix`, as one line.
    public func prefixed(by prefix: [StyledRun]) -> StyledLine {
        StyledLine(prefix + runs)
    }

    /// The line cut to `width` columns, ending with "…" in the style of the last run
    /// kept when it is cut; a wide character is never halved.
    public func truncated(to width: Int) -> StyledLine {
        guard width > 0 else { return .blank }
        guard self.width > width else { return self }
        var kept: [StyledRun] = []
        var used = 0
        var lastStyle = runs.first?.style ?? .plain
        outer: for run in runs {
            var text = ""
            for character in run.text {
                let columns = CharacterWidth.of(character)
                if used + columns > width - 1 {
                    if !text.isEmpty {
                        kept.append(StyledRun(text, style: run.style))
                        lastStyle = run.style
                    }
                    break outer
                }
                text.append(character)
                used += columns
            }
            kept.append(run)
            lastStyle = run.style
        }
        kept.append(StyledRun("…", style: lastStyle))
        return StyledLine(kept)
    }

    /// Draws the line from `(x, y)`, cut at `limit`; `style(offset, style)` may restyle
    /// the character at each offset (a search highlights its matches so).
    public func draw(x: Int, y: Int, limit: Int, into buffer: inout Buffer, restyle: ((Int, Style) -> Style)? = nil) {
        var column = x
        var offset = 0
        for run in runs {
            guard column < limit else { return }
            guard let restyle else {
                column = buffer.write(run.text, x: column, y: y, style: run.style, limit: limit)
                offset += run.text.count
                continue
            }
            for character in run.text {
                column = buffer.write(String(character), x: column, y: y, style: restyle(offset, run.style), limit: limit)
                offset += 1
            }
        }
    }
}
