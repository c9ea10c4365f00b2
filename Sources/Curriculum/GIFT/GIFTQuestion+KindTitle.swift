extension GIFTQuestion {
    /// The question's type in a trainer's words, for lists and screens.
    ///
    /// Moodle's names, with two of GIFT's own: "multiple answers" for a choice question
    /// where several answers carry weights (no `=`), and "missing word" for answers
    /// written inside the sentence, whose blank the parser leaves as `_____`.
    public var kindTitle: String {
        let missingWord = text.text.contains("_____")
        switch kind {
        case .description: return "description"
        case .essay: return "essay"
        case .multipleChoice(let multipleChoice):
            if missingWord { return "missing word" }
            return multipleChoice.allowsSeveral ? "multiple answers" : "multiple choice"
        case .trueFalse: return "true/false"
        case .shortAnswer: return missingWord ? "missing word (typed)" : "short answer"
        case .numerical: return missingWord ? "missing number" : "numerical"
        case .matching: return "matching"
        }
    }
}
