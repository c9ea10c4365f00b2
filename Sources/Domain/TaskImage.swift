/// A file in the media store, named by the SHA-256 of its bytes.
///
/// The hub keeps media once, whatever number of tasks use it; a station fetches what its
/// leases name and checks every byte against `sha256` before it shows a pixel.
public struct MediaReference: Codable, Hashable, Sendable {
    /// The SHA-256 of the file's bytes, 64 lowercase hex digits.
    public var sha256: String
    public var byteCount: Int

    public init(sha256: String, byteCount: Int) {
        self.sha256 = sha256
        self.byteCount = byteCount
    }

    /// Whether `text` is 64 lowercase hex digits: the only names the media store takes.
    public static func isWellFormed(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }
}

/// A rectangle of whole pixels: `x`, `y` of its top-left corner, then its size.
public struct PixelWindow: Codable, Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }
}

/// A rectangle of an image in its pixel space, in fractional pixels: what a viewport
/// shows, and what Imagery reads for it.
///
/// It may reach past the image's edges: what lies outside reads as transparent, so a
/// viewport can pan beyond the image without special cases.
public struct PixelRect: Hashable, Sendable {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double

    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }
}

/// The imagery a geospatial task is drawn on: a chip cut from a scene.
///
/// The chip file (a Cloud-Optimized GeoTIFF in the media store) carries its own
/// georeferencing and the scene's security metadata; shapes are stored in the chip's
/// pixel space. `chip` says where the chip lies in the scene (for COCO, which counts in
/// scene pixels) and `focus` which part of the chip the task is about: the rest is
/// context margin, shown but not the task's to label.
public struct TaskImage: Codable, Hashable, Sendable {
    public var media: MediaReference
    /// The scene's file name, as COCO's `file_name` and reports name it.
    public var scene: String
    /// The chip's place in the scene, in scene pixels.
    public var chip: PixelWindow
    /// The part of the chip to label, in chip pixels.
    public var focus: PixelWindow

    public init(media: MediaReference, scene: String, chip: PixelWindow, focus: PixelWindow) {
        self.media = media
        self.scene = scene
        self.chip = chip
        self.focus = focus
    }
}

extension TaskImage {
    /// The stored form inside a task's body, with the names the JSONL format uses.
    public var json: JSONValue {
        func window(_ window: PixelWindow) -> JSONValue {
            .array([.integer(window.x), .integer(window.y), .integer(window.width), .integer(window.height)])
        }
        return .object([
            "media": .string(media.sha256), "bytes": .integer(media.byteCount), "scene": .string(scene),
            "chip": window(chip), "focus": window(focus),
        ])
    }

    /// Reads what `json` wrote; says what is wrong otherwise.
    public init(json: JSONValue) throws(Answer.Unreadable) {
        func window(_ key: String) throws(Answer.Unreadable) -> PixelWindow {
            let numbers = json[key]?.arrayValue?.compactMap(\.intValue) ?? []
            guard numbers.count == 4, numbers[2] > 0, numbers[3] > 0 else {
                throw Answer.Unreadable(description: "image \"\(key)\" must be [x, y, width, height] in whole pixels, width and height above 0")
            }
            return PixelWindow(x: numbers[0], y: numbers[1], width: numbers[2], height: numbers[3])
        }
        guard let sha = json["media"]?.stringValue, MediaReference.isWellFormed(sha) else {
            throw Answer.Unreadable(description: "image \"media\" must be the SHA-256 of the chip file, 64 lowercase hex digits")
        }
        guard let bytes = json["bytes"]?.intValue, bytes > 0 else {
            throw Answer.Unreadable(description: "image \"bytes\" must be the chip file's size in bytes")
        }
        self.init(
            media: MediaReference(sha256: sha, byteCount: bytes), scene: json["scene"]?.stringValue ?? "",
            chip: try window("chip"), focus: try window("focus"))
    }
}
