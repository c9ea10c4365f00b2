import CGDAL
import Foundation
import Synchronization

/// GDAL's process-wide set-up, and the capture of the messages each call raises.
///
/// GDAL writes its errors to stderr unless a handler is installed, and stderr is under
/// the terminal the UI owns. A global handler sends every message to the log sink; each
/// call Imagery makes pushes its own handler (GDAL keeps that stack per thread) so the
/// messages of that call can be turned into the sentence of the error it throws.
public enum GDALRuntime {
    private static let sink = Mutex<GDALLogSink?>(nil)

    /// Sends GDAL's own messages to `sink` from now on (nil drops them).
    public static func routeMessages(to sink: GDALLogSink?) {
        ensureStarted()
        self.sink.withLock { $0 = sink }
    }

    /// GDAL's version, e.g. "3.6.2".
    public static var version: String {
        ensureStarted()
        return String(cString: GDALVersionInfo("RELEASE_NAME"))
    }

    static func deliver(_ message: GDALMessage) {
        let current = sink.withLock { $0 }
        current?(message)
    }

    /// Registers the drivers and installs the handler, once per process.
    static func ensureStarted() { _ = started }

    private static let started: Bool = {
        _ = CPLSetErrorHandlerEx(gdalMessageHandler, nil)
        // Statistics or a dirty dataset would otherwise leave `.aux.xml` files beside
        // sources, and Imagery never writes beside a source.
        CPLSetConfigOption("GDAL_PAM_ENABLED", "NO")
        GDALAllRegister()
        return true
    }()

    /// Runs `body` with a handler that keeps the messages it raises, and hands them back.
    static func capturing<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> (value: T, messages: [GDALMessage]) {
        ensureStarted()
        let capture = MessageCapture()
        let unmanaged = Unmanaged.passRetained(capture)
        CPLPushErrorHandlerEx(gdalMessageHandler, unmanaged.toOpaque())
        defer {
            CPLPopErrorHandler()
            unmanaged.release()
        }
        CPLErrorReset()
        let value = try body()
        return (value, capture.messages)
    }

    /// The text of the failures in `messages`, or GDAL's last message, or `fallback`.
    static func reason(_ messages: [GDALMessage], fallback: String) -> String {
        let failures = messages.filter { $0.level == .failure || $0.level == .fatal }.map(\.text)
        if !failures.isEmpty { return failures.joined(separator: "; ") }
        if let last = CPLGetLastErrorMsg().map({ String(cString: $0) }), !last.isEmpty { return last }
        return fallback
    }
}

/// The messages raised during one captured call, on the thread that made it.
final class MessageCapture {
    var messages: [GDALMessage] = []
}

/// GDAL's error handler: to the pushed capture if there is one, and always to the sink.
private let gdalMessageHandler: CPLErrorHandler = { level, code, text in
    let message = GDALMessage(level: GDALMessage.Level(level), code: Int(code), text: text.map { String(cString: $0) } ?? "")
    if let userData = CPLGetErrorHandlerUserData() {
        Unmanaged<MessageCapture>.fromOpaque(userData).takeUnretainedValue().messages.append(message)
    }
    GDALRuntime.deliver(message)
}

extension GDALMessage.Level {
    init(_ level: CPLErr) {
        switch level {
        case CE_Debug, CE_None: self = .debug
        case CE_Warning: self = .warning
        case CE_Fatal: self = .fatal
        default: self = .failure
        }
    }
}

/// GDAL's strings come back owned by the caller: copies them and frees GDAL's.
func takeGDALString(_ pointer: UnsafeMutablePointer<CChar>?) -> String? {
    guard let pointer else { return nil }
    defer { ld_cpl_free(pointer) }
    return String(cString: pointer)
}

/// A NULL-terminated list of C strings for GDAL's option arguments, freed after `body`.
func withCStringList<T, E: Error>(_ strings: [String], _ body: (UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) throws(E) -> T) throws(E) -> T {
    var list: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = nil
    for string in strings { list = CSLAddString(list, string) }
    defer { CSLDestroy(list) }
    return try body(list)
}
