import Domain
import Foundation

/// CoNLL token files: `token<TAB>tag` a line, a blank line between sentences.
///
/// One task a sentence: the text is the tokens joined by single spaces, the tags become
/// one annotation of spans (annotator `""`: the file does not say who) in scalar offsets,
/// and the token boundaries and tags as written are kept in the record's layout. Lines
/// with several columns take the first as the token and the last as the tag (CoNLL-2003);
/// without a tab, columns are split at spaces. A line holding only white space or a
/// byte-order mark separates sentences like a blank one. Ids are `<project>-<line of the
/// sentence's first token, 6 digits>`. Tags are read with `InterchangeOptions.conllScheme`
/// (see `TaggingScheme`).
///
/// Export writes `token<TAB>tag` and `\n` line ends. A record read from CoNLL whose spans
/// are unchanged gets its tags and separators back as written, so a file comes back byte
/// for byte; otherwise tags are written in IOB2 from the first annotation (or else the
/// first prediction). Spans must start and end at token boundaries and may not overlap.
public enum CoNLLFormat: TaskFormat {
    public static let name = "conll"
    public static let summary = "CoNLL token<TAB>tag lines, blank line between sentences; entity spans; reads IOB1, IOB2, BIOES, writes IOB2"

    public static func read(_ data: Data, fileName: String, project: Project, options: InterchangeOptions) throws(InterchangeError) -> [InterchangeRecord] {
        guard project.kind == .spans else {
            throw RecordChecks.wrongKind("CoNLL files hold entity spans", project: project, fileName: fileName)
        }
        return try FileLines.withCheckedBytes(data, fileName: fileName) { bytes throws(InterchangeError) in
            var reader = SentenceReader(project: project, scheme: options.conllScheme)
            var failedLine = 0
            do throws(Problem) {
                try FileLines.forEach(bytes) { line throws(Problem) in
                    failedLine = line.number
                    try reader.take(line)
                }
                failedLine = reader.sentenceFirstLine
                try reader.finishSentence(atEnd: true)
            } catch {
                throw InterchangeError(fileName: fileName, location: .line(reader.problemLine ?? failedLine), problem: error.text)
            }
            return reader.records
        }
    }

    struct SentenceReader {
        let project: Project
        let scheme: TaggingScheme
        let knownTypes: Set<String>
        var records: [InterchangeRecord] = []
        var tokens: [String] = []
        var tags: [String] = []
        var lines: [Int] = []
        var sentenceFirstLine = 0
        /// The blank lines after the sentence being finished, as written.
        var separator = ""
        var problemLine: Int?
        /// Tags seen, so a file's few tags are checked and made into strings once; searched
        /// in order without allocating, since a file has a dozen or so.
        var tagTexts: [(bytes: [UInt8], tag: String)] = []

        init(project: Project, scheme: TaggingScheme) {
            self.project = project
            self.scheme = scheme
            knownTypes = Set(project.labels.map(\.name))
        }

        mutating func take(_ line: FileLines.Line) throws(Problem) {
            var content = line.bytes
            if content.count >= 3, content[0] == 0xEF, content[1] == 0xBB, content[2] == 0xBF {
                content = UnsafeBufferPointer(rebasing: content[3...])
            }
            if content.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
                if !tokens.isEmpty || !records.isEmpty {
                    separator += String(utf8Bytes: line.bytes) + "\n"
                }
                return
            }
            if !separator.isEmpty {
                try finishSentence(atEnd: false)
            }
            if tokens.isEmpty { sentenceFirstLine = line.number }
            let hasTab = content.contains(0x09)
            let separatorByte: UInt8 = hasTab ? 0x09 : 0x20
            guard let firstSeparator = content.firstIndex(of: separatorByte), let lastSeparator = content.lastIndex(of: separatorByte) else {
                problemLine = line.number
                throw Problem("a token line is token<TAB>tag; this line has no tag")
            }
            let token = String(utf8Bytes: UnsafeBufferPointer(rebasing: content[..<firstSeparator]))
            let tagBytes = UnsafeBufferPointer(rebasing: content[(lastSeparator + 1)...])
            let tag: String
            if let known = tagTexts.first(where: { $0.bytes.elementsEqual(tagBytes) }) {
                tag = known.tag
            } else {
                tag = String(utf8Bytes: tagBytes)
                let (prefix, type) = TaggingScheme.split(tag)
                guard tag == "O" || ("BIES".contains(prefix) && tag.dropFirst().first == "-" && type != "_") else {
                    problemLine = line.number
                    throw Problem("tag \"\(tag)\" is not O or B-, I-, E-, S- followed by an entity type")
                }
                if tag != "O", !knownTypes.contains(type) {
                    problemLine = line.number
                    throw Problem("entity type \"\(type)\" is not one of project \"\(project.id)\"'s types (\(project.labels.map(\.name).joined(separator: ", "))); add it to the project or fix the tag")
                }
                tagTexts.append((Array(tagBytes), tag))
            }
            guard !token.isEmpty else {
                problemLine = line.number
                throw Problem("the token is empty; a token line is token<TAB>tag")
            }
            tokens.append(token)
            tags.append(tag)
            lines.append(line.number)
        }

