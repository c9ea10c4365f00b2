/// Screens as text with their colours, for snapshots where colour is the point (imagery).
///
/// Each row is its text between bars, then the runs of cells that share a style:
/// `0-39 #1a2b3c/#000000` is columns 0 to 39 in that foreground and background. A
/// colour is `-` (the terminal's default), a palette index (`196`) or `#rrggbb`;
/// attributes follow as letters (`b`old, `d`im, `u`nderline, `r`everse). Runs keep a
/// flat area to one entry, so an 80x24 picture stays a few screens of text that a
/// review can read and a diff can point into.
extension TextSnapshot {
    public static func styledText(of buffer: Buffer, in rect: Rect? = nil) -> String {
        let area = rect ?? buffer.area
        var lines: [String] = []
        for y in area.y..<area.maxY {
            var text = ""
            for x in area.x..<area.maxX where !buffer[x, y].isContinuation { text += buffer[x, y].text }
            lines.append("|\(text)|")
            var runs: [String] = []
            var start = area.x
            while start < area.maxX {
                let style = buffer[start, y].style
                var end = start
                while end + 1 < area.maxX, buffer[end + 1, y].style == style { end += 1 }
                let columns = end == start ? "\(start - area.x)" : "\(start - area.x)-\(end - area.x)"
                runs.append("\(columns) \(code(for: style))")
                start = end + 1
            }
            lines.append("  " + runs.joined(separator: "; "))
        }
        return lines.joined(separator: "\n")
    }

    /// A style in the short form the styled text uses: `fg/bg` then attribute letters.
    public static func code(for style: Style) -> String {
        var code = "\(code(for: style.foreground))/\(code(for: style.background))"
        var letters = ""
        if style.attributes.contains(.bold) { letters += "b" }
        if style.attributes.contains(.dim) { letters += "d" }
        if style.attributes.contains(.underline) { letters += "u" }
        if style.attributes.contains(.reverse) { letters += "r" }
        if !letters.isEmpty { code += " " + letters }
        return code
    }

    public static func code(for color: Color) -> String {
        switch color {
        case .terminalDefault: return "-"
        case .indexed(let index): return "\(index)"
        case .rgb(let red, let green, let blue): return "#" + hex(red) + hex(green) + hex(blue)
        }
    }

    private static func hex(_ value: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[Int(value >> 4)], digits[Int(value & 15)]])
    }
}
