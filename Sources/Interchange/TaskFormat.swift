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
    /// thread that read them, and handed to `consume` in file order (with the piece's
    /// number and how many there are). All or nothing as `read` is: a bad record throws
    /// its `InterchangeError` when its piece's turn comes, after `consume` has had the
    /// pieces before, so a caller inside a transaction rolls back. An error `consume`
    /// throws stops the reading and is thrown. Formats that cannot be cut read whole,
    /// as one piece.
    static func readPieces<Piece: Sendable>(
        _ data: Data, fileName: String, project: Project, options: InterchangeOptions,
        prepare: @escaping @Sendable (_ records: [InterchangeRecord], _ piece: Int) -> Piece,
        consume: (_ piece: Piece, _ number: Int, _ count: Int) throws -> Void
    ) throws
    static func write(_ records: [InterchangeRecord], project: Project, options: InterchangeOptions) throws(InterchangeError) -> Data
}

extension TaskFormat {
    public static var readsTasks: Bool { true }

    public static func readPieces<Piece: Sendable>(
        _ data: Data, fileName: String, project: Project, options: InterchangeOptions,
        prepare: @escaping @Sendable (_ records: [InterchangeRecord], _ piece: Int) -> Piece,
        consume: (_ piece: Piece, _ number: Int, _ count: Int) throws -> Void
    ) throws {
        try consume(prepare(try read(data, fileName: fileName, project: project, options: options), 0), 0, 1)
    }

    public static func read(_ data: Data, fileName: String, project: Project) throws(InterchangeError) -> [InterchangeRecord] {
        try read(data, fileName: fileName, project: project, options: InterchangeOptions())
    }

    public static func write(_ records: [InterchangeRecord], project: Project) throws(InterchangeError) -> Data {
        try write(records, project: project, options: InterchangeOptions())
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
        prepare: @escaping @Sendable (_ records: [InterchangeRecord], _ piece: Int) -> Piece,
        consume: (_ piece: Piece, _ number: Int, _ count: Int) throws -> Void
    ) throws {
        try format.readPieces(data, fileName: fileName, project: project, options: options, prepare: prepare, consume: consume)
    }

    /// How many pieces a file of `byteCount` bytes is read in by `readPieces`: about a
    /// megabyte each, so the first is stored while the rest are still being read.
    static func pieceCount(byteCount: Int) -> Int { max(1, byteCount / pieceBytes) }
    static let pieceBytes = 1 << 20

    /// Writes with a format chosen at run time (`--format`).
    public static func write(
        _ records: [InterchangeRecord], as format: any TaskFormat.Type, project: Project, options: InterchangeOptions
    ) throws -> Data {
        try format.write(records, project: project, options: options)
    }
}
