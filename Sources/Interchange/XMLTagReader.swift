/// A small reader of XML tags, enough for Label Studio labeling configs.
///
/// Gives the opening and closing tags with their attributes and lines; text between
/// tags, comments, `<?xml ...?>` and `<!DOCTYPE>` are read past. Not a full XML parser
/// (no namespaces, no CDATA), and not meant to be: a config is a handful of tags, and
/// FoundationXML is not on every platform we build for.
struct XMLTagReader {
    struct Tag: Equatable {
        var name: String
        var attributes: [String: String]
        var line: Int
        /// `<Tag/>`: opened and closed at once.
        var isSelfClosing: Bool
        var isClosing: Bool
    }

    struct Failure: Error {
        var line: Int
        var text: String
    }

    static func tags(_ text: String) throws(Failure) -> [Tag] {
        let scalars = Array(text.unicodeScalars)
        var tags: [Tag] = []
        var index = 0
        var line = 1
        func advance() {
            if scalars[index] == "\n" { line += 1 }
            index += 1
        }
        func startsWith(_ word: String) -> Bool {
            let pattern = Array(word.unicodeScalars)
            return index + pattern.count <= scalars.count && Array(scalars[index..<(index + pattern.count)]) == pattern
        }
        func skip(past end: String, what: String) throws(Failure) {
            let startLine = line
            while index < scalars.count, !startsWith(end) { advance() }
            guard index < scalars.count else { throw Failure(line: startLine, text: "\(what) is never closed with \"\(end)\"") }
            index += end.unicodeScalars.count
        }
        func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
            scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_" || scalar == ":" || scalar == "."
        }
        func name() -> String {
            var result = String.UnicodeScalarView()
            while index < scalars.count, isNameScalar(scalars[index]) {
                result.append(scalars[index])
                index += 1
            }
            return String(result)
        }
        func skipSpace() {
            while index < scalars.count, scalars[index].properties.isWhitespace { advance() }
        }
        while index < scalars.count {
            guard scalars[index] == "<" else {
                advance()
                continue
            }
            if startsWith("<!--") {
                try skip(past: "-->", what: "a comment")
                continue
            }
            if startsWith("<?") {
                try skip(past: "?>", what: "a declaration")
                continue
            }
            if startsWith("<!") {
                try skip(past: ">", what: "a declaration")
                continue
            }
            let tagLine = line
            index += 1
            let isClosing = index < scalars.count && scalars[index] == "/"
            if isClosing { index += 1 }
            let tagName = name()
            guard !tagName.isEmpty else { throw Failure(line: tagLine, text: "\"<\" starts no tag; write &lt; for a literal \"<\"") }
            var attributes: [String: String] = [:]
            var isSelfClosing = false
            while true {
                skipSpace()
                guard index < scalars.count else { throw Failure(line: tagLine, text: "tag <\(tagName)> is never closed with \">\"") }
                if scalars[index] == ">" {
                    index += 1
                    break
                }
                if scalars[index] == "/", index + 1 < scalars.count, scalars[index + 1] == ">" {
                    index += 2
                    isSelfClosing = true
                    break
                }
                let attributeLine = line
                let attribute = name()
                guard !attribute.isEmpty else {
                    throw Failure(line: attributeLine, text: "unexpected \"\(Character(scalars[index]))\" in tag <\(tagName)>; attributes are written name=\"value\"")
                }
                skipSpace()
                guard index < scalars.count, scalars[index] == "=" else {
                    throw Failure(line: attributeLine, text: "attribute \(attribute) of <\(tagName)> has no value; write \(attribute)=\"...\"")
                }
                index += 1
                skipSpace()
                guard index < scalars.count, scalars[index] == "\"" || scalars[index] == "'" else {
                    throw Failure(line: attributeLine, text: "the value of \(attribute) in <\(tagName)> must be quoted")
                }
                let quote = scalars[index]
                index += 1
                var value = String.UnicodeScalarView()
                while index < scalars.count, scalars[index] != quote {
                    value.append(scalars[index])
                    advance()
                }
                guard index < scalars.count else { throw Failure(line: attributeLine, text: "the value of \(attribute) in <\(tagName)> is never closed") }
                index += 1
                guard attributes.updateValue(try unescape(String(value), line: attributeLine), forKey: attribute) == nil else {
                    throw Failure(line: attributeLine, text: "attribute \(attribute) appears twice in <\(tagName)>")
                }
            }
            tags.append(Tag(name: tagName, attributes: attributes, line: tagLine, isSelfClosing: isSelfClosing, isClosing: isClosing))
        }
        return tags
    }

    static func unescape(_ text: String, line: Int) throws(Failure) -> String {
        guard text.contains("&") else { return text }
        var result = ""
        var rest = Substring(text)
        while let ampersand = rest.firstIndex(of: "&") {
            result += rest[..<ampersand]
            guard let semicolon = rest[ampersand...].firstIndex(of: ";") else {
                throw Failure(line: line, text: "\"&\" starts no entity; write &amp; for a literal \"&\"")
            }
            let entity = rest[rest.index(after: ampersand)..<semicolon]
            switch entity {
            case "amp": result += "&"
            case "lt": result += "<"
            case "gt": result += ">"
            case "quot": result += "\""
            case "apos": result += "'"
            default:
                let number = entity.hasPrefix("#x") ? UInt32(entity.dropFirst(2), radix: 16) : entity.hasPrefix("#") ? UInt32(entity.dropFirst()) : nil
                guard let number, let scalar = Unicode.Scalar(number) else {
                    throw Failure(line: line, text: "unknown entity &\(entity);")
                }
                result.unicodeScalars.append(scalar)
            }
            rest = rest[rest.index(after: semicolon)...]
        }
        return result + rest
    }
}
