import Domain
import Foundation

/// One task with everything known about it: what every format reads into and writes from.
///
/// A format converts between its own shape and this one, so the hub imports and exports
/// through one type whatever the file was.
public struct InterchangeRecord: Equatable, Sendable {
    /// Id, text, responses (comparison), predictions, marking, priority and meta.
    public var task: LabelTask
    /// Work done elsewhere (or here, on export), in the order the file gave it.
    public var annotations: [ImportedAnnotation]
    /// How the text was cut into tokens, when a token-based format (CoNLL, Prodigy) said.
    public var layout: TokenLayout?
    /// A chip list's line names its image by file: the task's `image` is nil until the
    /// importer cuts the chip and stores it, and its shapes are in that file's pixels.
    public var imageSource: ImageSource?

    public init(task: LabelTask, annotations: [ImportedAnnotation] = [], layout: TokenLayout? = nil, imageSource: ImageSource? = nil) {
        self.task = task
        self.annotations = annotations
        self.layout = layout
        self.imageSource = imageSource
    }
}

/// An image a chip list names by its file (`"image": "tiles/a.tif"`), with the part of it
/// to label (`"window": [x, y, width, height]`): cut into a chip by `labeldesk import`.
public struct ImageSource: Equatable, Sendable {
    /// The path as the line wrote it: absolute, or relative to the list's folder.
    public var path: String
    /// The part to label, in the file's pixels; nil labels the whole file.
    public var window: PixelWindow?
    /// The line that named it, for a sentence about it.
    public var line: Int

    public init(path: String, window: PixelWindow? = nil, line: Int) {
        self.path = path
        self.window = window
        self.line = line
    }
}

/// An annotation as a file carries it: the answer and who gave it, without the station,
/// lease and id a LabelDesk annotation gets when the hub stores it.
public struct ImportedAnnotation: Equatable, Sendable {
    public var answer: Answer
    /// Why it was skipped; nil when answered. A skip carries its kind's empty answer.
    public var skipReason: String?
    /// Who did the work, as the file names them (`completed_by`, an email or a number; `annotator`).
    public var annotator: String
    public var createdAt: Date?
    public var secondsOnTask: Double?
    public var flag: String?
    public var predictionAccepted: Bool?
    /// Label Studio's `ground_truth`: the answer is meant as the task's known answer (gold).
    public var isGroundTruth: Bool

    public init(
        answer: Answer, skipReason: String? = nil, annotator: String, createdAt: Date? = nil,
        secondsOnTask: Double? = nil, flag: String? = nil, predictionAccepted: Bool? = nil, isGroundTruth: Bool = false
    ) {
        self.answer = answer
        self.skipReason = skipReason
        self.annotator = annotator
        self.createdAt = createdAt
        self.secondsOnTask = secondsOnTask
        self.flag = flag
        self.predictionAccepted = predictionAccepted
        self.isGroundTruth = isGroundTruth
    }
}

/// The tokens of a task's text, in Unicode scalar offsets, and how a file spelled them.
///
/// Kept so an export gives back the tokens a file came with rather than re-cutting the text.
public struct TokenLayout: Equatable, Sendable {
    public var tokens: [TextToken]
    /// CoNLL: each token's tag as the file wrote it, when that is not the IOB2 of the
    /// sentence's spans (nil then). An export writes these again when they still say the
    /// same spans as the annotation, so a file in another scheme (or with a stray `I-`
    /// after `O`) comes back byte for byte; otherwise it writes IOB2.
    public var writtenTags: [String]?
    /// CoNLL: the lines after the sentence's last token when they are not the usual one
    /// blank line (several blank lines, a stray byte-order mark); nil for the usual.
    public var separatorAfter: String?

    public init(tokens: [TextToken], writtenTags: [String]? = nil, separatorAfter: String? = nil) {
        self.tokens = tokens
        self.writtenTags = writtenTags
        self.separatorAfter = separatorAfter
    }
}

extension TokenLayout {
    /// The text's words between white space, in scalar offsets: the tokens of a record
    /// that came without any, and of every CoNLL sentence (its tokens joined by spaces).
    public static func words(of text: String) -> [TextToken] {
        // Read from the string's UTF-8 bytes, a scalar decoded only where it is not ASCII:
        // walking `unicodeScalars` was most of coding a CoNLL task's layout. One loop with
        // no closure over its state, which Swift would check for exclusive access per scalar.
        let read: [TextToken]? = text.utf8.withContiguousStorageIfAvailable { bytes in
            var tokens: [TextToken] = []
            // Room for words of four bytes and a space: growing from none reallocated often.
            tokens.reserveCapacity(bytes.count / 5 + 1)
            var start = -1
            var index = 0
            var position = 0
            while position < bytes.count {
                let lead = bytes[position]
                let isSpace: Bool
                if lead < 0x80 {
                    isSpace = lead == 0x20 || (0x09...0x0D).contains(lead)
                    position += 1
                } else {
                    let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
                    var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                    for offset in 1..<length { value = value << 6 | UInt32(bytes[position + offset] & 0x3F) }
                    isSpace = isWhiteSpace(value)
                    position += length
                }
                if isSpace {
                    if start >= 0 { tokens.append(TextToken(start: start, end: index)) }
                    start = -1
                } else if start < 0 {
                    start = index
                }
                index += 1
            }
            if start >= 0 { tokens.append(TextToken(start: start, end: index)) }
            return tokens
        }
        if let read { return read }
        var tokens: [TextToken] = []
        var start: Int?
        for (index, scalar) in text.unicodeScalars.enumerated() {
            if scalar.isASCII ? scalar.value == 0x20 || (0x09...0x0D).contains(scalar.value) : isWhiteSpace(scalar.value) {
                if let begun = start { tokens.append(TextToken(start: begun, end: index)) }
                start = nil
            } else if start == nil {
                start = index
            }
        }
        if let begun = start { tokens.append(TextToken(start: begun, end: text.unicodeScalars.count)) }
        return tokens
    }

    /// Unicode's White_Space property (`Unicode.Scalar.Properties.isWhitespace`) of a
    /// scalar above ASCII: a fixed list, looked up here without the property tables.
    static func isWhiteSpace(_ value: UInt32) -> Bool {
        switch value {
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }
}

/// One token: its scalar offsets in the task's text, `end` exclusive.
public struct TextToken: Equatable, Hashable, Sendable {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }
}
