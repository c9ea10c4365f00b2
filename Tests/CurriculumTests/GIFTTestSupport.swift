import Curriculum
import Foundation

/// Where the shared real test files are: `<worktree>/../shared/fixtures`.
enum Fixtures {
    // Symbolic links resolved: scratch packages link the test folder from elsewhere.
    static let testsFolder = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
    static let shared = testsFolder.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("shared/fixtures")

    static func text(_ relativePath: String) throws -> String {
        try String(contentsOf: shared.appendingPathComponent(relativePath), encoding: .utf8)
    }
}

/// Text in GIFT's default format unless another is named.
func text(_ text: String, _ format: GIFTTextFormat = .moodle) -> GIFTText { GIFTText(text, format) }

/// The one question a snippet holds.
func onlyQuestion(_ gift: String, fileName: String = "test.gift") throws -> GIFTQuestion {
    let questions = try GIFTParser.parse(gift, fileName: fileName)
    guard questions.count == 1 else { throw SnippetError(count: questions.count) }
    return questions[0]
}

struct SnippetError: Error { var count: Int }

/// The sentence a snippet is refused with, or nil when it is read.
func refusal(_ gift: String, fileName: String = "quiz.gift") -> String? {
    do {
        _ = try GIFTParser.parse(gift, fileName: fileName)
        return nil
    } catch {
        return "\(error)"
    }
}

func choice(_ answer: String, _ fraction: Double, _ feedback: String = "", _ format: GIFTTextFormat = .moodle) -> GIFTQuestion.Choice {
    GIFTQuestion.Choice(text(answer, format), fraction: fraction, feedback: text(feedback, format))
}

func short(_ pattern: String, _ fraction: Double, _ feedback: String = "", _ format: GIFTTextFormat = .moodle) -> GIFTQuestion.ShortAnswer {
    GIFTQuestion.ShortAnswer(pattern, fraction: fraction, feedback: text(feedback, format))
}

func number(_ value: Double, tolerance: Double = 0, _ fraction: Double = 1, _ feedback: String = "") -> GIFTQuestion.NumericalAnswer {
    GIFTQuestion.NumericalAnswer(.value(value, tolerance: tolerance), fraction: fraction, feedback: text(feedback))
}

func pair(_ prompt: String, _ answer: String, _ format: GIFTTextFormat = .moodle) -> GIFTQuestion.MatchingPair {
    GIFTQuestion.MatchingPair(text(prompt, format), answer: answer)
}
