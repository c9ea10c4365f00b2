import Domain

/// JSON text for the format writers: `JSONValue`'s own canonical writing (sorted keys,
/// no spaces, escapes appended a run at a time), and the pieces of a text they write
/// without making a string of each.
enum JSONWriter {
    static func write(_ value: JSONValue, into output: inout String) {
        value.write(into: &output)
    }

    static func writeQuoted(_ text: String, into output: inout String) {
        JSONValue.writeQuoted(text, into: &output)
    }
}

extension JSONWriter {
    /// `writeQuoted` of a piece of a text (a token), without making it a string first
    /// when it needs no escape, as almost every token does.
    static func writeQuoted(_ text: Substring, into output: inout String) {
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) else {
            output += "\""
            output.append(contentsOf: text)
            output += "\""
            return
        }
        writeQuoted(String(text), into: &output)
    }
}

/// JSON built as bytes, for the parts of an export written a few bytes at a time (a
/// Prodigy task's tokens): appending a dozen small strings per token to a `String`
/// cost most of writing the format, each append checking the string's storage.
struct JSONBytes {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    mutating func put(_ literal: StaticString) {
        literal.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// A whole number in decimal.
    mutating func put(_ number: Int) {
        if number < 0 {
            bytes.append(0x2D)
            put(-number)
            return
        }
        if number >= 10 { put(number / 10) }
        bytes.append(UInt8(0x30 + number % 10))
    }

    /// A piece of a text as a JSON string, as `JSONWriter.writeQuoted` writes it.
    mutating func putQuoted(_ text: Substring) {
        let utf8 = text.utf8
        if utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
            var quoted = ""
            JSONWriter.writeQuoted(text, into: &quoted)
            bytes.append(contentsOf: quoted.utf8)
        } else {
            bytes.append(0x22)
            bytes.append(contentsOf: utf8)
            bytes.append(0x22)
        }
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }
}

extension String {
    /// The index of every scalar, and the end: scalar offsets made indices, for cutting
    /// tokens out of a task's text.
    ///
    /// Made from the UTF-8 bytes that start a scalar, each an O(1) UTF-8 offset of a
    /// native string: building them through `unicodeScalars.indices` decoded every scalar
    /// and was the largest part of writing CoNLL and Prodigy.
    func scalarIndices() -> [String.Index] {
        let view = utf8
        guard let indices = view.withContiguousStorageIfAvailable({ bytes -> [String.Index] in
            var indices: [String.Index] = []
            indices.reserveCapacity(bytes.count + 1)
            for (offset, byte) in bytes.enumerated() where byte & 0xC0 != 0x80 {
                indices.append(view.index(view.startIndex, offsetBy: offset))
            }
            indices.append(endIndex)
            return indices
        }) else {
            var indices = Array(unicodeScalars.indices)
            indices.append(endIndex)
            return indices
        }
        return indices
    }
}

extension JSONValue {
    func writeJSON(into output: inout String) { JSONWriter.write(self, into: &output) }
}

extension JSONValue {
    /// `canonicalText`, written by `JSONWriter`.
    var text: String {
        var output = ""
        JSONWriter.write(self, into: &output)
        return output
    }
}
