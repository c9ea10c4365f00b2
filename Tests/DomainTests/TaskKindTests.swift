import Domain
import Foundation
import Testing

@Suite("Task kinds: answers, projects and their checks")
struct TaskKindTests {
    let spansProject = Project(
        id: "ner", title: "Entities", kind: .spans,
        labels: [LabelChoice(name: "person"), LabelChoice(name: "location", color: "#00ff00")])

    @Test(arguments: [
        Answer.labels(["a", "b"]),
        .spans([EntitySpan(start: 0, end: 3, label: "person")]),
        .comparison(ComparisonAnswer(preference: .a, strength: 3, ratingsA: ["helpfulness": 6], ratingsB: ["helpfulness": 2], rationale: "A is right", shownSwapped: true)),
        .text("line one\nline two ✓"),
    ])
    func answersReadBackFromTheirCanonicalText(answer: Answer) throws {
        #expect(try Answer(canonicalText: answer.canonicalText) == answer)
        let decoded = try JSONDecoder().decode(Answer.self, from: JSONEncoder().encode(answer))
        #expect(decoded == answer)
    }

    @Test func anUnknownAnswerShapeIsASentence() {
        #expect(throws: Answer.Unreadable.self) { try Answer(canonicalText: #"{"boxes":[]}"#) }
        do { _ = try Answer(canonicalText: #"{"spans":[{"start":1}]}"#) } catch {
            #expect(error.description == "span 1 needs whole-number \"start\" and \"end\" and a \"label\" string")
        }
    }

    @Test func aClassificationAnnotationKeepsTheCanonicalBytesItAlwaysHad() {
        // Given an annotation as older stations made it, and the same with a flag
        let created = Date(timeIntervalSince1970: 1_795_000_000)
        var annotation = Annotation(
            id: UUID(), taskID: "t1", projectID: "p", labels: ["positive"], username: "ana", stationID: "s1", leaseEpoch: 2,
            createdAt: created, secondsOnTask: 4.5)
        let old = annotation.canonicalContent
        #expect(!old.contains("answer") && !old.contains("flag") && !old.contains("prediction"))
        annotation.flag = "odd"
        annotation.predictionAccepted = true
        // Then the new members appear in sorted place only when present
        #expect(annotation.canonicalContent.contains(#""flag":"odd","labels":["positive"]"#))
        #expect(annotation.canonicalContent.contains(#""lease_epoch":2,"prediction_accepted":true,"project_id""#))
        annotation.answer = .text("hello")
        #expect(annotation.canonicalContent.hasPrefix(#"{"answer":{"text":"hello"},"created_at""#))
    }

    @Test func aTasksBodyReadsBack() throws {
        let task = LabelTask(
            id: "c1", projectID: "cmp", text: "prompt", marking: .cui, responses: ["first", "second"],
            predictions: [Prediction(model: "judge v1", score: 0.5, answer: .comparison(ComparisonAnswer(preference: .tie)))])
        var read = LabelTask(id: "c1", projectID: "cmp", text: "prompt", marking: .cui)
        try read.restoreBody(task.storedBody)
        #expect(read == task)
        #expect(LabelTask(id: "x", projectID: "p", text: "t", marking: .cui).storedBody == nil)
    }

    @Test func aProjectStoredBeforeKindsExistedReadsWithDefaults() throws {
        let old = #"{"allowsMultipleLabels":false,"defaultMarking":"CUI","id":"s","instructions":"","kind":"classification","labels":[{"name":"a"}],"leaseSeconds":600,"skipReasons":["x"],"title":"S"}"#
        let project = try JSONDecoder().decode(Project.self, from: Data(old.utf8))
        #expect(project.kind == .classification)
        #expect(!project.submitOnChoose)
        #expect(project.dimensions.isEmpty)
        #expect(project.rationale == RationaleRule())
    }

    @Test func spansAreCheckedForTypeBoundsAndOverlap() {
        #expect(spansProject.answerProblem(.spans([EntitySpan(start: 0, end: 4, label: "person")]), isSkip: false, textLength: 10) == nil)
        #expect(spansProject.answerProblem(.spans([EntitySpan(start: 0, end: 4, label: "ship")]), isSkip: false, textLength: 10)
            == "entity type \"ship\" is not one of project \"ner\"'s types")
        #expect(spansProject.answerProblem(.spans([EntitySpan(start: 8, end: 12, label: "person")]), isSkip: false, textLength: 10)
            == "span 8-12 runs past the end of the text (10 characters)")
        let overlapping = Answer.spans([EntitySpan(start: 0, end: 4, label: "person"), EntitySpan(start: 3, end: 6, label: "location")])
        #expect(spansProject.answerProblem(overlapping, isSkip: false, textLength: 10)?.contains("overlap") == true)
        var allowing = spansProject
        allowing.allowsOverlap = true
        #expect(allowing.answerProblem(overlapping, isSkip: false, textLength: 10) == nil)
        #expect(spansProject.answerProblem(.labels(["person"]), isSkip: false, textLength: 10)
            == "project \"ner\" takes entity spans; the annotation is classification")
    }

    @Test func comparisonsNeedStrengthRatingsInRangeAndARationaleOfLength() {
        let project = Project(
            id: "cmp", title: "Compare", kind: .comparison, dimensions: [RatingDimension(name: "helpfulness")], asksStrength: true,
            rationale: RationaleRule(required: true, minimumLength: 10))
        func check(_ answer: ComparisonAnswer) -> String? { project.answerProblem(.comparison(answer), isSkip: false, textLength: nil) }
        #expect(check(ComparisonAnswer(preference: .a, strength: 2, ratingsA: ["helpfulness": 5], rationale: "long enough reason")) == nil)
        #expect(check(ComparisonAnswer(preference: .a, rationale: "long enough reason"))?.contains("gives no strength") == true)
        #expect(check(ComparisonAnswer(preference: .tie, ratingsB: ["helpfulness": 8], rationale: "long enough reason")) == "rating 8 for \"helpfulness\" is outside 1-7")
        #expect(check(ComparisonAnswer(preference: .tie, rationale: "")) == "project \"cmp\" asks for a rationale")
        #expect(check(ComparisonAnswer(preference: .tie, rationale: "  short  ")) == "the rationale has 5 characters; project \"cmp\" asks for at least 10")
        #expect(ComparisonAnswer(preference: .a, shownSwapped: true).preferredPosition == "right")
    }

    @Test func freeTextHasAMinimumLengthAndASkipCarriesTheEmptyAnswer() {
        let project = Project(id: "ft", title: "Write", kind: .freeText, minimumAnswerLength: 5)
        #expect(project.answerProblem(.text("abc"), isSkip: false, textLength: nil) == "the answer has 3 characters; project \"ft\" asks for at least 5")
        #expect(project.answerProblem(.text("abcdef"), isSkip: false, textLength: nil) == nil)
        #expect(project.answerProblem(.text(""), isSkip: true, textLength: nil) == nil)
        #expect(project.answerProblem(.text("x"), isSkip: true, textLength: nil) == "a skipped task cannot also have an answer")
    }

    @Test func predictionsAgreeByMeaningNotByBytes() {
        #expect(Answer.labels(["a", "b"]).agrees(with: .labels(["b", "a"])))
        #expect(Answer.text(" same\n").agrees(with: .text("same")))
        #expect(Answer.comparison(ComparisonAnswer(preference: .a, strength: 1, rationale: "mine")).agrees(with: .comparison(ComparisonAnswer(preference: .a, strength: 1))))
        #expect(!Answer.comparison(ComparisonAnswer(preference: .a)).agrees(with: .comparison(ComparisonAnswer(preference: .b))))
    }

    @Test func projectFilesReadBackWhatShowPrints() throws {
        let project = Project(
            id: "cmp", title: "Compare", kind: .comparison, defaultMarking: .cui, instructions: "Which answer is better?",
            dimensions: [RatingDimension(name: "helpfulness", hint: "1 useless, 7 ideal"), RatingDimension(name: "harmlessness")],
            asksStrength: true, rationale: RationaleRule(required: true, minimumLength: 40))
        let text = ProjectFile.text(of: project)
        #expect(try ProjectFile.read(Data(text.utf8), fileName: "cmp.json") == project)
        #expect(try ProjectFile.read(Data(ProjectFile.text(of: spansProject).utf8), fileName: "ner.json") == spansProject)
    }

    @Test func projectFileMistakesAreSentences() {
        func problem(_ text: String) -> String? {
            do { _ = try ProjectFile.read(Data(text.utf8), fileName: "p.json"); return nil } catch { return error.description }
        }
        #expect(problem(#"{"id":"a","title":"A","kind":"boxes"}"#) == "p.json: \"kind\" \"boxes\" is not a task kind; use one of classification, spans, comparison, free-text, geo-box, geo-polygon")
        #expect(problem(#"{"id":"a","title":"A","lables":[]}"#)?.hasPrefix("p.json: unknown member \"lables\"") == true)
        #expect(problem(#"{"title":"A"}"#) == "p.json: \"id\" is missing; give the project a short id such as \"topics\"")
        #expect(problem(#"{"id":"a","title":"A","leaseSeconds":"ten"}"#) == "p.json: \"leaseSeconds\" must be a whole number, not a string")
        #expect(problem("{") != nil)
    }

    @Test func labelColoursComeFromTheProjectOrThePalette() {
        #expect(LabelColor.of(spansProject.labels, at: 1) == LabelColor(red: 0, green: 0xFF, blue: 0))
        #expect(LabelColor.of(spansProject.labels, at: 0) == LabelColor.palette[0].color)
        var bad = spansProject
        bad.labels[0].color = "mauve"
        #expect(bad.problems().contains { $0.contains("has colour \"mauve\"") })
    }

    @Test func predictionReportsCountPerLabelModelAndPerson() {
        let positive = Prediction(model: "v1", answer: .labels(["positive"]))
        let negative = Prediction(model: "v2", answer: .labels(["negative"]))
        let report = PredictionReport(entries: [
            .init(prediction: positive, annotator: "ana", accepted: true),
            .init(prediction: positive, annotator: "bo", accepted: false),
            .init(prediction: negative, annotator: "ana", accepted: true),
        ])
        #expect(report.overall == .init(key: "all", accepted: 2, shown: 3))
        #expect(report.byLabel == [.init(key: "negative", accepted: 1, shown: 1), .init(key: "positive", accepted: 1, shown: 2)])
        #expect(report.byModel.map(\.key) == ["v1", "v2"])
        #expect(report.byPerson == [.init(key: "ana", accepted: 2, shown: 2), .init(key: "bo", accepted: 0, shown: 1)])
        #expect(report.text.contains("Predictions accepted unchanged: 2 of 3 (66.7%)"))
    }
}
