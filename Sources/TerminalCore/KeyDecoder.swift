/// Turns the bytes a terminal sends into keys.
///
/// Handles UTF-8 text, control keys, and the escape sequences xterm, tmux, the Linux
/// console and rxvt send for arrows, Home/End, Insert/Delete, PgUp/PgDn and F1-F12.
/// Bytes that do not yet make a whole key are kept for the next call. A lone Esc is
/// ambiguous (it also starts every sequence), so the backend calls `flushPendingEscape`
/// when no more bytes arrive within a short wait.
///
/// A bracketed paste (`ESC[200~ ... ESC[201~`, which the backend turns on) becomes one
/// `.paste(text)`, however many reads it spans and however long they pause: pasted
/// text never arrives as keys, so a pasted "q" or Esc cannot act as a command.
public struct KeyDecoder: Sendable {
    private var pending: [UInt8] = []
    /// The bytes of a paste that has started and not yet ended.
    private var paste: [UInt8]?

    /// A paste this long ends by itself: a lost end marker must not swallow every key
    /// the labeler types afterwards.
    public static let longestPaste = 1 << 20

    static let pasteStart: [UInt8] = Array("\u{1B}[200~".utf8)
    static let pasteEnd: [UInt8] = Array("\u{1B}[201~".utf8)

    public init() {}

    /// Whether bytes wait that a pause would turn into Esc; false inside a paste,
    /// whose end may take any time to arrive.
    public var hasPendingBytes: Bool { paste == nil && !pending.isEmpty }

    /// Whether a paste has begun and its end marker has not arrived yet.
    public var isInsidePaste: Bool { paste != nil }

    /// Decodes as many whole keys as the bytes so far make.
    public mutating func decode(_ bytes: [UInt8]) -> [Key] {
        pending += bytes
        var keys: [Key] = []
        while !pending.isEmpty {
            if paste != nil {
                guard let text = takePaste() else { return keys }
                keys.append(.paste(text))
                continue
            }
            if pending.starts(with: Self.pasteStart) {
                paste = []
                pending.removeFirst(Self.pasteStart.count)
                continue
            }
            switch parse(pending[...]) {
            case .key(let key, let used):
                keys.append(key)
                pending.removeFirst(used)
            case .skip(let used):
                pending.removeFirst(used)
            case .incomplete:
                return keys
            }
        }
        return keys
    }

    /// Moves pending bytes into the paste; returns its text once the end marker came.
    ///
    /// Bytes that could be the start of a split end marker stay pending for the next read.
    private mutating func takePaste() -> String? {
        let end = Self.pasteEnd
        if let index = Self.firstIndex(of: end, in: pending) {
            paste! += pending[..<index]
            pending.removeFirst(index + end.count)
            return finishPaste()
        }
        var kept = 0
        for length in stride(from: min(end.count - 1, pending.count), through: 1, by: -1)
        where pending.suffix(length).elementsEqual(end.prefix(length)) {
            kept = length
            break
        }
        paste! += pending.dropLast(kept)
        pending = Array(pending.suffix(kept))
        if paste!.count >= Self.longestPaste {
            return finishPaste()
        }
        return nil
    }

    /// The paste as text: invalid UTF-8 becomes U+FFFD, and the carriage returns
    /// terminals send for line breaks become newlines.
    private mutating func finishPaste() -> String {
        let text = String(decoding: paste ?? [], as: UTF8.self)
        paste = nil
        return text.replacingCRLF()
    }

