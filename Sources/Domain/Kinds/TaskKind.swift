/// What kind of labeling a project's tasks ask for.
///
/// The one place every layer dispatches on: the hub checks answers by it, the station
/// picks its screen by it, import and export read and write by it. Adding a kind means
/// a case here and one branch in each of those places.
public enum TaskKind: String, Codable, Sendable, CaseIterable {
    /// One label (or several, when the project allows) for a text.
    case classification
    /// Entity spans tagged in a text.
    case spans
    /// A prompt and two model answers: a preference, ratings and a rationale.
    case comparison
    /// A prompt and a written answer (or a rewrite of the task's text).
    case freeText = "free-text"
    /// Axis-aligned boxes drawn on an image chip, each with a class.
    case geoBox = "geo-box"
    /// Polygons drawn on an image chip, each with a class.
    case geoPolygon = "geo-polygon"

    /// How a person reads the kind, for lists and messages.
    public var title: String {
        switch self {
        case .classification: "classification"
        case .spans: "entity spans"
        case .comparison: "comparison of two answers"
        case .freeText: "free text"
        case .geoBox: "boxes on imagery"
        case .geoPolygon: "polygons on imagery"
        }
    }

    /// Whether tasks of this kind are drawn on an image chip and answered with shapes.
    public var isGeospatial: Bool { self == .geoBox || self == .geoPolygon }
}
