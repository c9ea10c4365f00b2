/// A point in an image's pixel space: `x` to the right, `y` down, from the top-left
/// corner of the top-left pixel. Sub-pixel: a pixel's centre is at `(column + 0.5, row + 0.5)`.
public struct PixelPoint: Codable, Hashable, Sendable {
    public var x: Double
    public var y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

/// The outline of one annotated object, in the chip's pixel space.
///
/// Kept in pixels so nothing is lost before export: the chip's georeferencing turns
/// them into map coordinates only when a format asks for them.
public enum ShapeGeometry: Hashable, Sendable {
    /// An axis-aligned box from its top-left to its bottom-right corner.
    case box(PixelPoint, PixelPoint)
    /// A simple polygon's outer ring, each vertex once (the ring is not closed by
    /// repeating the first vertex), in the order the person drew it.
    case polygon([PixelPoint])

    /// The vertices in drawing order: a box's four corners clockwise from top-left.
    public var vertices: [PixelPoint] {
        switch self {
        case .box(let a, let b):
            let minX = min(a.x, b.x), maxX = max(a.x, b.x), minY = min(a.y, b.y), maxY = max(a.y, b.y)
            return [PixelPoint(x: minX, y: minY), PixelPoint(x: maxX, y: minY), PixelPoint(x: maxX, y: maxY), PixelPoint(x: minX, y: maxY)]
        case .polygon(let points):
            return points
        }
    }
}

/// One object a person (or a model) drew: its class and its outline.
public struct Shape: Hashable, Sendable {
    /// The project's class name for the object.
    public var label: String
    public var geometry: ShapeGeometry
    /// In an annotation: the position of the shape in the task's offered prediction that
    /// this shape is, accepted unchanged (class and every vertex). Nil when the person drew
    /// the shape or changed it, and in predictions themselves.
    ///
    /// This is how an annotation records, shape by shape, which predicted shapes were
    /// accepted as they were: `Annotation.predictionAccepted` says only whether the whole
    /// answer was the prediction's.
    public var acceptedPrediction: Int?

    public init(label: String, geometry: ShapeGeometry, acceptedPrediction: Int? = nil) {
        self.label = label
        self.geometry = geometry
        self.acceptedPrediction = acceptedPrediction
    }

    /// The same class and outline, whoever drew it: how a shape is compared with a predicted one.
    public func sameOutline(as other: Shape) -> Bool {
        label == other.label && geometry == other.geometry
    }
}

extension Shape {
    /// The stored form: `{"label": .., "box": [x0, y0, x1, y1]}` or `{"label": ..,
    /// "polygon": [[x, y], ...]}`, with `"prediction": n` when accepted unchanged.
    public var json: JSONValue {
        var members: [String: JSONValue] = ["label": .string(label)]
        switch geometry {
        case .box(let a, let b):
            members["box"] = .array([.double(a.x), .double(a.y), .double(b.x), .double(b.y)])
        case .polygon(let ring):
            members["polygon"] = .array(ring.map { .array([.double($0.x), .double($0.y)]) })
        }
        if let acceptedPrediction { members["prediction"] = .integer(acceptedPrediction) }
        return .object(members)
    }

    /// Reads what `json` wrote; `number` (from 1) names the shape in the sentence.
    public init(json: JSONValue, number: Int) throws(Answer.Unreadable) {
        let what = "shape \(number)"
        guard case .object(let members) = json else {
            throw Answer.Unreadable(description: "\(what) must be an object like {\"label\": \"car\", \"box\": [x0, y0, x1, y1]}")
        }
        if let unknown = members.keys.sorted().first(where: { !["label", "box", "polygon", "prediction"].contains($0) }) {
            throw Answer.Unreadable(description: "\(what) has unknown member \"\(unknown)\"; a shape holds \"label\", \"box\" or \"polygon\", and \"prediction\"")
        }
        guard let label = members["label"]?.stringValue else {
            throw Answer.Unreadable(description: "\(what) needs a \"label\" string: its class")
        }
        var accepted: Int?
        if let value = members["prediction"] {
            guard let index = value.intValue else {
                throw Answer.Unreadable(description: "\(what): \"prediction\" must be a whole number, the position of the predicted shape it accepts")
            }
            accepted = index
        }
        switch (members["box"], members["polygon"]) {
        case (let box?, nil):
            let numbers = box.arrayValue?.compactMap(\.doubleValue) ?? []
            guard numbers.count == 4, box.arrayValue?.count == 4 else {
                throw Answer.Unreadable(description: "\(what): \"box\" must be [x0, y0, x1, y1], four numbers in chip pixels")
            }
            self.init(label: label, geometry: .box(PixelPoint(x: numbers[0], y: numbers[1]), PixelPoint(x: numbers[2], y: numbers[3])),
                      acceptedPrediction: accepted)
        case (nil, let polygon?):
            guard let items = polygon.arrayValue else {
                throw Answer.Unreadable(description: "\(what): \"polygon\" must be an array of [x, y] vertices in chip pixels")
            }
            var ring: [PixelPoint] = []
            ring.reserveCapacity(items.count)
            for (index, item) in items.enumerated() {
                guard let pair = item.arrayValue, pair.count == 2, let x = pair[0].doubleValue, let y = pair[1].doubleValue else {
                    throw Answer.Unreadable(description: "\(what): vertex \(index + 1) must be [x, y], two numbers in chip pixels")
                }
                ring.append(PixelPoint(x: x, y: y))
            }
            self.init(label: label, geometry: .polygon(ring), acceptedPrediction: accepted)
        case (nil, nil):
            throw Answer.Unreadable(description: "\(what) needs a \"box\" [x0, y0, x1, y1] or a \"polygon\" [[x, y], ...]")
        case (.some, .some):
            throw Answer.Unreadable(description: "\(what) has both \"box\" and \"polygon\"; a shape is one or the other")
        }
    }
}

extension ShapeGeometry {
    /// The same outline moved `dx` pixels right and `dy` down.
    public func translated(x dx: Double, y dy: Double) -> ShapeGeometry {
        func moved(_ point: PixelPoint) -> PixelPoint { PixelPoint(x: point.x + dx, y: point.y + dy) }
        switch self {
        case .box(let a, let b): return .box(moved(a), moved(b))
        case .polygon(let ring): return .polygon(ring.map(moved))
        }
    }
}

extension Answer {
    /// Shapes moved `dx` pixels right and `dy` down, into another pixel space (a scene's
    /// into one of its chips'); any other answer is unchanged.
    public func translated(x dx: Double, y dy: Double) -> Answer {
        guard case .shapes(let shapes) = self else { return self }
        return .shapes(shapes.map { Shape(label: $0.label, geometry: $0.geometry.translated(x: dx, y: dy), acceptedPrediction: $0.acceptedPrediction) })
    }
}
