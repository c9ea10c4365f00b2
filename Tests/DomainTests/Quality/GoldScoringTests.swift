import Domain
import Testing

/// Scoring one answer against its key, kind by kind, through the one entry point.
@Suite struct GoldScoringTests {
    let single = Project(id: "sentiment", title: "Sentiment", kind: .classification, labels: [LabelChoice(name: "pos"), LabelChoice(name: "neg")])
    let multiple = Project(id: "topics", title: "Topics", kind: .classification, labels: [LabelChoice(name: "a")], allowsMultipleLabels: true)
    let spans = Project(id: "ner", title: "NER", kind: .spans, labels: [LabelChoice(name: "PER")])
    let comparison = Project(id: "pairs", title: "Pairs", kind: .comparison, dimensions: [RatingDimension(name: "helpfulness")])
    let text = Project(id: "write", title: "Write", kind: .freeText)
    let boxes = Project(id: "cars", title: "Cars", kind: .geoBox, labels: [LabelChoice(name: "car")])

    func score(_ answer: Answer, _ key: Answer, _ project: Project) throws -> GoldScore {
        try #require(GoldScoring.score(answer, against: key, in: project).score)
    }

    @Test func singleLabelIsExactMatchAndNamesTheConfusion() throws {
        let right = try score(.labels(["pos"]), .labels(["pos"]), single)
        #expect(right.value == 1 && right.isCorrect && right.errors.isEmpty)
        // Given the wrong label, then the error says which label the key wanted and which was given
        let wrong = try score(.labels(["neg"]), .labels(["pos"]), single)
        #expect(wrong.value == 0 && !wrong.isCorrect)
        #expect(wrong.errors == [GoldError(.wrongLabel, expected: "pos", given: "neg")])
        // An empty answer (a skip's) misses the label
        #expect(try score(.labels([]), .labels(["pos"]), single).errors == [GoldError(.missingLabel, expected: "pos")])
    }

    @Test func onlyShapesWhoseMiddleIsInTheTasksFocusCountInTheKeyAndTheAnswer() throws {
        // Given a chip whose focus is x 32..<96, a key with a car inside it and a sliver
        // of one cut by the chip's edge in the margin, and an answer with the car alone
        let focus = PixelWindow(x: 32, y: 32, width: 64, height: 64)
        let car = Shape(label: "car", geometry: .box(PixelPoint(x: 40, y: 40), PixelPoint(x: 60, y: 60)))
        let sliver = Shape(label: "car", geometry: .box(PixelPoint(x: 0, y: 40), PixelPoint(x: 3, y: 60)))
        // When it is scored with the focus, the sliver is not the labeler's to mark: right
        let inFocus = try #require(GoldScoring.score(.shapes([car]), against: .shapes([car, sliver]), in: boxes, focus: focus).score)
        #expect(inFocus.isCorrect && inFocus.value == 1)
        // And without one (an item with no chip focus), the sliver is missed
        let whole = try score(.shapes([car]), .shapes([car, sliver]), boxes)
        #expect(!whole.isCorrect && whole.value < 1)
        // And an answer's shape in the margin is not background against it either
        let extra = try #require(GoldScoring.score(.shapes([car, sliver]), against: .shapes([car]), in: boxes, focus: focus).score)
        #expect(extra.isCorrect)
        // And a shape across the focus edge counts by its middle: this one's is at x 90, inside
        let across = Shape(label: "car", geometry: .box(PixelPoint(x: 84, y: 40), PixelPoint(x: 96, y: 50)))
        let missed = try #require(GoldScoring.score(.shapes([car]), against: .shapes([car, across]), in: boxes, focus: focus).score)
        #expect(!missed.isCorrect)
    }

    @Test func multipleLabelsScoreByJaccard() throws {
        let partly = try score(.labels(["a", "b"]), .labels(["b", "c"]), multiple)
        #expect(partly.value == 1.0 / 3 && !partly.isCorrect)
        #expect(Set(partly.errors) == [GoldError(.missingLabel, expected: "c"), GoldError(.extraLabel, given: "a")])
        // Order does not matter, and nothing against nothing is perfect
        #expect(try score(.labels(["c", "b"]), .labels(["b", "c"]), multiple).value == 1)
        let empty = try score(.labels([]), .labels([]), multiple)
        #expect(empty.value == 1 && empty.isCorrect)
    }

    @Test func spansAreStrictF1WithEachMissClassed() throws {
        // Given a key of three entities and an answer with one right, one wrong type, one
        // boundary off, and one invented
        let key: [EntitySpan] = [EntitySpan(start: 0, end: 5, label: "PER"), EntitySpan(start: 10, end: 15, label: "LOC"),
                                 EntitySpan(start: 20, end: 30, label: "ORG"), EntitySpan(start: 40, end: 45, label: "PER")]
        let answer: [EntitySpan] = [EntitySpan(start: 0, end: 5, label: "PER"), EntitySpan(start: 10, end: 15, label: "ORG"),
                                    EntitySpan(start: 22, end: 30, label: "ORG"), EntitySpan(start: 50, end: 52, label: "LOC"),
                                    EntitySpan(start: 41, end: 47, label: "LOC")]
        let result = try score(.spans(answer.reversed()), .spans(key), spans)
        // Then strict: 1 correct of 5 given and 4 wanted
        #expect(abs(result.value - 2 * (0.2 * 0.25) / (0.2 + 0.25)) < 1e-15)
        let classes = result.errors.map(\.errorClass)
        #expect(classes.sorted { $0.rawValue < $1.rawValue } == [.boundary, .boundaryAndType, .spurious, .type])
        // And each error names the spans as given (the answer was reversed)
        let typeError = try #require(result.errors.first { $0.errorClass == .type })
        #expect(typeError.keyIndex == 1 && typeError.answerIndex == 3 && typeError.expected == "LOC" && typeError.given == "ORG")
    }

