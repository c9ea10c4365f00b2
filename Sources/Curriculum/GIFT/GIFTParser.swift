/// Reads a GIFT quiz file into questions, the way Moodle's importer does.
///
/// It follows `qformat_gift::readquestion` (Moodle's `question/format/gift/format.php`) and
/// `qformat_default::readquestions` step by step, quirks included, because a course
/// written for Moodle must mean the same here: questions are blocks of lines between
/// blank lines, every line trimmed; lines starting `//` are comments; the answers are
/// between the first `{` and the first `}`; the type follows from what is inside.
/// Where Moodle's importer would take something meaningless without a word (a numerical
/// answer that is not a number becomes "anything is right"), this refuses it with a
/// sentence instead; each such place says so.
public enum GIFTParser {
    /// The questions of one file, each with the `$CATEGORY` in force before it.
    public static func parse(_ source: String, fileName: String) throws(GIFTError) -> [GIFTQuestion] {
        var questions: [GIFTQuestion] = []
        var category: String?
        for block in blocks(of: source) {
            switch try QuestionReader(block: block, fileName: fileName).read() {
            case .nothing:
                continue
            case .category(let path):
                category = path
            case .question(var question):
                question.category = category
                questions.append(question)
            }
        }
        return questions
    }

    struct SourceLine {
        var number: Int
        var text: String
    }

    /// Moodle's `readquestions`: lines trimmed, split at blank ones. PHP's `empty` makes a
    /// line holding just `0` blank too. A byte order mark at the start is dropped, and a
    /// line ends at `\n`, `\r\n` or `\r`.
    static func blocks(of source: String) -> [[SourceLine]] {
        var text = Substring(source)
        if text.first == "\u{FEFF}" { text = text.dropFirst() }
        var blocks: [[SourceLine]] = []
        var current: [SourceLine] = []
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
        for (offset, raw) in lines.enumerated() {
            let line = MoodleText.trim(raw)
            if MoodleText.isEmpty(line) {
                if !current.isEmpty { blocks.append(current) }
                current = []
            } else {
                current.append(SourceLine(number: offset + 1, text: String(line)))
            }
        }
        if !current.isEmpty { blocks.append(current) }
        return blocks
    }
}

/// One block of lines on its way to a question.
///
/// All the slicing happens on substrings of `joined`, the block's lines (escapes
/// protected, comments blanked) joined by newlines, so any position can be turned back
/// into a line of the file for an error.
struct QuestionReader {
    enum Outcome {
        /// Only comments.
        case nothing
        case category(String)
        case question(GIFTQuestion)
    }

    let block: [GIFTParser.SourceLine]
    let fileName: String
    let joined: String
    let comments: String

    init(block: [GIFTParser.SourceLine], fileName: String) {
        self.block = block
        self.fileName = fileName
        var comments = ""
        var lines: [String] = []
        for line in block {
            if line.text.hasPrefix("//") {
                comments += line.text + "\n"
                lines.append(" ")
            } else {
                lines.append(GIFTEscapes.protect(line.text))
            }
        }
        self.joined = lines.joined(separator: "\n")
        self.comments = comments
    }

    /// The file's line number for a position in `joined`.
    func line(at index: String.Index) -> Int {
        let newlines = joined[..<index].reduce(0) { $1 == "\n" ? $0 + 1 : $0 }
        return block[min(newlines, block.count - 1)].number
    }

    func error(at index: String.Index, _ problem: String) -> GIFTError {
        GIFTError(fileName: fileName, line: line(at: index), problem: problem)
    }

