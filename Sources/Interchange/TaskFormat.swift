import Domain
import Foundation

/// A file format tasks are imported from and exported to.
///
/// Every reader is all or nothing: the first bad record throws, naming the line or the
/// JSON path, so the caller imports nothing from a broken file.
public protocol TaskFormat {
    /// The name people type (`--format conll`).
    static var name: String { get }
    /// What the format is for, one line, for `--help`.
    static var summary: String { get }
    /// Whether `read` makes tasks. The geo formats do not: their shapes come onto chips
    /// through `GeoPredictionImport`, and `read` says so.
    static var readsTasks: Bool { get }
    static func read(_ data: Data, fileName: String, project: Project, options: InterchangeOptions) throws(InterchangeError) -> [InterchangeRecord]
    /// Reads `data` a piece at a time, for a caller that stores each piece while the
    /// next are read: each piece's records are made into a `Piece` by `prepare`, on the
    /// thread that read them, and handed to `consume` in file order, each with where it
    /// lies in the file (`FilePiece`). All or nothing as `read` is: a bad record throws
    /// its `InterchangeError` when its piece's turn comes, after `consume` has had the
    /// records before it, so a caller inside a transaction rolls back. An error `consume`
    /// throws stops the reading and is thrown. Formats that cannot be cut read whole,
    /// as one piece.
    ///
    /// An id given to two records in different pieces may be left to the consumer,
    /// whose store's key refuses it anyway: the format then gives each record's line
    /// (`FilePiece.lines`) for the sentence, which `Formats.idUsedTwice` words.
    static func readPieces<Piece: Sendable>(
        _ data: Data, fileName: String, project: Project, options: InterchangeOptions,
        prepare: @escaping @Sendable (_ records: [InterchangeRecord], _ place: FilePiece) -> Piece,
        consume: (_ piece: Piece, _ place: FilePiece) throws -> Void
    ) throws
    static func write(_ records: [InterchangeRecord], project: Project, options: InterchangeOptions) throws(InterchangeError) -> Data
}

extension TaskFormat {
    public static var readsTasks: Bool { true }

    public static func readPieces<Piece: Sendable>(
        _ data: Data, fileName: String, project: Project, options: InterchangeOptions,
        prepare: @escaping @Sendable (_ records: [InterchangeRecord], _ place: FilePiece) -> Piece,
        consume: (_ piece: Piece, _ place: FilePiece) throws -> Void
    ) throws {
        let place = FilePiece(number: 0, count: 1, bytes: 0..<data.count, fileBytes: data.count, lines: [])
        try consume(prepare(try read(data, fileName: fileName, project: project, options: options), place), place)
    }

    public static func read(_ data: Data, fileName: String, project: Project) throws(InterchangeError) -> [InterchangeRecord] {
        try read(data, fileName: fileName, project: project, options: InterchangeOptions())
    }

    public static func write(_ records: [InterchangeRecord], project: Project) throws(InterchangeError) -> Data {
        try write(records, project: project, options: InterchangeOptions())
    }
}

/// Where a piece handed over by `TaskFormat.readPieces` lies in its file.
public struct FilePiece: Sendable {
    /// Counting from 0, of `count`.
    public var number: Int
    public var count: Int
    /// The piece's bytes in the file, and the file's size.
    public var bytes: Range<Int>
    public var fileBytes: Int
    /// Each record's first line in the file, where the format leaves an id given twice
    /// to the consumer (see `readPieces`); empty where it refuses such ids itself or
    /// makes ids that cannot repeat.
    public var lines: [Int]

    public init(number: Int, count: Int, bytes: Range<Int>, fileBytes: Int, lines: [Int]) {
        self.number = number
        self.count = count
        self.bytes = bytes
        self.fileBytes = fileBytes
        self.lines = lines
    }
}

/// Choices some formats take; every member has a default that fits most files.
public struct InterchangeOptions: Sendable {
    /// CoNLL: the tagging scheme of the file read. `automatic` reads IOB1, IOB2 and
    /// BIOES alike (their entities come out the same); a named scheme also refuses a tag
    /// the scheme forbids.
    public var conllScheme: TaggingScheme
    /// Label Studio: the `data` member holding the task's text; nil takes `text`, or
    /// else the member the results' `to_name` points at (`$uri`).
    public var labelStudioTextKey: String?
    /// CSV: what joins several labels in one cell.
    public var csvLabelSeparator: String
    /// GeoJSON and GeoPackage: where each task's chip lies on the Earth. The hub gives it
    /// from its media store; an export of a geo project without it is refused.
    public var georeferencing: (any ChipGeoreferencing)?
    /// COCO: each scene's size in pixels, for `images`; a scene not listed gets the extent
    /// of its chips (its size when the chips cover it).
    public var sceneSizes: [String: PixelWindow]

