/// Pixels ready to draw: row-major RGBA, 8 bits a channel, alpha 0 where there is no data.
public struct RGBAImage: Hashable, Sendable {
    public var width: Int
    public var height: Int
    /// `width * height * 4` bytes: red, green, blue, alpha for each pixel, rows top first.
    public var rgba: [UInt8]

    /// A fully transparent image.
    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
        self.rgba = [UInt8](repeating: 0, count: width * height * 4)
    }

    public init(width: Int, height: Int, rgba: [UInt8]) {
        precondition(rgba.count == width * height * 4, "RGBAImage needs width x height x 4 bytes")
        self.width = width
        self.height = height
        self.rgba = rgba
    }

    /// The four channels of the pixel at `(x, y)`.
    public func pixel(x: Int, y: Int) -> [UInt8] {
        let start = (y * width + x) * 4
        return Array(rgba[start..<start + 4])
    }
}
