/// One message GDAL raised: its level, its error number and its own text.
///
/// GDAL's words are for the station's log, where someone who knows GDAL reads them;
/// the person at the terminal gets `ImageryError`'s sentence instead.
public struct GDALMessage: Hashable, Sendable, CustomStringConvertible {
    public enum Level: String, Hashable, Sendable {
        case debug, warning, failure, fatal
    }

    public var level: Level
    /// GDAL's `CPLErrorNum` (1 = application defined, 4 = open failed, 3 = file I/O...).
    public var code: Int
    public var text: String

    public init(level: Level, code: Int, text: String) {
        self.level = level
        self.code = code
        self.text = text
    }

    public var description: String { "GDAL \(level.rawValue) \(code): \(text)" }
}

/// Where GDAL's own messages go: the station's log file, never the terminal.
///
/// One sink for the process, because GDAL raises messages from its worker threads too
/// (compression, overview building), where no caller is waiting to hear them.
public typealias GDALLogSink = @Sendable (GDALMessage) -> Void
