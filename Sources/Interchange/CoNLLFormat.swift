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
/// first prediction). A file's tags are kept only where they are not that IOB2. Spans must start and end at token boundaries and may not overlap.
public enum CoNLLFormat: TaskFormat {
    public static let name = "conll"
    public static let summary = "CoNLL token<TAB>tag lines, blank line between sentences; entity spans; reads IOB1, IOB2, BIOES, writes IOB2"

    public static func read(_ data: Data, fileName: String, project: Project, options: InterchangeOptions) throws(InterchangeError) -> [InterchangeRecord] {
        guard project.kind == .spans else {
            throw RecordChecks.wrongKind("CoNLL files hold entity spans", project: project, fileName: fileName)
        }
        return try FileLines.withCheckedBytes(data, fileName: fileName) { bytes throws(InterchangeError) in
            // Read in pieces cut between sentences, one per core; the first problem by
            // line is the one reported, as a reading from the top would find it.
            let pieces = sentencePieces(bytes, cuts: FileLines.equalCuts(
                byteCount: bytes.count, count: bytes.count < JSONLines.parallelThreshold ? 1 : ProcessInfo.processInfo.activeProcessorCount))
            var results = [PieceResult](repeating: .success([]), count: pieces.count)
            results.withUnsafeMutableBufferPointer { slots in
                let shared = UncheckedSlots(slots: slots, pieces: pieces)
                let scheme = options.conllScheme
                let readOne: @Sendable (Int) -> Void = { index in
                    let piece = shared.pieces[index]
                    shared.slots[index] = readPiece(piece.bytes, firstLine: piece.firstLine, isLast: index == shared.pieces.count - 1, project: project, scheme: scheme)
                }
                if pieces.count == 1 { readOne(0) } else { DispatchQueue.concurrentPerform(iterations: pieces.count, execute: readOne) }
            }
            var records: [InterchangeRecord] = []
            for result in results {
                switch result {
                case .success(let read): records += read
                case .failure(let failure): throw InterchangeError(fileName: fileName, location: .line(failure.line), problem: failure.problem.text)
                }
            }
            return records
        }
    }

    public static func readPieces<Piece: Sendable>(
        _ data: Data, fileName: String, project: Project, options: InterchangeOptions,
        prepare: @escaping @Sendable (_ records: [InterchangeRecord], _ place: FilePiece) -> Piece,
        consume: (_ piece: Piece, _ place: FilePiece) throws -> Void
    ) throws {
        guard project.kind == .spans else {
            throw RecordChecks.wrongKind("CoNLL files hold entity spans", project: project, fileName: fileName)
        }
        try FileLines.withBytes(data) { bytes in
            let shared = FileLines.SharedPieces(pieces: sentencePieces(bytes, cuts: Formats.pieceCuts(byteCount: bytes.count)))
            let scheme = options.conllScheme
            // Ids are made from each sentence's first line, so none repeats: no lines handed on.
            let places = shared.places(in: bytes)
            var number = 0
            try PieceWork.inOrder(count: places.count, make: { index -> Result<Piece, PieceFailure> in
                let piece = shared.pieces[index]
                if let line = FileLines.lineNotUTF8(in: piece) {
                    return .failure(PieceFailure(line: line, problem: Problem(FileLines.notUTF8Problem)))
                }
                return readPiece(piece.bytes, firstLine: piece.firstLine, isLast: index == places.count - 1, project: project, scheme: scheme)
                    .map { prepare($0, places[index]) }
            }, consume: { result in
                switch result {
                case .success(let piece):
                    try consume(piece, places[number])
                    number += 1
                case .failure(let failure):
                    throw InterchangeError(fileName: fileName, location: .line(failure.line), problem: failure.problem.text)
                }
            })
        }
    }

    struct PieceFailure: Error {
        var line: Int
        var problem: Problem
    }

    typealias PieceResult = Result<[InterchangeRecord], PieceFailure>

    /// Result slots and pieces handed to the threads of one read; each reads only its
    /// own piece and writes only its own slot, and the file is not written meanwhile.
    private struct UncheckedSlots: @unchecked Sendable {
        let slots: UnsafeMutableBufferPointer<PieceResult>
        let pieces: [(bytes: UnsafeBufferPointer<UInt8>, firstLine: Int)]
    }

