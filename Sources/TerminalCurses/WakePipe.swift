#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A self-pipe: signal handlers write a byte, the input loop polls the read end.
///
/// `poll` on standard input alone would sleep through a resize or a stop request;
/// polling this pipe too makes every signal wake the loop at once.
struct WakePipe {
    let readEnd: Int32
    let writeEnd: Int32

    init() throws(CursesBackendError) {
        var descriptors: [Int32] = [-1, -1]
        guard pipe(&descriptors) == 0 else { throw .cannotCreateWakePipe(errno: errno) }
        for descriptor in descriptors {
            _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
            _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        }
        readEnd = descriptors[0]
        writeEnd = descriptors[1]
    }

    /// Empties the pipe so the next `poll` sleeps until a new signal.
    func drain() {
        var bytes = [UInt8](repeating: 0, count: 64)
        while read(readEnd, &bytes, bytes.count) > 0 {}
    }

    func close() {
        _ = Self.closeDescriptor(readEnd)
        _ = Self.closeDescriptor(writeEnd)
    }

    private static func closeDescriptor(_ descriptor: Int32) -> Int32 {
        #if canImport(Glibc)
        return Glibc.close(descriptor)
        #else
        return Darwin.close(descriptor)
        #endif
    }
}