    public init(
        conllScheme: TaggingScheme = .automatic, labelStudioTextKey: String? = nil, csvLabelSeparator: String = ";",
        georeferencing: (any ChipGeoreferencing)? = nil, sceneSizes: [String: PixelWindow] = [:]
    ) {
        self.conllScheme = conllScheme
        self.labelStudioTextKey = labelStudioTextKey
        self.csvLabelSeparator = csvLabelSeparator
        self.georeferencing = georeferencing
        self.sceneSizes = sceneSizes
    }
}

extension InterchangeOptions: Equatable {
    /// Georeferencing is a service, not a value: options are equal when both have one or neither.
    public static func == (left: InterchangeOptions, right: InterchangeOptions) -> Bool {
        left.conllScheme == right.conllScheme && left.labelStudioTextKey == right.labelStudioTextKey
            && left.csvLabelSeparator == right.csvLabelSeparator && (left.georeferencing == nil) == (right.georeferencing == nil)
            && left.sceneSizes == right.sceneSizes
    }
}

/// The one registry of formats: the command line dispatches through it.
public enum Formats {
    public static let all: [any TaskFormat.Type] = [
        JSONLFormat.self, LabelStudioFormat.self, CoNLLFormat.self, ProdigyFormat.self, CSVFormat.self,
        GeoJSONFormat.self, GeoPackageFormat.self, COCOFormat.self,
    ]

    /// The format called `name` (any case), or nil.
    public static func named(_ name: String) -> (any TaskFormat.Type)? {
        let lowered = name.lowercased()
        return all.first { $0.name == lowered }
    }

    /// `"jsonl", "labelstudio", ...`: for a sentence saying which names are known.
    public static var names: String { all.map { "\"\($0.name)\"" }.joined(separator: ", ") }

    /// The names of the formats that carry boxes and polygons (LabelDesk JSONL, and the
    /// GIS and COCO formats where they are registered).
    static let shapeFormatNameSet: Set<String> = ["jsonl", "geojson", "gpkg", "coco"]

    /// The registered formats that carry shapes, in registry order.
    public static var shapeFormats: [any TaskFormat.Type] { all.filter { shapeFormatNameSet.contains($0.name) } }

    /// `"jsonl"` or `"jsonl", "geojson" or "coco"`: for a sentence naming them.
    public static var shapeFormatNames: String {
        let quoted = shapeFormats.map { "\"\($0.name)\"" }
        guard quoted.count > 1 else { return quoted.first ?? "\"jsonl\"" }
        return quoted.dropLast().joined(separator: ", ") + " or " + quoted.last!
    }
}

extension Formats {
    /// Reads with a format chosen at run time (`--format`).
    public static func read(
        _ data: Data, as format: any TaskFormat.Type, fileName: String, project: Project, options: InterchangeOptions
    ) throws -> [InterchangeRecord] {
        try format.read(data, fileName: fileName, project: project, options: options)
    }

    /// `TaskFormat.readPieces` with a format chosen at run time.
    public static func readPieces<Piece: Sendable>(
        _ data: Data, as format: any TaskFormat.Type, fileName: String, project: Project, options: InterchangeOptions,
        prepare: @escaping @Sendable (_ records: [InterchangeRecord], _ place: FilePiece) -> Piece,
        consume: (_ piece: Piece, _ place: FilePiece) throws -> Void
    ) throws {
        try format.readPieces(data, fileName: fileName, project: project, options: options, prepare: prepare, consume: consume)
    }

    /// Where `readPieces` cuts a file of `byteCount` bytes (each cut then moved on to
    /// the next record's start): pieces of about a megabyte, the first ones smaller (an
    /// eighth, a quarter, a half), so the first piece goes in after little reading and
    /// each later one is read while the one before goes in.
    static func pieceCuts(byteCount: Int) -> [Int] {
        var cuts: [Int] = []
        var size = pieceBytes / 8
        var cut = size
        while cut < byteCount - pieceBytes / 2 {
            cuts.append(cut)
            size = min(pieceBytes, size * 2)
            cut += size
        }
        return cuts
    }
    static let pieceBytes = 1 << 20

    /// The sentence for an id given to two records, at `line` and before at `firstLine`.
    public static func idUsedTwice(_ id: String, fileName: String, line: Int, firstLine: Int) -> InterchangeError {
        InterchangeError(
            fileName: fileName, location: .line(line),
            problem: Problem("id \"\(id)\" is already used on line \(firstLine); every task needs its own id").lineText)
    }

    /// Writes with a format chosen at run time (`--format`).
    public static func write(
        _ records: [InterchangeRecord], as format: any TaskFormat.Type, project: Project, options: InterchangeOptions
    ) throws -> Data {
        try format.write(records, project: project, options: options)
    }
}