    /// One piece of the file read on its own. Every piece but the last ends with a
    /// sentence and the one blank line after it (see `sentencePieces`), so it reads as
    /// it would inside the whole file.
    static func readPiece(_ bytes: UnsafeBufferPointer<UInt8>, firstLine: Int, isLast: Bool, project: Project, scheme: TaggingScheme) -> PieceResult {
        var reader = SentenceReader(project: project, scheme: scheme)
        var failedLine = 0
        do throws(Problem) {
            try FileLines.forEach(bytes, firstLine: firstLine) { line throws(Problem) in
                failedLine = line.number
                try reader.take(line)
            }
            failedLine = reader.sentenceFirstLine
            try reader.finishSentence(atEnd: isLast)
        } catch {
            return .failure(PieceFailure(line: reader.problemLine ?? failedLine, problem: error))
        }
        return .success(reader.records)
    }

    /// The file cut after the next place past each of `cuts` (ascending) where a sentence
    /// ends with exactly one empty line and the next begins (`tag\n\ntoken`), each piece
    /// with the number of its first line. Where no such place is found, fewer pieces.
    static func sentencePieces(_ bytes: UnsafeBufferPointer<UInt8>, cuts: [Int]) -> [(bytes: UnsafeBufferPointer<UInt8>, firstLine: Int)] {
        guard !cuts.isEmpty, bytes.count > 0, let base = bytes.baseAddress else { return [(bytes, 1)] }
        func isText(_ byte: UInt8) -> Bool { byte != 0x0A && byte != 0x0D && byte != 0x20 && byte != 0x09 && byte != 0xEF }
        var pieces: [(bytes: UnsafeBufferPointer<UInt8>, firstLine: Int)] = []
        var start = 0
        var firstLine = 1
        for target in cuts {
            var position = max(start + 3, target)
            var cut: Int?
            while position < bytes.count, let found = memchr(base + position, 0x0A, bytes.count - position) {
                let newline = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                // `newline` ends an empty line when the byte before it ends a line too.
                if newline >= 2, newline + 1 < bytes.count, bytes[newline - 1] == 0x0A, isText(bytes[newline - 2]), isText(bytes[newline + 1]) {
                    cut = newline + 1
                    break
                }
                position = newline + 1
            }
            guard let end = cut else { break }
            let slice = UnsafeBufferPointer(rebasing: bytes[start..<end])
            pieces.append((slice, firstLine))
            firstLine += FileLines.lineEnds(in: slice)
            start = end
        }
        pieces.append((UnsafeBufferPointer(rebasing: bytes[start...]), firstLine))
        return pieces
    }

