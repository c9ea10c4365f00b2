/// RFC 4180 rows of a small text file, for `MarksFile`.
///
/// The delimiter is the one the header uses most outside quotes: `,`, tab or `;`. Blank lines are left out; a quoted field may hold the
/// delimiter, doubled quotes and line breaks.
enum CSVRows {
    struct Problem: Error {
        var line: Int
        var message: String
    }

    static func split(_ text: String) throws(Problem) -> [(line: Int, fields: [String])] {
        var characters = Array(text)
        if characters.first == "\u{FEFF}" { characters.removeFirst() }
        let delimiter = delimiter(of: characters)
        var rows: [(line: Int, fields: [String])] = []
        var fields: [String] = []
        var field = ""
        var line = 1, rowLine = 1, quoteLine = 1
        var inQuotes = false, wasQuoted = false
        func endRow() {
            fields.append(field)
            if !(fields.count == 1 && fields[0].isEmpty && !wasQuoted) { rows.append((rowLine, fields)) }
            fields = []
            field = ""
            wasQuoted = false
        }
        var index = 0
        while index < characters.count {
            let character = characters[index]
            index += 1
            if inQuotes {
                if character == "\"" {
                    if index < characters.count, characters[index] == "\"" {
                        field.append("\"")
                        index += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    if character == "\n" || character == "\r\n" { line += 1 }
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"" where field.isEmpty && !wasQuoted:
                inQuotes = true
                wasQuoted = true
                quoteLine = line
            case "\"":
                throw Problem(line: line, message: "a quote inside a field that does not start with one; quote the whole field and double the quote (\"\")")
            case delimiter:
                fields.append(field)
                field = ""
                wasQuoted = false
            case "\n", "\r\n", "\r":
                endRow()
                line += 1
                rowLine = line
            default:
                if wasQuoted {
                    throw Problem(line: line, message: "text after a closing quote; a quoted field ends at its quote, then comes the delimiter")
                }
                field.append(character)
            }
        }
        if inQuotes { throw Problem(line: quoteLine, message: "a quote opened here is never closed; close it, and double any quote inside the field (\"\")") }
        if !field.isEmpty || !fields.isEmpty || wasQuoted { endRow() }
        return rows
    }

    private static func delimiter(of characters: [Character]) -> Character {
        var inQuotes = false
        var counts: [Character: Int] = [",": 0, ";": 0, "\t": 0]
        for character in characters {
            if character == "\"" { inQuotes.toggle() }
            if inQuotes { continue }
            if character == "\n" || character == "\r\n" || character == "\r" { break }
            if counts[character] != nil { counts[character, default: 0] += 1 }
        }
        // The most used wins, a comma on a tie: a header like `id;Q1 /1,5` is semicolons.
        return [",", "\t", ";"].max { counts[$0]! < counts[$1]! } ?? ","
    }
}
