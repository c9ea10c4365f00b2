import Domain
import Screens
import TerminalCore
import Testing

@Suite struct BannerTests {
    @Test(arguments: [
        (Marking.unclassified, Color.green), (.cui, .magenta), (.confidential, .blue),
        (.secret, .red), (.topSecret, .indexed(208)), (.topSecretSCI, .yellow),
    ])
    func standardColours(marking: Marking, background: Color) {
        #expect(marking.bannerStyle.background == background)
    }

    @Test func bannerOnTopAndBottomShowsTheTasksMarking() {
        // Given a SECRET task in a CUI project
        var state = Fixture.taskState(project: Fixture.topics, task: Fixture.task(project: Fixture.topics, marking: .secret))
        // When the task screen is drawn
        var buffer = Buffer(size: Size(width: 80, height: 24))
        TaskScreen.render(state, into: &buffer)
        // Then both banners say SECRET, in red
        #expect(buffer.line(0).trimmingCharacters(in: .whitespaces) == "SECRET")
        #expect(buffer.line(23).trimmingCharacters(in: .whitespaces) == "SECRET")
        #expect(buffer[0, 0].style.background == .red)
        #expect(buffer[79, 23].style.background == .red)
        // And with the queue empty, the project's default marking shows
        state.current = nil
        buffer = Buffer(size: Size(width: 80, height: 24))
        TaskScreen.render(state, into: &buffer)
        #expect(buffer.line(0).trimmingCharacters(in: .whitespaces) == "CUI")
    }

    @Test func homeBannerIsTheHighestListedMarking() {
        var state = HomeScreen.State(displayName: "x", previousLogonAt: nil, timeZone: Fixture.utc)
        state.queues = [
            .init(projectID: "a", title: "A", marking: .cui, waiting: 1, doneToday: 0),
            .init(projectID: "b", title: "B", marking: .topSecretSCI, waiting: 1, doneToday: 0),
        ]
        var buffer = Buffer(size: Size(width: 80, height: 24))
        HomeScreen.render(state, into: &buffer)
        #expect(buffer.line(0).contains("TOP SECRET//SCI"))
        #expect(buffer[0, 23].style.background == .yellow)
    }

    @Test func anImagesControlAndReleaseMarkingsFollowTheClassificationOnBothBanners() {
        // Given a SECRET task whose image file was marked NF for control and USA GBR for
        // release, the image itself OC, as the importer keeps them in the task's meta
        var task = Fixture.task(project: Fixture.topics, marking: .secret)
        task.task.meta = #"{"NITF_FSCLAS":"S","NITF_FSCTLH":"NF","NITF_FSREL":"USA GBR","NITF_ISCTLH":"OC","NITF_ISREL":"USA GBR","site":"north"}"#
        let state = Fixture.taskState(project: Fixture.topics, task: task)
        // When the task screen is drawn at 80 columns and at 40
        var buffer = Buffer(size: Size(width: 80, height: 24))
        TaskScreen.render(state, into: &buffer)
        // Then both banners carry them after the classification, each value once
        let banner = "SECRET  ·  control NF / OC · release USA GBR"
        #expect(buffer.line(0).trimmingCharacters(in: .whitespaces) == banner)
        #expect(buffer.line(23).trimmingCharacters(in: .whitespaces) == banner)
        #expect(buffer[0, 0].style.background == .red)
        // And a terminal too narrow for them still shows the whole classification
        var narrow = Buffer(size: Size(width: 40, height: 24))
        TaskScreen.render(state, into: &narrow)
        #expect(narrow.line(0).trimmingCharacters(in: .whitespaces) == "SECRET")
        // And a task without them shows the classification alone
        #expect(Chrome.handlingNote(meta: #"{"NITF_FSCLAS":"U","NITF_FSCTLH":"  "}"#) == nil)
        #expect(Chrome.handlingNote(meta: nil) == nil)
        #expect(Chrome.handlingNote(meta: #"{"NITF_ISREL":"NATO"}"#) == "release NATO")
    }
}
