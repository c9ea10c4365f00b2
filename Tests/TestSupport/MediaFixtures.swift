import Domain
import Foundation

/// Deterministic random bytes (Domain's SplitMix64 `SeededRandom`), so a failure can be
/// replayed: what the media tests store, send and damage.
public func randomBytes(_ count: Int, seed: UInt64) -> Data {
    var random = SeededRandom(seed: seed)
    return Data((0..<count).map { _ in UInt8(truncatingIfNeeded: random.next()) })
}

/// A task drawn on `media`: a 256-pixel chip of scene.tif, its middle 192 pixels to label.
public func imageTask(_ id: String, media: MediaReference, priority: Int = 0, project: String = "sentiment") -> LabelTask {
    LabelTask(
        id: id, projectID: project, text: "", marking: .unclassified, priority: priority,
        image: TaskImage(
            media: media, scene: "scene.tif", chip: PixelWindow(x: 0, y: 0, width: 256, height: 256),
            focus: PixelWindow(x: 32, y: 32, width: 192, height: 192)))
}