    struct SentenceReader {
        let project: Project
        let scheme: TaggingScheme
        let knownTypes: Set<String>
        var records: [InterchangeRecord] = []
        /// The sentence's text as read so far, its tokens joined by single spaces, and
        /// each token's place in it, in scalars: built from the lines' bytes, with no
        /// string per token.
        var text: [UInt8] = []
        var boundaries: [TextToken] = []
        var tags: [String] = []
        /// Each tag as `TaggingScheme.split` splits it.
        var splitTags: [TaggingScheme.SplitTag] = []
        var lines: [Int] = []
        var sentenceFirstLine = 0
        /// The blank lines after the sentence being finished, as written.
        var separator = ""
        var problemLine: Int?
        /// Tags seen, so a file's few tags are checked, split and made into strings once;
        /// searched in order without allocating, since a file has a dozen or so.
        var tagTexts: [(bytes: [UInt8], tag: String, split: TaggingScheme.SplitTag)] = []

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
                if !boundaries.isEmpty || !records.isEmpty {
                    separator += String(utf8Bytes: line.bytes) + "\n"
                }
                return
            }
            if !separator.isEmpty {
                try finishSentence(atEnd: false)
            }
            if boundaries.isEmpty { sentenceFirstLine = line.number }
            let hasTab = content.contains(0x09)
            let separatorByte: UInt8 = hasTab ? 0x09 : 0x20
            guard let firstSeparator = content.firstIndex(of: separatorByte), let lastSeparator = content.lastIndex(of: separatorByte) else {
                problemLine = line.number
                throw Problem("a token line is token<TAB>tag; this line has no tag")
            }
            let token = UnsafeBufferPointer(rebasing: content[..<firstSeparator])
            let tagBytes = UnsafeBufferPointer(rebasing: content[(lastSeparator + 1)...])
            let tag: String
            let split: TaggingScheme.SplitTag
            if let known = tagTexts.first(where: { $0.bytes.elementsEqual(tagBytes) }) {
                (tag, split) = (known.tag, known.split)
            } else {
                tag = String(utf8Bytes: tagBytes)
                split = TaggingScheme.split(tag)
                let (prefix, type) = split
                guard tag == "O" || ("BIES".unicodeScalars.contains(prefix) && tag.unicodeScalars.dropFirst().first == "-" && type != "_") else {
                    problemLine = line.number
                    throw Problem("tag \"\(tag)\" is not O or B-, I-, E-, S- followed by an entity type")
                }
                if tag != "O", !knownTypes.contains(type) {
                    problemLine = line.number
                    throw Problem("entity type \"\(type)\" is not one of project \"\(project.id)\"'s types (\(project.labels.map(\.name).joined(separator: ", "))); add it to the project or fix the tag")
                }
                tagTexts.append((Array(tagBytes), tag, split))
            }
            guard !token.isEmpty else {
                problemLine = line.number
                throw Problem("the token is empty; a token line is token<TAB>tag")
            }
            if !boundaries.isEmpty { text.append(0x20) }
            text.append(contentsOf: token)
            let start = boundaries.last.map { $0.end + 1 } ?? 0
            boundaries.append(TextToken(start: start, end: start + String.scalarCount(utf8: token)))
            tags.append(tag)
            splitTags.append(split)
            lines.append(line.number)
        }

        mutating func finishSentence(atEnd: Bool) throws(Problem) {
            defer { separator = "" }
            guard !boundaries.isEmpty else {
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
            let chunks = TaggingScheme.chunks(split: splitTags)
            let spans = chunks.map {
                EntitySpan(start: boundaries[$0.first].start, end: boundaries[$0.last].end, label: $0.type)
            }
            let annotation = ImportedAnnotation(answer: .spans(spans), annotator: "")
            if let problem = RecordChecks.annotationProblem(annotation, textLength: boundaries.last?.end ?? 0, project: project) {
                problemLine = sentenceFirstLine
                throw Problem(problem)
            }
            let usual = atEnd ? "" : "\n"
            // Tags that are the IOB2 an export writes from the spans anyway are not kept:
            // most files are IOB2, and the task body the hub stores stays small.
            let written = TaggingScheme.areIOB2(splitTags, of: chunks) ? nil : tags
            let task = LabelTask(id: RecordChecks.madeID(projectID: project.id, number: sentenceFirstLine), projectID: project.id,
                                 text: text.withUnsafeBufferPointer { String(utf8Bytes: $0) }, marking: project.defaultMarking)
            records.append(InterchangeRecord(
                task: task, annotations: [annotation],
                layout: TokenLayout(tokens: boundaries, writtenTags: written, separatorAfter: separator == usual ? nil : separator)))
            text.removeAll(keepingCapacity: true)
            boundaries = []
            tags.removeAll(keepingCapacity: true)
            splitTags.removeAll(keepingCapacity: true)
            lines.removeAll(keepingCapacity: true)
        }
    }

    public static func write(_ records: [InterchangeRecord], project: Project, options: InterchangeOptions) throws(InterchangeError) -> Data {
        guard project.kind == .spans else { throw RecordChecks.wrongKind("CoNLL files hold entity spans", project: project, fileName: "export") }
        return try PieceWriter.write(count: records.count, bytesPerRecord: 200) { index, text throws(InterchangeError) in
            let record = records[index]
            do throws(Problem) {
                try write(record, isLast: index == records.count - 1, into: &text)
            } catch {
                throw InterchangeError(fileName: "export", location: .file, problem: "task \"\(record.task.id)\": \(error.text)")
            }
        }
    }

    static func write(_ record: InterchangeRecord, isLast: Bool, into output: inout String) throws(Problem) {
        let text = record.task.text
        let indices = text.scalarIndices()
        let tokens = record.layout?.tokens ?? TokenLayout.words(of: text)
        let spans: [EntitySpan]
        if let annotation = record.annotations.first(where: { $0.skipReason == nil }), case .spans(let given) = annotation.answer {
            spans = given
        } else if case .spans(let given)? = record.task.predictions.first?.answer {
            spans = given
        } else {
            spans = []
        }
        let tags: [String]
        if let written = record.layout?.writtenTags, written.count == tokens.count,
           Set(TaggingScheme.chunks(written).map { EntitySpan(start: tokens[$0.first].start, end: tokens[$0.last].end, label: $0.type) }) == Set(spans) {
            tags = written
        } else {
            tags = try iob2Tags(spans, tokens: tokens)
        }
        for (token, tag) in zip(tokens, tags) {
            output += text[indices[token.start]..<indices[token.end]]
            output += "\t"
            output += tag
            output += "\n"
        }
        output += record.layout?.separatorAfter ?? (isLast ? "" : "\n")
    }

    /// The IOB2 tags of `spans` over `tokens`: what an export writes when the file's own
    /// tags are not kept.
    static func iob2Tags(_ spans: [EntitySpan], tokens: [TextToken]) throws(Problem) -> [String] {
        var tags = Array(repeating: "O", count: tokens.count)
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
        return tags
    }
}