        mutating func finishSentence(atEnd: Bool) throws(Problem) {
            defer { separator = "" }
            guard !tokens.isEmpty else {
                // White space after the last sentence belongs to it.
                if atEnd, !records.isEmpty, !separator.isEmpty {
                    let last = records.count - 1
                    let before = records[last].layout?.separatorAfter ?? ""
                    records[last].layout?.separatorAfter = before + separator
                }
                return
            }
            for index in tags.indices {
                if let problem = scheme.problem(tags, at: index) {
                    problemLine = lines[index]
                    throw Problem(problem)
                }
            }
            var text = ""
            var boundaries: [TextToken] = []
            boundaries.reserveCapacity(tokens.count)
            var offset = 0
            for (index, token) in tokens.enumerated() {
                if index > 0 {
                    text += " "
                    offset += 1
                }
                text += token
                let length = RecordChecks.scalarLength(token)
                boundaries.append(TextToken(start: offset, end: offset + length))
                offset += length
            }
            let spans = TaggingScheme.chunks(tags).map {
                EntitySpan(start: boundaries[$0.first].start, end: boundaries[$0.last].end, label: $0.type)
            }
            let annotation = ImportedAnnotation(answer: .spans(spans), annotator: "")
            if let problem = RecordChecks.annotationProblem(annotation, textLength: offset, project: project) {
                problemLine = sentenceFirstLine
                throw Problem(problem)
            }
            let usual = atEnd ? "" : "\n"
            let task = LabelTask(id: RecordChecks.madeID(projectID: project.id, number: sentenceFirstLine), projectID: project.id,
                                 text: text, marking: project.defaultMarking)
            records.append(InterchangeRecord(
                task: task, annotations: [annotation],
                layout: TokenLayout(tokens: boundaries, writtenTags: tags, separatorAfter: separator == usual ? nil : separator)))
            tokens.removeAll(keepingCapacity: true)
            tags.removeAll(keepingCapacity: true)
            lines.removeAll(keepingCapacity: true)
        }
    }

    public static func write(_ records: [InterchangeRecord], project: Project, options: InterchangeOptions) throws(InterchangeError) -> Data {
        guard project.kind == .spans else { throw RecordChecks.wrongKind("CoNLL files hold entity spans", project: project, fileName: "export") }
        var output = OutputText(reserving: records.count * 200)
        for (index, record) in records.enumerated() {
            let isLast = index == records.count - 1
            do throws(Problem) {
                try write(record, isLast: isLast, into: &output.text)
            } catch {
                throw InterchangeError(fileName: "export", location: .file, problem: "task \"\(record.task.id)\": \(error.text)")
            }
        }
        return output.data
    }

    static func write(_ record: InterchangeRecord, isLast: Bool, into output: inout String) throws(Problem) {
        let text = record.task.text
        let indices = text.scalarIndices()
        let tokens = record.layout?.tokens ?? whitespaceTokens(Array(text.unicodeScalars))
        let spans: [EntitySpan]
        if let annotation = record.annotations.first(where: { $0.skipReason == nil }), case .spans(let given) = annotation.answer {
            spans = given
        } else if case .spans(let given)? = record.task.predictions.first?.answer {
            spans = given
        } else {
            spans = []
        }
        var tags: [String]
        if let written = record.layout?.writtenTags, written.count == tokens.count,
           Set(TaggingScheme.chunks(written).map { EntitySpan(start: tokens[$0.first].start, end: tokens[$0.last].end, label: $0.type) }) == Set(spans) {
            tags = written
        } else {
            tags = Array(repeating: "O", count: tokens.count)
            for span in spans.sorted() {
                guard let first = tokens.firstIndex(where: { $0.start == span.start }),
                      let last = tokens.firstIndex(where: { $0.end == span.end }), first <= last
                else { throw Problem("span \(span.start)-\(span.end) (\(span.label)) does not start and end at token boundaries; CoNLL tags whole tokens") }
                guard tags[first...last].allSatisfy({ $0 == "O" }) else {
                    throw Problem("span \(span.start)-\(span.end) (\(span.label)) overlaps another; CoNLL gives each token one tag")
                }
                tags[first] = "B-" + span.label
                for position in (first + 1)..<(last + 1) { tags[position] = "I-" + span.label }
            }
        }
        for (token, tag) in zip(tokens, tags) {
            output += text[indices[token.start]..<indices[token.end]]
            output += "\t"
            output += tag
            output += "\n"
        }
        output += record.layout?.separatorAfter ?? (isLast ? "" : "\n")
    }

    /// Tokens cut at white space, for a record that came without any.
    static func whitespaceTokens(_ scalars: [Unicode.Scalar]) -> [TextToken] {
        var tokens: [TextToken] = []
        var start: Int?
        for (index, scalar) in scalars.enumerated() {
            if scalar.properties.isWhitespace {
                if let begun = start { tokens.append(TextToken(start: begun, end: index)) }
                start = nil
            } else if start == nil {
                start = index
            }
        }
        if let begun = start { tokens.append(TextToken(start: begun, end: scalars.count)) }
        return tokens
    }
}
