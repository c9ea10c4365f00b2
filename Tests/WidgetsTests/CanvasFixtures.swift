import Foundation
import TerminalCore
import XCTest

/// The real pictures the canvas tests draw: Landsat 7 subsets of rgb1.tif, cut by
/// `Fixtures/make-fixtures.sh` with gdal_translate into raw RGBA.
enum CanvasFixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// The 160x96 picture for an 80x24 canvas.
    static func landsat160x96() throws -> PixelImage { try load("rgb1-160x96.rgba", width: 160, height: 96) }
    /// The 100x60 picture for a 50x15 canvas.
    static func landsat100x60() throws -> PixelImage { try load("rgb1-100x60.rgba", width: 100, height: 60) }

    static func load(_ name: String, width: Int, height: Int) throws -> PixelImage {
        let bytes = try [UInt8](Data(contentsOf: directory.appendingPathComponent(name)))
        return try PixelImage(checkingWidth: width, height: height, rgba: bytes)
    }

    /// Asserts `text` matches the snapshot `name` beside this file (re-record with LABELDESK_RECORD_SNAPSHOTS=1).
    static func assertSnapshot(_ text: String, named name: String, file: StaticString = #filePath, line: UInt = #line) {
        let mismatch = TextSnapshot.mismatch(text, named: name, testFile: "\(file)")
        XCTAssertNil(mismatch, mismatch ?? "", file: file, line: line)
    }
}
