import Domain
import Foundation
import Testing

/// Our figures against the reference libraries' on the same inputs, to 1e-9
/// (`Vectors/quality_vectors.json`, made by `Vectors/make_quality_vectors.py`).
@Suite struct ReferenceVectorTests {
    let vectors: QualityVectors.Vectors

    init() throws { vectors = try QualityVectors.load() }

    @Test func wilsonIntervalsMatchStatsmodels() {
        #expect(vectors.wilson.count > 100)
        for case_ in vectors.wilson {
            let interval = WilsonInterval(successes: case_.successes, trials: case_.trials, confidence: case_.confidence)
            #expect(close(interval.lower, case_.lower) && close(interval.upper, case_.upper),
                    "\(case_.successes)/\(case_.trials) at \(case_.confidence): \(interval.lower)...\(interval.upper), not \(case_.lower)...\(case_.upper)")
        }
    }

    @Test func normalQuantilesMatchScipy() {
        for case_ in vectors.quantiles {
            let z = StandardNormal.quantile(case_.probability)
            #expect(close(z, case_.z, 1e-12), "Φ⁻¹(\(case_.probability)) = \(z), not \(case_.z)")
        }
        #expect(close(StandardNormal.criticalValue(confidence: 0.95), 1.959963984540054, 1e-14))
    }

    @Test func cohensKappaMatchesScikitLearn() {
        for case_ in vectors.cohen {
            for (weighting, expected) in [(Agreement.KappaWeighting.unweighted, case_.unweighted), (.linear, case_.linear), (.quadratic, case_.quadratic)] {
                let kappa = Agreement.cohenKappa(case_.first, case_.second, weighting: weighting)
                #expect(close(kappa, expected), "\(weighting) \(case_.first) \(case_.second): \(String(describing: kappa)), not \(String(describing: expected))")
            }
        }
        let strings = vectors.cohen_strings
        #expect(close(Agreement.cohenKappa(strings.first, strings.second), strings.unweighted))
        #expect(close(strings.unweighted, 0.6875, 1e-15), "scikit-learn's documented example")
    }

    @Test func fleissKappaMatchesStatsmodels() {
        for case_ in vectors.fleiss {
            #expect(close(Agreement.fleissKappa(counts: case_.counts), case_.fleiss), "\(case_.counts)")
            #expect(close(Agreement.fleissKappa(counts: case_.counts, chance: .randolph), case_.randolph), "\(case_.counts)")
        }
        // Wikipedia's worked example: 0.210.
        let wikipedia = vectors.fleiss[vectors.fleiss.count - 1]
        #expect(abs((Agreement.fleissKappa(counts: wikipedia.counts) ?? 0) - 0.210) < 0.0005)
    }

    @Test func krippendorffsAlphaMatchesThePackage() {
        #expect(vectors.krippendorff.count >= 30)
        for case_ in vectors.krippendorff {
            for (level, expected) in [(Agreement.MeasurementLevel.nominal, case_.nominal), (.ordinal, case_.ordinal), (.interval, case_.interval), (.ratio, case_.ratio)] {
                let alpha = Agreement.krippendorffAlpha(case_.ratings, level: level)
                #expect(close(alpha, expected), "\(level): \(String(describing: alpha)), not \(String(describing: expected))")
            }
        }
    }

    @Test func spanCountsMatchNervaluateInEveryScheme() {
        #expect(vectors.spans.count >= 80)
        for case_ in vectors.spans {
            let answer = QualityVectors.Spans.spans(case_.answer), key = QualityVectors.Spans.spans(case_.key)
            let evaluation = SpanEvaluation.evaluate(answer, against: key)
            for (scheme, expected) in [(SpanEvaluation.Scheme.strict, case_.strict), (.exact, case_.exact), (.partial, case_.partial), (.type, case_.type)] {
                let counts = evaluation.counts(scheme)
                let same = counts.correct == expected.correct && counts.incorrect == expected.incorrect && counts.partial == expected.partial
                    && counts.missed == expected.missed && counts.spurious == expected.spurious
                #expect(same, "\(scheme) \(key) vs \(answer): \(counts), not \(expected)")
                #expect(close(counts.precision, expected.precision) && close(counts.recall, expected.recall) && close(counts.f1, expected.f1), "\(scheme) \(key) vs \(answer)")
            }
            // The per-span classes split the strict counts exactly.
            let classes = evaluation.errors.map(\.errorClass)
            #expect(classes.filter { [.boundary, .type, .boundaryAndType].contains($0) }.count == case_.strict.incorrect)
            #expect(classes.filter { $0 == .missed }.count == case_.strict.missed)
            #expect(classes.filter { $0 == .spurious }.count == case_.strict.spurious)
        }
    }

    @Test func polygonOverlapMatchesShapelyOnConcaveAndSnappedPolygons() {
        #expect(vectors.polygons.count > 100)
        for case_ in vectors.polygons {
            let a = ShapeGeometry.polygon(case_.a.map { PixelPoint(x: $0[0], y: $0[1]) })
            let b = ShapeGeometry.polygon(case_.b.map { PixelPoint(x: $0[0], y: $0[1]) })
            let area = PolygonOverlap.intersectionArea(a, b)
            #expect(close(area, case_.intersection, 1e-9 * max(1, case_.intersection)), "\(case_.a) ∩ \(case_.b): \(area), not \(case_.intersection)")
            #expect(close(PolygonOverlap.intersectionOverUnion(a, b), case_.iou), "\(case_.a) vs \(case_.b)")
            #expect(close(PolygonOverlap.intersectionArea(b, a), case_.intersection, 1e-9 * max(1, case_.intersection)), "symmetric")
        }
    }

    @Test func shapeMatchingMatchesLinearSumAssignment() throws {
        #expect(vectors.shapes.count >= 60)
        for case_ in vectors.shapes {
            let answer = try case_.answer.enumerated().map { try Shape(json: $0.element, number: $0.offset + 1) }
            let key = try case_.key.enumerated().map { try Shape(json: $0.element, number: $0.offset + 1) }
            for (i, row) in case_.iou.enumerated() {
                for (j, expected) in row.enumerated() {
                    #expect(close(PolygonOverlap.intersectionOverUnion(answer[i].geometry, key[j].geometry), expected), "IoU \(i),\(j)")
                }
            }
            let evaluation = ShapeEvaluation.evaluate(answer, against: key, matchThreshold: case_.threshold)
            #expect(evaluation.matches.map { [$0.answerIndex, $0.keyIndex] } == case_.pairs)
            #expect(evaluation.counts.matched == case_.matched)
            #expect(close(evaluation.precision, case_.precision) && close(evaluation.recall, case_.recall) && close(evaluation.f1, case_.f1))
            #expect(close(evaluation.meanIoU, case_.mean_iou))
            // Every unmatched shape on either side has exactly one TIDE error, or is
            // accounted for by the error that points at it.
            let answerErrors = evaluation.errors.filter { $0.errorClass != .missed }.count
            #expect(answerErrors == answer.count - case_.matched)
        }
    }

    @Test func shapeErrorClassesMatchTIDE() throws {
        // Given boxes where TIDE's greedy matching by score and ours agree on the pairs
        #expect(vectors.tide.count >= 50)
        var seen: Set<GoldErrorClass> = []
        for case_ in vectors.tide {
            let answer = try case_.answer.enumerated().map { try Shape(json: $0.element, number: $0.offset + 1) }
            let key = try case_.key.enumerated().map { try Shape(json: $0.element, number: $0.offset + 1) }
            // When our errors are counted by class
            var counts: [String: Int] = [:]
            for error in ShapeEvaluation.evaluate(answer, against: key).errors {
                counts[error.errorClass.rawValue, default: 0] += 1
                seen.insert(error.errorClass)
            }
            // Then they are tidecv's
            #expect(counts == case_.errors, "\(case_.key) vs \(case_.answer)")
        }
        #expect(seen == [.classification, .localisation, .classificationAndLocalisation, .duplicate, .background, .missed])
    }

    @Test func majorityVoteAndDawidSkeneMatchCrowdKit() {
        #expect(vectors.consensus.count == 5)
        for case_ in vectors.consensus {
            var votes = LabelVotes(taskCount: case_.tasks, personCount: case_.people, classCount: case_.classes)
            for vote in case_.votes { votes.add(task: vote[0], person: vote[1], label: vote[2]) }
            let gold = Dictionary(uniqueKeysWithValues: case_.gold.compactMap { entry in Int(entry.key).map { ($0, entry.value) } })

            let majority = MajorityVote.consensus(votes)
            expectSame(majority, case_.majority, "majority vote")

            let estimate = DawidSkene().estimate(votes, gold: gold)
            #expect(estimate.iterations == case_.iterations, "iterations")
            #expect(zip(estimate.lowerBounds, case_.lower_bounds).allSatisfy { close($0, $1) }, "lower bounds \(estimate.lowerBounds) vs \(case_.lower_bounds)")
            expectSame(estimate.consensus, case_.dawid_skene, "Dawid-Skene (\(gold.count) gold)")
            #expect(zip(estimate.priors, case_.priors).allSatisfy { close($0, $1) }, "priors \(estimate.priors) vs \(case_.priors)")
            for (name, rates) in case_.errors {
                let parts = name.split(separator: " ").compactMap { Int($0) }
                for truth in 0..<case_.classes {
                    #expect(close(estimate.errorRate(person: parts[0], answered: parts[1], truth: truth), rates[truth]), "error rate \(name) \(truth)")
                }
            }
            for (task, label) in gold where estimate.consensus.voteCounts[task] > 0 {
                #expect(estimate.consensus.label(of: task) == label, "a gold task keeps its known class")
            }
        }
    }

    @Test func dawidAndSkenesOwnDataGivesThePapersClassMarginals() {
        // Given the 45 patients of Dawid & Skene (1979), Table 1, observer 1 three times over
        let url = QualityVectors.sharedFixtures.appendingPathComponent("crowd/dawid_skene_1979_anaesthetists.csv")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("\(url.path) is missing")
            return
        }
        var votes = LabelVotes(taskCount: 45, personCount: 5, classCount: 4)
        for line in text.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",").compactMap { Int($0) }
            votes.add(task: fields[0] - 1, person: fields[1] - 1, label: fields[2] - 1)
        }
        #expect(votes.count == 315)
        // When estimated
        let estimate = DawidSkene().estimate(votes)
        // Then the class shares are the paper's 0.40, 0.42, 0.11, 0.07, and crowd-kit's to 1e-9
        let paper = [0.40, 0.42, 0.11, 0.07]
        #expect(zip(estimate.priors, paper).allSatisfy { abs($0 - $1) < 0.005 }, "\(estimate.priors)")
        #expect(zip(estimate.priors, vectors.anaesthetists.priors).allSatisfy { close($0, $1) })
        #expect(estimate.iterations == vectors.anaesthetists.iterations)
        expectSame(estimate.consensus, vectors.anaesthetists.dawid_skene, "anaesthetists, Dawid-Skene")
        expectSame(MajorityVote.consensus(votes), vectors.anaesthetists.majority, "anaesthetists, majority")
    }

    /// Probabilities to 1e-9 and labels equal, except where crowd-kit's top is a tie: it
    /// breaks ties by an internal column order, we by class order, and either is one of the tied.
    func expectSame(_ consensus: Consensus, _ expected: [String: QualityVectors.TaskProbabilities], _ what: String) {
        for (name, row) in expected {
            guard let task = Int(name) else { continue }
            let ours = (0..<consensus.classCount).map { consensus.probability(of: $0, for: task) }
            #expect(zip(ours, row.p).allSatisfy { close($0, $1) }, "\(what), task \(task): \(ours) vs \(row.p)")
            let top = row.p.max() ?? 0
            let theirs = row.p.firstIndex(of: top)
            if row.tied {
                #expect(consensus.label(of: task).map { abs(row.p[$0] - top) < 1e-9 } ?? false, "\(what), task \(task): a tied class")
            } else {
                #expect(consensus.label(of: task) == theirs, "\(what), task \(task)")
            }
        }
    }
}