    func read() throws(GIFTError) -> Outcome {
        var text = MoodleText.trim(joined[...])
        if text.isEmpty { return .nothing }
        let start = text.startIndex

        if text.hasPrefix("$CATEGORY:") {
            let path = MoodleText.trim(text.dropFirst("$CATEGORY:".count))
            // Moodle would make the lines after it part of the category's name.
            if let newline = path.firstIndex(of: "\n") {
                throw error(at: path.index(after: newline), "a $CATEGORY line stands alone; leave a blank line between it and the question after it")
            }
            // Moodle leaves its escape placeholders (`&&058;`) in a category; the escapes are undone here.
            return .category(GIFTEscapes.restore(path))
        }

        var name: String?
        if text.hasPrefix("::") {
            text = text.dropFirst(2)
            // With no closing `::` Moodle names the question after its text, and the `::` is gone.
            if let end = text.firstRange(of: "::") {
                name = MoodleText.cleanQuestionName(GIFTEscapes.restore(text[..<end.lowerBound]))
                text = MoodleText.trim(text[end.upperBound...])
            }
        }

        let open = text.firstIndex(of: "{")
        let close = text.firstIndex(of: "}")
        let answers: Substring
        let questionText: String
        switch (open, close) {
        case (nil, nil):
            answers = ""
            questionText = String(text)
        case (let open?, nil):
            throw error(at: open, "the answers open with { but never close; end them with }, or write \\{ for a brace in the text")
        case (nil, let close?):
            throw error(at: close, "there is a } with no { before it; open the answers with {, or write \\} for a brace in the text")
        case (let open?, let close?):
            guard open < close else {
                throw error(at: close, "a } comes before the { that opens the answers; write \\} for a brace in the text")
            }
            answers = MoodleText.trim(text[text.index(after: open)..<close])
            let after = text[text.index(after: close)...]
            // Answers at the very end leave no gap; anywhere else they are a missing word.
            questionText = String(text[..<open]) + (text.last == "}" ? "" : "_____") + after
        }

        var answerText = answers
        var generalFeedback: Substring = ""
        if let separator = Self.lastRange(of: "####", in: answers) {
            generalFeedback = answers[separator.upperBound...]
            answerText = MoodleText.trim(answers[..<separator.lowerBound])
        }

        let textWithFormat = Self.textWithFormat(questionText[...], default: .moodle)
        let format = textWithFormat.format
        var question = GIFTQuestion(
            name: name ?? MoodleText.defaultQuestionName(for: textWithFormat.text),
            text: textWithFormat,
            generalFeedback: Self.textWithFormat(generalFeedback, default: format),
            kind: .description,
            line: line(at: start)
        )
        (question.idNumber, question.tags) = GIFTCommentTokens.idNumberAndTags(in: comments)

        if open == nil {
            question.kind = .description
        } else if answerText.isEmpty {
            question.kind = .essay
        } else if answerText.first == "#" {
            question.kind = .numerical(try numericalAnswers(answerText, format: format))
        } else if answerText.contains("~") {
            question.kind = .multipleChoice(try multipleChoice(answerText, format: format))
        } else if answerText.contains("="), answerText.firstRange(of: "->") != nil {
            question.kind = .matching(try matchingPairs(answerText, format: format))
        } else if let trueFalse = Self.trueFalse(answerText, format: format) {
            question.kind = .trueFalse(trueFalse)
        } else {
            question.kind = .shortAnswer(try shortAnswers(answerText, format: format))
        }
        return .question(question)
    }

    /// PHP `strrpos`: the last place `pattern` starts, overlaps allowed (`#####` gives 1).
    static func lastRange(of pattern: String, in text: Substring) -> Range<String.Index>? {
        var index = text.endIndex
        while index > text.startIndex {
            index = text.index(before: index)
            if text[index...].starts(with: pattern) {
                return index..<text.index(index, offsetBy: pattern.count)
            }
        }
        return nil
    }

    /// Moodle's `parse_text_with_format`: a leading `[html]`, `[moodle]`, `[plain]` or
    /// `[markdown]` sets the format and is removed; anything else in brackets is text. Then
    /// the escapes are undone and the text trimmed.
    static func textWithFormat(_ text: Substring, default defaultFormat: GIFTTextFormat) -> GIFTText {
        var body = text
        var format = defaultFormat
        if text.first == "[" {
            if let end = text.firstIndex(of: "]") {
                if let named = GIFTTextFormat(rawValue: String(text[text.index(after: text.startIndex)..<end])) {
                    format = named
                    body = text[text.index(after: end)...]
                }
            } else if let named = GIFTTextFormat(rawValue: String(text.dropFirst().dropLast())) {
                // With no `]`, PHP's `substr($text, 1, false - 1)` reads all but the last character
                // as the format, and `substr($text, false + 1)` keeps all but the `[`.
                format = named
                body = text.dropFirst()
            }
        }
        return GIFTText(MoodleText.trim(GIFTEscapes.restore(body)), format)
    }

    /// Moodle's `commentparser`: the answer up to the first `#`, its feedback after.
    static func answerAndFeedback(_ answer: Substring, format: GIFTTextFormat) -> (GIFTText, GIFTText) {
        guard let hash = answer.firstIndex(of: "#") else {
            return (textWithFormat(MoodleText.trim(answer), default: format), GIFTText("", format))
        }
        return (
            textWithFormat(MoodleText.trim(answer[..<hash]), default: format),
            textWithFormat(MoodleText.trim(answer[answer.index(after: hash)...]), default: format)
        )
    }
}
