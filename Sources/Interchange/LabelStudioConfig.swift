import Domain

/// Makes a project from a Label Studio labeling config (`<View>...</View>`).
///
/// Reads `<Text name value>`, `<Choices choice="single|multiple">` with `<Choice value
/// hotkey hint>` (classification), `<Labels>` with `<Label value background hotkey hint>`
/// (entity spans, overlaps allowed as Label Studio allows them; a `#rrggbb` or
/// palette-name background is the colour, any other is
/// left to the palette), `<Pairwise>` (comparison) with `<Rating name>` (a dimension;
/// `name="strength"` asks how much better) and `<TextArea>` (the rationale, required
/// when `required="true"`), and `<TextArea>` alone (free text). Layout tags (`View`,
/// `Header`, `Style`...) are read past. Image tags are refused until the geospatial
/// kinds come; other control tags are refused by name.
public enum LabelStudioConfig {
    static let layoutTags: Set<String> = ["View", "Header", "Style", "Filter", "Collapse", "Panel"]
    static let imageTags: Set<String> = [
        "Image", "RectangleLabels", "PolygonLabels", "Rectangle", "Polygon", "KeyPointLabels", "KeyPoint", "BrushLabels",
        "Brush", "EllipseLabels", "Ellipse",
    ]

    public static func project(fromXML xml: String, id: String, title: String, fileName: String = "label_config.xml") throws(InterchangeError) -> Project {
        func failure(_ line: Int, _ text: String) -> InterchangeError {
            InterchangeError(fileName: fileName, location: .line(line), problem: text)
        }
        let tags: [XMLTagReader.Tag]
        do throws(XMLTagReader.Failure) { tags = try XMLTagReader.tags(xml) } catch { throw failure(error.line, error.text) }
        guard let root = tags.first else { throw failure(1, "the config holds no tags; it starts with <View>") }
        guard root.name == "View", !root.isClosing else { throw failure(root.line, "a labeling config starts with <View>, not <\(root.name)>") }

        var open: [XMLTagReader.Tag] = []
        var choices: [LabelChoice] = []
        var labels: [LabelChoice] = []
        var choicesTag: XMLTagReader.Tag?
        var labelsTag: XMLTagReader.Tag?
        var pairwise: XMLTagReader.Tag?
        var textArea: XMLTagReader.Tag?
        var dimensions: [RatingDimension] = []
        var asksStrength = false
        var sawText = false
        var imageObject: XMLTagReader.Tag?
        for tag in tags {
            if tag.isClosing {
                guard let last = open.last, last.name == tag.name else {
                    throw failure(tag.line, "</\(tag.name)> closes \(open.last.map { "<\($0.name)>, opened on line \($0.line)" } ?? "nothing")")
                }
                open.removeLast()
                continue
            }
            if !tag.isSelfClosing { open.append(tag) }
            func attribute(_ name: String) throws(InterchangeError) -> String {
                guard let value = tag.attributes[name], !value.isEmpty else { throw failure(tag.line, "<\(tag.name)> needs a \(name)=\"...\"") }
                return value
            }
            func choice() throws(InterchangeError) -> LabelChoice {
                let hotkey = tag.attributes["hotkey"].map { $0.lowercased() }
                let mnemonic = hotkey.flatMap { $0.count == 1 && $0.first!.isLetter ? $0 : nil }
                let color = tag.attributes["background"].flatMap { LabelColor(text: $0) != nil ? $0 : nil }
                return LabelChoice(name: try attribute("value"), mnemonic: mnemonic, color: color, hint: tag.attributes["hint"])
            }
            switch tag.name {
            case _ where layoutTags.contains(tag.name): break
            case "Image":
                // The control drawn on it names the task better; the image alone is refused after.
                imageObject = imageObject ?? tag
            case _ where imageTags.contains(tag.name):
                throw failure(tag.line, "<\(tag.name)> is for images; image kinds come with the geospatial work, so make a text project for now")
            case "Text", "HyperText", "Paragraphs":
                _ = try attribute("name")
                sawText = true
            case "Choices":
                guard choicesTag == nil else { throw failure(tag.line, "a project takes one <Choices>; the first is on line \(choicesTag!.line)") }
                choicesTag = tag
            case "Choice":
                guard open.dropLast(tag.isSelfClosing ? 0 : 1).last?.name == "Choices" else { throw failure(tag.line, "<Choice> belongs inside <Choices>") }
                choices.append(try choice())
            case "Labels":
                guard labelsTag == nil else { throw failure(tag.line, "a project takes one <Labels>; the first is on line \(labelsTag!.line)") }
                labelsTag = tag
            case "Label":
                guard open.dropLast(tag.isSelfClosing ? 0 : 1).last?.name == "Labels" else { throw failure(tag.line, "<Label> belongs inside <Labels>") }
                labels.append(try choice())
            case "Pairwise":
                pairwise = tag
            case "Rating":
                let name = try attribute("name")
                if name == "strength" { asksStrength = true } else { dimensions.append(RatingDimension(name: name, hint: tag.attributes["hint"])) }
            case "TextArea":
                textArea = tag
            default:
                throw failure(tag.line, "<\(tag.name)> is not read; LabelDesk reads View, Text, Choices, Labels, Rating, TextArea and Pairwise")
            }
        }
        if let imageObject {
            throw failure(imageObject.line, "<Image> is for images; image kinds come with the geospatial work, so make a text project for now")
        }
        if let unclosed = open.first { throw failure(unclosed.line, "<\(unclosed.name)> is never closed") }
        guard sawText || pairwise != nil else { throw failure(root.line, "the config shows no <Text>; add <Text name=\"text\" value=\"$text\"/>") }

        var project = Project(id: id, title: title)
        if let pairwise {
            if let other = choicesTag ?? labelsTag { throw failure(other.line, "a comparison (<Pairwise> on line \(pairwise.line)) cannot also have <\(other.name)>") }
            project.kind = .comparison
            project.dimensions = dimensions
            project.asksStrength = asksStrength
            if let textArea { project.rationale = RationaleRule(required: textArea.attributes["required"] == "true") }
        } else if let labelsTag {
            if let choicesTag { throw failure(choicesTag.line, "a project has one kind; <Labels> is on line \(labelsTag.line), so <Choices> cannot be too") }
            project.kind = .spans
            project.labels = labels
            project.allowsOverlap = true
        } else if let choicesTag {
            project.kind = .classification
            project.labels = choices
            project.allowsMultipleLabels = choicesTag.attributes["choice"] == "multiple"
        } else if textArea != nil {
            project.kind = .freeText
        } else {
            throw failure(root.line, "the config asks nothing; add <Choices>, <Labels>, <Pairwise> or <TextArea>")
        }
        if pairwise == nil, let rating = tags.first(where: { $0.name == "Rating" }) {
            throw failure(rating.line, "<Rating> rates the two answers of a comparison; add <Pairwise>")
        }
        if let problem = project.problems().first { throw failure(root.line, "the project this config makes is not valid: \(problem)") }
        return project
    }
}
