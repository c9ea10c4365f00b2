import Curriculum
import Domain
import Foundation
import Testing

/// A box practice task marked as the same answer on gold would be: F1 of the one-to-one
/// IoU matching of boxes, counting only boxes whose middle is in the chip's focus.
@Suite("Grading practice on imagery")
struct GeoPracticeGradingTests {
    static let project = Project(
        id: "buildings-practice", title: "Practice: box every building", kind: .geoBox,
        labels: [LabelChoice(name: "building", color: "yellow"), LabelChoice(name: "vehicle", color: "cyan")])
    static let image = TaskImage(
        media: MediaReference(sha256: String(repeating: "bf", count: 32), byteCount: 38_309), scene: "spacenet-atlanta.tif",
        chip: PixelWindow(x: 368, y: 68, width: 128, height: 184), focus: PixelWindow(x: 32, y: 32, width: 64, height: 120))

    static func box(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double, _ label: String = "building") -> Shape {
        Shape(label: label, geometry: .box(PixelPoint(x: x0, y: y0), PixelPoint(x: x1, y: y1)))
    }

    /// The starter course's first task: two houses, in chip pixels.
    static let item = PracticeItem(
        task: LabelTask(id: "practice-atlanta-box-1", projectID: project.id, text: "", marking: .unclassified, image: image),
        key: .shapes([box(42.19, 97.4, 64.52, 148.69), box(48.35, 46.93, 68.67, 87.77)]),
        explanation: "Two houses.", chip: "practice/chips/practice-atlanta-box-1.tif")

    static func mark(_ shapes: [Shape]) -> AttemptGrade.ItemMark {
        CourseGrading.mark(.practice(item), .practice(.shapes(shapes)), project: project)
    }

    @Test func boxesAreMarkedByTheGoldScorerWithTheFocusApplied() {
        // Both houses boxed a little loosely (IoU well above 0.5): full marks
        #expect(Self.mark([Self.box(41, 96, 66, 150), Self.box(47, 46, 70, 89)]) == .marked(1))
        // One house of two: precision 1, recall 1/2, F1 2/3
        guard case .marked(let one) = Self.mark([Self.box(41, 96, 66, 150)]) else { Issue.record("not marked"); return }
        #expect(abs(one - 2.0 / 3.0) < 1e-9)
        // A box in the margin (its middle outside the focus) neither helps nor costs
        #expect(Self.mark([Self.box(41, 96, 66, 150), Self.box(47, 46, 70, 89), Self.box(100, 2, 126, 20)]) == .marked(1))
        // A wrong class on one house, or nothing drawn at all, loses its marks
        guard case .marked(let wrongClass) = Self.mark([Self.box(41, 96, 66, 150), Self.box(47, 46, 70, 89, "vehicle")]) else { Issue.record("not marked"); return }
        #expect(wrongClass < 1)
        #expect(Self.mark([]) == .marked(0))
        // And the mark is the gold scorer's own, with the task's focus
        guard case .scored(let gold) = GoldScoring.score(.shapes([Self.box(41, 96, 66, 150)]), against: Self.item.key, in: Self.project, focus: Self.image.focus) else {
            Issue.record("not scored"); return
        }
        #expect(gold.value == one)
    }

    @Test func anAttemptCountsABoxTaskAsOneItem() throws {
        let course = Course(
            manifest: CourseManifest(id: "boxes", title: "Boxes", passMark: 0.5, qualifies: ["buildings"]),
            lessons: [], quiz: nil, practice: CoursePractice(project: Self.project, items: [Self.item]), package: CoursePackage(id: "boxes", files: [:]))
        let grade = CourseGrading.grade(["p:practice-atlanta-box-1": .practice(.shapes([Self.box(41, 96, 66, 150)]))], in: course)
        #expect(grade.outOf == 1)
        #expect(abs(grade.marks - 2.0 / 3.0) < 1e-9)
    }
}
