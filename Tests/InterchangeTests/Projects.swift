import Domain
@testable import Interchange

/// Projects the tests read into, one per kind.
enum Projects {
    static let wnut = Project(
        id: "wnut", title: "WNUT-17", kind: .spans,
        labels: ["person", "location", "corporation", "product", "creative-work", "group"].map { LabelChoice(name: $0) })
    static let sentiment = Project(
        id: "sst2", title: "SST-2", kind: .classification, labels: [LabelChoice(name: "negative"), LabelChoice(name: "positive")])
    static let topics = Project(
        id: "topics", title: "Topics", kind: .classification,
        labels: [LabelChoice(name: "sport"), LabelChoice(name: "politics"), LabelChoice(name: "tech")], allowsMultipleLabels: true)
    static let entities = Project(
        id: "ner", title: "Entities", kind: .spans, labels: [LabelChoice(name: "PER"), LabelChoice(name: "LOC"), LabelChoice(name: "ORG")])
    static let comparison = Project(
        id: "pairs", title: "Pairs", kind: .comparison,
        dimensions: [RatingDimension(name: "helpfulness"), RatingDimension(name: "honesty")], asksStrength: true)
    static let freeText = Project(id: "answers", title: "Answers", kind: .freeText)
    static let boxes = Project(id: "cars", title: "Cars", kind: .geoBox, labels: [LabelChoice(name: "car"), LabelChoice(name: "truck")])
    static let polygons = Project(id: "roofs", title: "Roofs", kind: .geoPolygon, labels: [LabelChoice(name: "building"), LabelChoice(name: "shed")])

    /// A 1088-pixel chip with a 64-pixel margin, cut from a NAIP scene.
    static let chip = TaskImage(
        media: MediaReference(sha256: String(repeating: "5e", count: 32), byteCount: 81_920), scene: "naip_m_4709963_se_14_1_20200831.tif",
        chip: PixelWindow(x: 960, y: 0, width: 1088, height: 1088), focus: PixelWindow(x: 64, y: 0, width: 1024, height: 1024))

    static func car(accepted: Int? = nil) -> Shape {
        Shape(label: "car", geometry: .box(PixelPoint(x: 100, y: 200.5), PixelPoint(x: 130, y: 215)), acceptedPrediction: accepted)
    }
    static let truck = Shape(label: "truck", geometry: .box(PixelPoint(x: 0, y: 0), PixelPoint(x: 64, y: 32)))
    static let roof = Shape(label: "building", geometry: .polygon([PixelPoint(x: 10, y: 10), PixelPoint(x: 90.25, y: 12), PixelPoint(x: 80, y: 70), PixelPoint(x: 12, y: 60)]))
    static let shedBox = Shape(label: "shed", geometry: .box(PixelPoint(x: 500, y: 500), PixelPoint(x: 520, y: 530)))

    /// The record with its task drawn on `chip`.
    static func onChip(_ record: InterchangeRecord) -> InterchangeRecord {
        var record = record
        record.task.image = chip
        return record
    }
}
