import Domain
import Foundation
@testable import Interchange
import Testing

@Suite("CoNLL")
struct CoNLLFormatTests {
    struct Vector: Decodable {
        var name: String
        var tags: [String]
        var entities: [[Entity]]
        enum Entity: Decodable {
            case type(String)
            case index(Int)
            init(from decoder: Decoder) throws {
                let container = try decoder.singleValueContainer()
                if let number = try? container.decode(Int.self) { self = .index(number) } else { self = .type(try container.decode(String.self)) }
            }
        }
    }

    static func chunks(_ entities: [[Vector.Entity]]) -> [TaggingScheme.Chunk] {
        entities.map { entity in
            guard case .type(let type) = entity[0], case .index(let first) = entity[1], case .index(let last) = entity[2] else {
                fatalError("a vector entity is [type, first, last]")
            }
            return TaggingScheme.Chunk(type: type, first: first, last: last)
        }
    }

    @Test("WNUT-17 dev comes back byte for byte, stray tags and trailing byte-order mark included")
    func wnutRoundTrip() throws {
        // Given the real WNUT-17 dev file
        let original = try Fixtures.data("text/wnut17.dev.conll")
        // When it is read and written back
        let records = try CoNLLFormat.read(original, fileName: "wnut17.dev.conll", project: Projects.wnut)
        let written = try CoNLLFormat.write(records, project: Projects.wnut)
        // Then every byte is the same
        #expect(records.count == 1009)
        #expect(written == original)
    }

    @Test("WNUT-17 entities are the ones seqeval finds, in scalar offsets of the joined tokens")
    func wnutEntitiesMatchSeqeval() throws {
        // Given the file and seqeval's entities of each sentence
        let records = try CoNLLFormat.read(try Fixtures.data("text/wnut17.dev.conll"), fileName: "wnut17.dev.conll", project: Projects.wnut)
        let expected = try JSONDecoder().decode([[[Vector.Entity]]].self, from: try Fixtures.vector("wnut17_entities.json"))
        // Then each sentence's spans cut the tokens seqeval names
        #expect(records.count == expected.count)
        for (record, entities) in zip(records, expected) {
            let tokens = try #require(record.layout?.tokens)
            let spans = Self.chunks(entities).map { EntitySpan(start: tokens[$0.first].start, end: tokens[$0.last].end, label: $0.type) }
            #expect(record.annotations.first?.answer == .spans(spans), "\(record.task.id)")
        }
        let first = try #require(records.first)
        #expect(first.task.text == "Stabilized approach or not ? That ´ s insane and good .")
        #expect(first.task.id == "wnut-000001")
    }

    @Test("IOB1, IOB2 and BIOES read as seqeval reads them", arguments: try! JSONDecoder().decode([Vector].self, from: try! Fixtures.vector("iob_vectors.json")))
    func schemesMatchSeqeval(vector: Vector) {
        // Given a tag sequence and seqeval's entities
        // When our reader cuts it
        let chunks = TaggingScheme.chunks(vector.tags)
        // Then the entities are the same
        #expect(chunks == Self.chunks(vector.entities))
    }

    @Test("Tags are found to be IOB2 exactly when writing their entities as IOB2 gives them back",
          arguments: try! JSONDecoder().decode([Vector].self, from: try! Fixtures.vector("iob_vectors.json")).map(\.tags)
              + [["I-PER", "I-PER", "O"], ["B-PER", "I-PER", "O", "B-LOC"], ["O", "O"], ["B-PER", "I-LOC"], ["S-PER"], ["B-PER", "B-PER"]])
    func iob2CheckAgreesWithWritingIOB2(tags: [String]) throws {
        // Given a tag sequence, its entities, and tokens for them
        let chunks = TaggingScheme.chunks(tags)
        let tokens = tags.indices.map { TextToken(start: 2 * $0, end: 2 * $0 + 1) }
        let spans = chunks.map { EntitySpan(start: tokens[$0.first].start, end: tokens[$0.last].end, label: $0.type) }

        // When the reader checks whether they are IOB2
        let isIOB2 = TaggingScheme.areIOB2(tags.map(TaggingScheme.split), of: chunks)

        // Then it says so exactly when the tags the writer makes from the entities are these tags
        #expect(isIOB2 == (try CoNLLFormat.iob2Tags(spans, tokens: tokens) == tags))
    }

    @Test("A record without written tags is exported as IOB2 from its spans")
    func writesIOB2() throws {
        // Given a BIOES file, read, with its tags forgotten
        let file = "Anna\tS-PER\nlives\tO\nin\tO\nNew\tB-LOC\nYork\tE-LOC\n"
        var records = try CoNLLFormat.read(Data(file.utf8), fileName: "bioes.conll", project: Projects.entities)
        records[0].layout?.writtenTags = nil
        // When it is written
        let written = String(decoding: try CoNLLFormat.write(records, project: Projects.entities), as: UTF8.self)
        // Then the tags are IOB2
        #expect(written == "Anna\tB-PER\nlives\tO\nin\tO\nNew\tB-LOC\nYork\tI-LOC\n")
        #expect(records[0].annotations[0].answer == .spans([EntitySpan(start: 0, end: 4, label: "PER"), EntitySpan(start: 14, end: 22, label: "LOC")]))
    }

