import Domain

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
}
