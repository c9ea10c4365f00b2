import Domain
import Foundation
import Testing

@Suite("JSON values: reading and canonical writing")
struct JSONValueTests {
    @Test func canonicalTextSortsKeysAndKeepsNumbersAsWritten() throws {
        let value = try JSONValue.parse(#" { "b": [1.50, -0, 2e3], "a": {"z": null, "y": true}, "é": "x" } "#)
        #expect(value.canonicalText == #"{"a":{"y":true,"z":null},"b":[1.50,-0,2e3],"é":"x"}"#)
    }

    @Test func stringsRoundTripWithEscapes() throws {
        let text = "quote \" backslash \\ slash / tab \t newline \n bell \u{07} emoji 🙂"
        var written = ""
        JSONValue.writeQuoted(text, into: &written)
        #expect(written == #""quote \" backslash \\ slash / tab \t newline \n bell \u0007 emoji 🙂""#)
        #expect(try JSONValue.parse(written) == .string(text))
        #expect(try JSONValue.parse(#""\ud83d\ude42 \u00e9""#) == .string("🙂 é"))
    }

    @Test(arguments: [
        (#"{"text": "a",}"#, 14, "expected a quoted key"),
        (#"{"text" "a"}"#, 9, "expected ':' after key \"text\""),
        (#"{"a": 01}"#, 7, "a number may not start with 0"),
        (#"{"a": tru}"#, 7, "unexpected character 't'"),
        (#"{"a": "é"} x"#, 12, "extra text after the JSON value"),
        (#"{"a": "open"#, 7, "string is not closed"),
        (#"{"a": 1, "a": 2}"#, 10, "key \"a\" appears twice"),
        (#"[1, 2"#, 6, "unexpected end of line"),
    ])
    func syntaxErrorsSayWhatAndWhere(_ text: String, _ column: Int, _ problem: String) {
        #expect(throws: JSONSyntaxError(column: column, problem: problem)) { try JSONValue.parse(text) }
    }

    @Test func doublesAreWrittenShortAndWholeValuesWithoutAFraction() {
        #expect(JSONValue.double(12).canonicalText == "12")
        #expect(JSONValue.double(4.25).canonicalText == "4.25")
        #expect(JSONValue.double(.nan).canonicalText == "null")
        #expect(JSONValue.integer(-7).canonicalText == "-7")
    }
}