    @Test func spansMissedAndEmpty() throws {
        let missed = try score(.spans([]), .spans([EntitySpan(start: 0, end: 3, label: "PER")]), spans)
        #expect(missed.value == 0 && missed.errors.map(\.errorClass) == [.missed])
        let nothing = try score(.spans([]), .spans([]), spans)
        #expect(nothing.value == 1 && nothing.isCorrect)
        // nervaluate's own figures for nothing are zeros
        #expect(SpanEvaluation.evaluate([], against: []).strict.f1 == 0)
    }

    @Test func comparisonChoiceTiesHalfAndRatingsWithinAPoint() throws {
        let key = ComparisonAnswer(preference: .a, ratingsA: ["helpfulness": 6], ratingsB: ["helpfulness": 2])
        let agrees = ComparisonAnswer(preference: .a, ratingsA: ["helpfulness": 5], ratingsB: ["helpfulness": 3], rationale: "anything", shownSwapped: true)
        let right = try score(.comparison(agrees), .comparison(key), comparison)
        #expect(right.value == 1 && right.isCorrect)
        // A tie against a preference earns half of the choice's half
        let tie = try score(.comparison(ComparisonAnswer(preference: .tie, ratingsA: ["helpfulness": 6], ratingsB: ["helpfulness": 2])), .comparison(key), comparison)
        #expect(tie.value == 0.75 && !tie.isCorrect && tie.errors.map(\.errorClass) == [.tieAgainstPreference])
        // The other response, one rating off by two and one missing: nothing
        let wrong = try score(.comparison(ComparisonAnswer(preference: .b, ratingsA: ["helpfulness": 4])), .comparison(key), comparison)
        #expect(wrong.value == 0)
        #expect(wrong.errors.map(\.errorClass) == [.wrongChoice, .ratingOff, .ratingOff])
        // With no ratings in the key the choice is all
        #expect(try score(.comparison(ComparisonAnswer(preference: .tie)), .comparison(ComparisonAnswer(preference: .b)), comparison).value == 0.5)
    }

    @Test func freeTextWaitsForAReviewer() {
        #expect(GoldScoring.score(.text("an answer"), against: .text("the key"), in: text) == .needsReviewer)
        let verdict = GoldScore.reviewed(0.5)
        #expect(verdict.value == 0.5 && !verdict.isCorrect && verdict.details == .reviewed)
        #expect(GoldScore.reviewed(1).isCorrect)
    }

    @Test func boxesScoreByF1OfTheMatching() throws {
        let key = [Shape(label: "car", geometry: .box(PixelPoint(x: 0, y: 0), PixelPoint(x: 10, y: 10))),
                   Shape(label: "car", geometry: .box(PixelPoint(x: 20, y: 0), PixelPoint(x: 30, y: 10)))]
        let answer = [Shape(label: "car", geometry: .box(PixelPoint(x: 21, y: 0), PixelPoint(x: 31, y: 10)))]
        let result = try score(.shapes(answer), .shapes(key), boxes)
        #expect(abs(result.value - 2.0 / 3) < 1e-15)
        #expect(result.errors.map(\.errorClass) == [.missed])
        #expect(try score(.shapes([]), .shapes([]), boxes).value == 1)
    }

    @Test func anAnswerOfTheWrongKindScoresZero() throws {
        let result = try score(.text("pos"), .labels(["pos"]), single)
        #expect(result.value == 0 && result.errors.map(\.errorClass) == [.wrongKind])
    }
}

@Suite struct ConfusionMatrixTests {
    @Test func countsWhichLabelWasGivenForWhichKey() {
        // Given a person who calls one negative of three positive, and one bad label
        var matrix = ConfusionMatrix(labels: ["pos", "neg"])
        matrix.record(["pos"], key: ["pos"])
        matrix.record(["pos"], key: ["pos"])
        matrix.record(["neg"], key: ["pos"])
        matrix.record(["neg"], key: ["neg"])
        matrix.record(expected: "pos", given: "maybe")
        // Then the counts, the accuracy per label and the sum over two people
        #expect(matrix.counts == [2, 1, 0, 1])
        #expect(matrix.accuracy(on: "pos") == 2.0 / 3 && matrix.accuracy(on: "neg") == 1)
        #expect((matrix + matrix).count(expected: "pos", given: "neg") == 2)
        #expect(matrix.kappa() == Agreement.cohenKappa(["pos", "pos", "pos", "neg"], ["pos", "pos", "neg", "neg"], categories: ["pos", "neg"]))
    }
}
