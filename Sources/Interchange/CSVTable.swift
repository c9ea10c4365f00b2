import Foundation

/// RFC 4180 fields: split on a delimiter, quoted with `"` where a field holds the
/// delimiter, a quote (doubled inside) or a line break.
enum CSVTable {
    struct Row {
        /// The line the row starts on, counting from 1; a quoted line break makes a row span several.
        var line: Int
        var fields: [String]
    }

    /// The rows of a file; a quote left open is refused with the line it opened on.
    static func rows(_ bytes: UnsafeBufferPointer<UInt8>, delimiter: UInt8) throws(Problem) -> [(line: Int, fields: [String])] {
        var rows: [(line: Int, fields: [String])] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var index = 0
        var line = 1
        var rowLine = 1
        var quoteLine = 0
        var inQuotes = false
        var fieldWasQuoted = false
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            fieldWasQuoted = false
        }
        while index < bytes.count {
            let byte = bytes[index]
            if inQuotes {
                if byte == 0x22 {
                    if index + 1 < bytes.count, bytes[index + 1] == 0x22 {
                        field.append(0x22)
                        index += 2
                        continue
                    }
                    inQuotes = false
                } else {
                    if byte == 0x0A { line += 1 }
                    field.append(byte)
                }
                index += 1
                continue
            }
            switch byte {
            case 0x22 where field.isEmpty && !fieldWasQuoted:
                inQuotes = true
                fieldWasQuoted = true
                quoteLine = line
            case 0x22:
                throw Problem("a quote inside a field that does not start with one; quote the whole field and double the quote (\"\")", at: "\(line)")
            case delimiter:
                endField()
            case 0x0D where index + 1 < bytes.count && bytes[index + 1] == 0x0A:
                break
            case 0x0A:
                endField()
                if !(fields.count == 1 && fields[0].isEmpty) { rows.append((rowLine, fields)) }
                fields.removeAll(keepingCapacity: true)
                line += 1
                rowLine = line
            default:
                if fieldWasQuoted {
                    throw Problem("text after a closing quote; a quoted field ends at its quote, then comes the delimiter", at: "\(line)")
                }
                field.append(byte)
            }
            index += 1
        }
        if inQuotes { throw Problem("a quote opened here is never closed; close it or double quotes inside the field (\"\")", at: "\(quoteLine)") }
        if !field.isEmpty || !fields.isEmpty || fieldWasQuoted {
            endField()
            rows.append((rowLine, fields))
        }
        return rows
    }

    /// Appends one field, quoted only where it must be.
    static func write(_ field: String, delimiter: Character, into output: inout String) {
        // The delimiter's byte is worked out once: `Character.asciiValue` per byte of every
        // field was most of writing a CSV export. Leading and trailing spaces are looked
        // for in bytes too: `first` and `last` of a String find a grapheme cluster each.
        guard let delimiterByte = delimiter.asciiValue else { fatalError("a CSV delimiter is one ASCII character") }
        let needsQuotes = field.utf8.contains { $0 == 0x22 || $0 == 0x0A || $0 == 0x0D || $0 == delimiterByte }
            || field.utf8.first == 0x20 || field.utf8.last == 0x20
        guard needsQuotes else {
            output += field
            return
        }
        output += "\""
        output += field.replacingOccurrences(of: "\"", with: "\"\"")
        output += "\""
    }
}
