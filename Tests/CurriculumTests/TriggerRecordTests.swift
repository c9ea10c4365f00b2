import Curriculum
import Domain
import Foundation
import Testing

/// What one gold answer adds per remediation trigger, and when a record calls for its
/// lesson, worked by hand.
@Suite struct TriggerRecordTests {
    typealias Trigger = TriggerRecord.Trigger

    @Test func aWrongLabelCountsAgainstTheKeysLabelAndItsErrorClassOnly() {
        // Given a key of "negative" answered "positive": score 0, one wrong-label error
        let score = GoldScore(value: 0, isCorrect: false, errors: [GoldError(.wrongLabel, expected: "negative", given: "positive")], details: .wrongKind)
        // When its contributions are taken
        let parts = TriggerRecord.contributions(of: score, key: .labels(["negative"]), kind: .classification)
        // Then the key's label earns 0, the class it showed 0, the classes it did not show 1
        #expect(parts.map(\.trigger) == [.label("negative"), .errorClass(.wrongLabel), .errorClass(.missingLabel), .errorClass(.extraLabel)])
        #expect(parts.map(\.credit) == [0, 0, 1, 1])
    }

    @Test func spansCountEachEntityTypeOfTheKeyOnceWithTheAnswersCredit() {
        let key = Answer.spans([
            EntitySpan(start: 0, end: 4, label: "person"), EntitySpan(start: 10, end: 14, label: "location"), EntitySpan(start: 20, end: 25, label: "person"),
        ])
        let score = GoldScore(value: 2.0 / 3.0, isCorrect: false, errors: [GoldError(.missed, expected: "location")], details: .wrongKind)
        let parts = TriggerRecord.contributions(of: score, key: key, kind: .spans)
        #expect(parts.filter { if case .label = $0.trigger { true } else { false } }.map(\.trigger) == [.label("location"), .label("person")])
        #expect(parts.prefix(2).allSatisfy { abs($0.credit - 2.0 / 3.0) < 1e-15 })
        let classes = Dictionary(uniqueKeysWithValues: parts.dropFirst(2).map { ($0.trigger.words, $0.credit) })
        #expect(classes == ["error boundary": 1, "error type": 1, "error boundary and type": 1, "error spurious": 1, "error missed": 0])
    }

    @Test func shapesOutsideTheFocusAreNotTheKeys() {
        // Given a key with a building inside the focus and a car in the margin
        let building = Shape(label: "building", geometry: .box(PixelPoint(x: 10, y: 10), PixelPoint(x: 20, y: 20)))
        let car = Shape(label: "car", geometry: .box(PixelPoint(x: 0, y: 0), PixelPoint(x: 4, y: 4)))
        let score = GoldScore(value: 1, isCorrect: true, errors: [], details: .wrongKind)
        let focus = PixelWindow(x: 8, y: 8, width: 32, height: 32)
        let inFocus = TriggerRecord.contributions(of: score, key: .shapes([building, car]), kind: .geoBox, focus: focus)
        let everywhere = TriggerRecord.contributions(of: score, key: .shapes([building, car]), kind: .geoBox)
        #expect(inFocus.compactMap { if case .label(let name) = $0.trigger { name } else { nil } } == ["building"])
        #expect(everywhere.compactMap { if case .label(let name) = $0.trigger { name } else { nil } } == ["building", "car"])
    }

    @Test func triggersGoToWordsAndBack() {
        for trigger in [Trigger.label("negative"), .label("New York"), .errorClass(.boundaryAndType), .errorClass(.tieAgainstPreference)] {
            #expect(Trigger(words: trigger.words) == trigger)
        }
        #expect(Trigger.label("negative").words == "label negative")
        #expect(Trigger.errorClass(.missed).words == "error missed")
        #expect(Trigger(words: "error nonsense") == nil && Trigger(words: "label ") == nil && Trigger(words: "negative") == nil)
    }

    @Test func aRecordCallsForRemediationOnlyWithEnoughItemsAndItsBestBelowTheThreshold() {
        let policy = GoldPolicy(remediationBelow: 0.8, remediationMinimum: 10)
        // 5 of 10: Wilson 95% upper bound 0.7634 < 0.8 (statsmodels: 0.7634069094874361)
        #expect(TriggerRecord(trigger: .label("negative"), items: 10, credit: 5).callsForRemediation(under: policy))
        #expect(abs(TriggerRecord(trigger: .label("negative"), items: 10, credit: 5).interval.upper - 0.76340691) < 1e-7)
        // 6 of 10: upper 0.8319 is not below
        #expect(!TriggerRecord(trigger: .label("negative"), items: 10, credit: 6).callsForRemediation(under: policy))
        // 0 of 9: too few items
        #expect(!TriggerRecord(trigger: .label("negative"), items: 9, credit: 0).callsForRemediation(under: policy))
        // Off by default
        #expect(!TriggerRecord(trigger: .label("negative"), items: 50, credit: 0).callsForRemediation(under: GoldPolicy()))
    }

    @Test func thePolicysRemediationSettingsAreCheckedAndReadAsDefaultsFromOlderPolicies() throws {
        #expect(GoldPolicy(remediationBelow: 1.2).problems() == ["the remediation threshold is an accuracy between 0 and 1, not 1.2"])
        #expect(GoldPolicy(remediationBelow: 0.8, remediationMinimum: 0).problems().count == 1)
        let older = try JSONDecoder().decode(GoldPolicy.self, from: Data(#"{"rate": 0.1}"#.utf8))
        #expect(older.remediationBelow == nil && older.remediationMinimum == 10 && older.rate == 0.1)
        let stored = try JSONEncoder().encode(GoldPolicy(remediationBelow: 0.75, remediationMinimum: 4))
        let read = try JSONDecoder().decode(GoldPolicy.self, from: stored)
        #expect(read.remediationBelow == 0.75 && read.remediationMinimum == 4)
    }
}
