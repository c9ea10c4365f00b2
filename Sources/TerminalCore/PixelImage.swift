/// A picture in memory: `width` x `height` pixels, row-major RGBA with 8 bits a channel.
///
/// The one currency between imagery (GDAL reads into it) and the image canvas (which
/// draws shapes into a copy and turns it into cells). Alpha is straight, not
/// premultiplied; a pixel with alpha 0 is "no data" and shows as the background.
public struct PixelImage: Equatable, Sendable {
    public let width: Int
    public let height: Int
    /// `width * height * 4` bytes: red, green, blue, alpha for each pixel, rows top to bottom.
    public var rgba: [UInt8]

    /// An image from its bytes; nil when `rgba` is not exactly `width * height * 4` long.
    public init?(width: Int, height: Int, rgba: [UInt8]) {
        guard width >= 0, height >= 0, rgba.count == width * height * 4 else { return nil }
        self.width = width
        self.height = height
        self.rgba = rgba
    }

    /// An image from its bytes, or an error that says what is wrong with them.
    ///
    /// For bytes from outside (a file, a reader's buffer), where a wrong length is a
    /// mistake someone must be told about rather than a nil to guess at.
    public init(checkingWidth width: Int, height: Int, rgba: [UInt8]) throws(PixelImageError) {
        guard width >= 0, height >= 0 else { throw .negativeSize(width: width, height: height) }
        guard rgba.count == width * height * 4 else { throw .wrongByteCount(width: width, height: height, count: rgba.count) }
        self.width = width
        self.height = height
        self.rgba = rgba
    }

    /// An image of one colour.
    public init(width: Int, height: Int, filledWith pixel: RGBA = RGBA(red: 0, green: 0, blue: 0)) {
        self.width = max(0, width)
        self.height = max(0, height)
        var bytes = [UInt8](repeating: 0, count: self.width * self.height * 4)
        for offset in stride(from: 0, to: bytes.count, by: 4) {
            bytes[offset] = pixel.red
            bytes[offset + 1] = pixel.green
            bytes[offset + 2] = pixel.blue
            bytes[offset + 3] = pixel.alpha
        }
        self.rgba = bytes
    }

    public var isEmpty: Bool { width == 0 || height == 0 }

    /// The pixel at `(x, y)`; transparent black outside the image.
    public subscript(x: Int, y: Int) -> RGBA {
        get {
            guard x >= 0, y >= 0, x < width, y < height else { return RGBA(red: 0, green: 0, blue: 0, alpha: 0) }
            let offset = (y * width + x) * 4
            return RGBA(red: rgba[offset], green: rgba[offset + 1], blue: rgba[offset + 2], alpha: rgba[offset + 3])
        }
        set {
            guard x >= 0, y >= 0, x < width, y < height else { return }
            let offset = (y * width + x) * 4
            rgba[offset] = newValue.red
            rgba[offset + 1] = newValue.green
            rgba[offset + 2] = newValue.blue
            rgba[offset + 3] = newValue.alpha
        }
    }
}

/// One pixel's colour and opacity.
public struct RGBA: Hashable, Sendable {
    public var red: UInt8
    public var green: UInt8
    public var blue: UInt8
    public var alpha: UInt8

    public init(red: UInt8, green: UInt8, blue: UInt8, alpha: UInt8 = 255) {
        self.red = red
        self.green = green
        self.blue = blue
        self.alpha = alpha
    }
}

/// Why bytes could not be taken as a picture.
public enum PixelImageError: Error, Equatable, CustomStringConvertible {
    case negativeSize(width: Int, height: Int)
    case wrongByteCount(width: Int, height: Int, count: Int)

    public var description: String {
        switch self {
        case .negativeSize(let width, let height):
            return "A picture cannot be \(width)x\(height) pixels: width and height must be 0 or more."
        case .wrongByteCount(let width, let height, let count):
            return "A \(width)x\(height) picture needs \(width * height * 4) bytes (red, green, blue, alpha for each pixel), but \(count) came: read the window again with 4 bands of 8 bits, or give the size the bytes were read at."
        }
    }
}