    private static func firstIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if haystack[start..<start + needle.count].elementsEqual(needle) { return start }
        }
        return nil
    }

    /// Called when input has paused: a lone Esc, or an unfinished sequence, is Esc.
    ///
    /// Inside a paste nothing is flushed: the rest of the paste is still coming.
    public mutating func flushPendingEscape() -> [Key] {
        guard paste == nil, !pending.isEmpty else { return [] }
        if pending.first == 0x1B {
            let rest = Array(pending.dropFirst())
            pending = []
            return [.escape] + decode(rest)
        }
        pending = []
        return []
    }

    private enum Parse {
        case key(Key, used: Int)
        case skip(used: Int)
        case incomplete
    }

    private func parse(_ bytes: ArraySlice<UInt8>) -> Parse {
        let first = bytes[bytes.startIndex]
        switch first {
        case 0x1B: return parseEscape(bytes)
        case 0x0D, 0x0A: return .key(.enter, used: 1)
        case 0x09: return .key(.tab, used: 1)
        case 0x7F, 0x08: return .key(.backspace, used: 1)
        case 0x00: return .key(.control(" "), used: 1)
        case 0x01...0x1A: return .key(.control(Character(Unicode.Scalar(first + 0x60))), used: 1)
        case 0x1C...0x1F: return .skip(used: 1)
        default: return parseUTF8(bytes)
        }
    }

    private func parseUTF8(_ bytes: ArraySlice<UInt8>) -> Parse {
        let first = bytes[bytes.startIndex]
        let length: Int
        switch first {
        case 0x00..<0x80: length = 1
        case 0xC2..<0xE0: length = 2
        case 0xE0..<0xF0: length = 3
        case 0xF0..<0xF5: length = 4
        default: return .skip(used: 1)
        }
        // A lead byte followed by something other than continuation bytes is broken:
        // drop the lead at once instead of holding back the keys that follow it.
        let continuations = bytes.dropFirst().prefix(length - 1)
        guard continuations.allSatisfy({ $0 & 0xC0 == 0x80 }) else { return .skip(used: 1) }
        guard bytes.count >= length else { return .incomplete }
        let slice = bytes.prefix(length)
        guard let text = String(validating: Array(slice), as: UTF8.self), let character = text.first else {
            return .skip(used: 1)
        }
        return .key(.character(character), used: length)
    }

    private func parseEscape(_ bytes: ArraySlice<UInt8>) -> Parse {
        let start = bytes.startIndex
        guard bytes.count >= 2 else { return .incomplete }
        let second = bytes[start + 1]
        if second == UInt8(ascii: "[") { return parseCSI(bytes) }
        if second == UInt8(ascii: "O") {
            guard bytes.count >= 3 else { return .incomplete }
            let final = bytes[start + 2]
            let key: Key? = switch final {
            case UInt8(ascii: "A"): .up
            case UInt8(ascii: "B"): .down
            case UInt8(ascii: "C"): .right
            case UInt8(ascii: "D"): .left
            case UInt8(ascii: "H"): .home
            case UInt8(ascii: "F"): .end
            case UInt8(ascii: "M"): .enter
            case UInt8(ascii: "P"): .function(1)
            case UInt8(ascii: "Q"): .function(2)
            case UInt8(ascii: "R"): .function(3)
            case UInt8(ascii: "S"): .function(4)
            default: nil
            }
            return key.map { .key($0, used: 3) } ?? .skip(used: 3)
        }
        if second == 0x1B { return .key(.escape, used: 1) }
        // Alt+key arrives as Esc then the key: report Esc, the key follows by itself.
        return .key(.escape, used: 1)
    }

    private func parseCSI(_ bytes: ArraySlice<UInt8>) -> Parse {
        let start = bytes.startIndex
        var index = start + 2
        var parameters = ""
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte >= 0x40 && byte <= 0x7E {
                let used = index - start + 1
                // rxvt sends ESC [ [ A for F1: '[' is a final byte only in that spelling.
                if byte == UInt8(ascii: "["), parameters.isEmpty {
                    guard index + 1 < bytes.endIndex else { return .incomplete }
                    let final = bytes[index + 1]
                    let number = Int(final) - Int(UInt8(ascii: "A")) + 1
                    return (1...5).contains(number) ? .key(.function(number), used: used + 1) : .skip(used: used + 1)
                }
                return Self.csiKey(final: byte, parameters: parameters).map { .key($0, used: used) } ?? .skip(used: used)
            }
            // Only parameter and intermediate bytes belong inside; anything else means
            // this was not a sequence (Esc, then '[' typed), so keep the byte as a key.
            guard (0x20...0x3F).contains(byte) else { return .skip(used: index - start) }
            parameters.append(Character(Unicode.Scalar(byte)))
            index += 1
            if index - start > 32 { return .skip(used: index - start) }
        }
        return .incomplete
    }

    private static func csiKey(final: UInt8, parameters: String) -> Key? {
        let numbers = parameters.split(separator: ";").map { Int($0) ?? 0 }
        if numbers.count == 2, numbers[1] == 2 {
            switch final {
            case UInt8(ascii: "A"): return .shiftUp
            case UInt8(ascii: "B"): return .shiftDown
            case UInt8(ascii: "C"): return .shiftRight
            case UInt8(ascii: "D"): return .shiftLeft
            default: break
            }
        }
        switch final {
        case UInt8(ascii: "A"): return .up
        case UInt8(ascii: "B"): return .down
        case UInt8(ascii: "C"): return .right
        case UInt8(ascii: "D"): return .left
        case UInt8(ascii: "H"): return .home
        case UInt8(ascii: "F"): return .end
        case UInt8(ascii: "Z"): return .backTab
        case UInt8(ascii: "P"): return .function(1)
        case UInt8(ascii: "Q"): return .function(2)
        case UInt8(ascii: "R"): return .function(3)
        case UInt8(ascii: "S"): return .function(4)
        case UInt8(ascii: "~"):
            switch numbers.first ?? 0 {
            case 1, 7: return .home
            case 2: return .insert
            case 3: return .delete
            case 4, 8: return .end
            case 5: return .pageUp
            case 6: return .pageDown
            case 11: return .function(1)
            case 12: return .function(2)
            case 13: return .function(3)
            case 14: return .function(4)
            case 15: return .function(5)
            case 17: return .function(6)
            case 18: return .function(7)
            case 19: return .function(8)
            case 20: return .function(9)
            case 21: return .function(10)
            case 23: return .function(11)
            case 24: return .function(12)
            default: return nil
            }
        default: return nil
        }
    }
}

private extension String {
    /// CR LF and lone CR as LF: a paste's lines, whatever the terminal sent.
    func replacingCRLF() -> String {
        var out = ""
        out.reserveCapacity(utf8.count)
        for character in self {
            if character == "\r\n" || character == "\r" { out.append("\n") } else { out.append(character) }
        }
        return out
    }
}
