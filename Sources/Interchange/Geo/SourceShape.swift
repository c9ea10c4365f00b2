import Domain

/// One shape as a file gave it, before it is placed onto chips: a GeoJSON feature's
/// polygon (one per part of a MultiPolygon) or a COCO annotation's.
public struct SourceShape: Equatable, Sendable {
    /// Where the shape's points are.
    public enum Coordinates: Equatable, Sendable {
        /// Map coordinates of the file's coordinate system (GeoJSON): each part an outer
        /// ring, open (the closing repeat of the first point removed).
        case map([[MapPoint]])
        /// Pixels of the scene named (COCO's `file_name`): each part an open ring.
        case scenePixels(scene: String, [[PixelPoint]])
    }

    /// The feature's or annotation's number in the file, counting from 1, for reports.
    public var number: Int
    /// The class the file gives it, if any.
    public var label: String?
    public var coordinates: Coordinates
    /// The feature's `properties` (GeoJSON) or the annotation's other members (COCO).
    public var properties: [String: JSONValue]
    /// Inner rings (holes) the file had; shapes have none, so they are left out and counted.
    public var holesLeftOut: Int

    public init(number: Int, label: String?, coordinates: Coordinates, properties: [String: JSONValue] = [:], holesLeftOut: Int = 0) {
        self.number = number
        self.label = label
        self.coordinates = coordinates
        self.properties = properties
        self.holesLeftOut = holesLeftOut
    }
}

extension Array where Element: Equatable {
    /// A ring without the closing repeat of its first point, which GeoJSON and COCO write.
    func openRing() -> [Element] {
        guard count > 1, first == last else { return self }
        return Array(dropLast())
    }
}