    @Test("A named scheme refuses a tag it forbids, naming the line")
    func strictScheme() throws {
        // Given an I- tag after O, read as IOB2
        let file = "Anna\tB-PER\n\nin\tO\nYork\tI-LOC\n"
        // Then the error names line 4
        let error = #expect(throws: InterchangeError.self) {
            try CoNLLFormat.read(Data(file.utf8), fileName: "bad.conll", project: Projects.entities,
                                 options: InterchangeOptions(conllScheme: .iob2))
        }
        #expect(error?.description == "bad.conll:4: tag \"I-LOC\" must follow B-LOC or I-LOC in IOB2; begin the entity with B-LOC")
    }

    @Test("An unknown entity type and a line without a tag are refused with their line")
    func badInput() throws {
        let unknown = #expect(throws: InterchangeError.self) {
            try CoNLLFormat.read(Data("Anna\tB-PER\nParis\tB-CITY\n".utf8), fileName: "t.conll", project: Projects.entities)
        }
        #expect(unknown?.description == "t.conll:2: entity type \"CITY\" is not one of project \"ner\"'s types (PER, LOC, ORG); add it to the project or fix the tag")
        let untagged = #expect(throws: InterchangeError.self) {
            try CoNLLFormat.read(Data("Anna\tB-PER\n\nParis\n".utf8), fileName: "t.conll", project: Projects.entities)
        }
        #expect(untagged?.description == "t.conll:3: a token line is token<TAB>tag; this line has no tag")
        let marked = #expect(throws: InterchangeError.self) {
            try CoNLLFormat.read(Data("Anna\tB\u{301}-PER\n".utf8), fileName: "t.conll", project: Projects.entities)
        }
        #expect(marked?.description == "t.conll:1: tag \"B\u{301}-PER\" is not O or B-, I-, E-, S- followed by an entity type")
    }

    @Test("Tokens of wide and joined characters are counted in scalars, the text their join by single spaces")
    func tokensCountedInScalars() throws {
        // Given tokens of CJK, a ZWJ family and a combining mark
        let file = "東京\tB-LOC\n👨‍👩‍👧\tO\ncafe\u{301}\tB-ORG\n"
        // When read
        let records = try CoNLLFormat.read(Data(file.utf8), fileName: "t.conll", project: Projects.entities)
        // Then the text joins them and the offsets are the scalar view's
        let text = "東京 👨‍👩‍👧 cafe\u{301}"
        #expect(records.first?.task.text == text)
        #expect(records.first?.layout?.tokens == [TextToken(start: 0, end: 2), TextToken(start: 3, end: 8), TextToken(start: 9, end: 14)])
        #expect(records.first?.layout?.tokens == TokenLayout.words(of: text))
        #expect(records.first?.annotations.first?.answer == .spans([EntitySpan(start: 0, end: 2, label: "LOC"), EntitySpan(start: 9, end: 14, label: "ORG")]))
    }

    @Test("Tags that are the IOB2 of the spans are not kept; others are, and both files come back as written")
    func keepsOnlyTagsThatAreNotIOB2() throws {
        // Given the same sentence in IOB2 and in BIOES
        let iob2 = "Anna\tB-PER\nlives\tO\nin\tO\nNew\tB-LOC\nYork\tI-LOC\n"
        let bioes = "Anna\tS-PER\nlives\tO\nin\tO\nNew\tB-LOC\nYork\tE-LOC\n"

        // When each is read
        let fromIOB2 = try CoNLLFormat.read(Data(iob2.utf8), fileName: "iob2.conll", project: Projects.entities)
        let fromBIOES = try CoNLLFormat.read(Data(bioes.utf8), fileName: "bioes.conll", project: Projects.entities)

        // Then only the BIOES tags are kept, the spans are the same, and each file is written back as it was
        #expect(fromIOB2[0].layout?.writtenTags == nil)
        #expect(fromBIOES[0].layout?.writtenTags == ["S-PER", "O", "O", "B-LOC", "E-LOC"])
        #expect(fromIOB2[0].annotations == fromBIOES[0].annotations)
        #expect(String(decoding: try CoNLLFormat.write(fromIOB2, project: Projects.entities), as: UTF8.self) == iob2)
        #expect(String(decoding: try CoNLLFormat.write(fromBIOES, project: Projects.entities), as: UTF8.self) == bioes)
    }
}
