import Domain
import Foundation
@testable import Interchange
import Testing

@Suite("Label Studio labeling configs")
struct LabelStudioConfigTests {
    @Test("The fixtures' image configs are refused with a sentence naming the line", arguments: [
        ("test_export_yolo/label_config.xml", 4, "RectangleLabels"), ("test_export_yolo/label_config_polygons.xml", 6, "PolygonLabels"),
        ("test_export_json_min/label_config.xml", 6, "PolygonLabels"),
    ])
    func imageConfigsRefused(file: String, line: Int, tag: String) throws {
        let xml = String(decoding: try Fixtures.data("labelstudio/" + file), as: UTF8.self)
        let error = #expect(throws: InterchangeError.self) { try LabelStudioConfig.project(fromXML: xml, id: "img", title: "Images") }
        #expect(error?.description == "label_config.xml:\(line): <\(tag)> is for images; image kinds come with the geospatial work, so make a text project for now")
    }

    @Test("An image with no control drawn on it is refused at the image")
    func imageAlone() {
        let error = #expect(throws: InterchangeError.self) {
            try LabelStudioConfig.project(fromXML: "<View>\n  <Image name=\"i\" value=\"$image\"/>\n</View>", id: "i", title: "I")
        }
        #expect(error?.description == "label_config.xml:2: <Image> is for images; image kinds come with the geospatial work, so make a text project for now")
    }

    @Test("Choices make a classification project with hotkeys and colours")
    func choices() throws {
        let xml = """
        <View>
          <!-- a comment with <Tags> in it -->
          <Text name="text" value="$text"/>
          <Choices name="sentiment" toName="text" choice="multiple">
            <Choice value="Positive &amp; warm" hotkey="p"/>
            <Choice value="Negative" hotkey="N" hint="cold"></Choice>
          </Choices>
        </View>
        """
        let project = try LabelStudioConfig.project(fromXML: xml, id: "s", title: "Sentiment")
        #expect(project.kind == .classification)
        #expect(project.allowsMultipleLabels)
        #expect(project.labels == [LabelChoice(name: "Positive & warm", mnemonic: "p"), LabelChoice(name: "Negative", mnemonic: "n", hint: "cold")])
    }

    @Test("Labels make a spans project; a #rrggbb or palette background is the colour")
    func labels() throws {
        let xml = """
        <View><Text name="text" value="$text"/>
        <Labels name="ner" toName="text"><Label value="PER" background="#FF0000"/><Label value="LOC" background="blue"/><Label value="ORG" background="rgba(0, 255, 0, 1)"/></Labels></View>
        """
        let project = try LabelStudioConfig.project(fromXML: xml, id: "ner", title: "NER")
        #expect(project.kind == .spans)
        #expect(project.labels.map(\.color) == ["#FF0000", "blue", nil])
    }

    @Test("Pairwise with ratings and a text area makes a comparison project")
    func comparison() throws {
        let xml = """
        <View>
          <Text name="prompt" value="$prompt"/>
          <Pairwise name="preference" toName="answer_a,answer_b"/>
          <Rating name="helpfulness" toName="answer_a" maxRating="7"/>
          <Rating name="strength" toName="pairwise" maxRating="3"/>
          <TextArea name="rationale" toName="prompt" required="true"/>
        </View>
        """
        let project = try LabelStudioConfig.project(fromXML: xml, id: "cmp", title: "Compare")
        #expect(project.kind == .comparison)
        #expect(project.dimensions == [RatingDimension(name: "helpfulness")])
        #expect(project.asksStrength)
        #expect(project.rationale.required)
        let free = try LabelStudioConfig.project(fromXML: "<View><Text name=\"t\" value=\"$text\"/><TextArea name=\"a\" toName=\"t\"/></View>", id: "f", title: "Free")
        #expect(free.kind == .freeText)
    }

    @Test("Broken configs name their line")
    func broken() throws {
        func problem(_ xml: String) -> String? {
            #expect(throws: InterchangeError.self) { try LabelStudioConfig.project(fromXML: xml, id: "x", title: "X") }?.description
        }
        #expect(problem("<View>\n<Text name=\"t\" value=\"$text\"/>\n<Choices name=\"c\">\n<Choice value=\"a\"/>\n</View>") == "label_config.xml:5: </View> closes <Choices>, opened on line 3")
        #expect(problem("<View>\n<Text name=\"t\" value=$text/>\n</View>") == "label_config.xml:2: the value of value in <Text> must be quoted")
        #expect(problem("<View>\n<Text name=\"t\" value=\"$text\"/>\n<Taxonomy name=\"x\"/>\n</View>") == "label_config.xml:3: <Taxonomy> is not read; LabelDesk reads View, Text, Choices, Labels, Rating, TextArea and Pairwise")
        #expect(problem("<View>\n<Text name=\"t\" value=\"$text\"/>\n<Choices name=\"c\">\n<Choice value=\"a\"/><Choice value=\"a\"/>\n</Choices>\n</View>") == "label_config.xml:1: the project this config makes is not valid: label names must differ")
    }
}

@Suite("The format registry")
struct FormatsTests {
    @Test("Every format is found by its name and nothing else is")
    func names() {
        #expect(Formats.all.map { $0.name } == ["jsonl", "labelstudio", "conll", "prodigy", "csv", "geojson", "gpkg", "coco"])
        #expect(Formats.all.filter { !$0.readsTasks }.map { $0.name } == ["geojson", "gpkg", "coco"])
        #expect(Formats.named("CoNLL") == CoNLLFormat.self)
        #expect(Formats.named("xml") == nil)
    }
}
