import Foundation
import Testing
@testable import DossierCore

/// The model stage's work spread over both cores or done another way gives what the
/// one-thread way gave: the met actors read off a bitmap, the events' anchors named in
/// parallel, and the model memo written beside the stage.
@Suite struct ModelStageOverlapTests {
    @Test(arguments: [UInt64(1), 9, 0xC0FFEE]) func metActorsComeBackAscendingOnceEach(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        let actorCount = 5_000
        var met = MetActors(actorCount: actorCount)
        // From a handful (sorted) to thousands over a narrow or the whole span (the bitmap).
        for size in [1, 2, 7, 40, 300, 2_000, 4_999] {
            for span in [size + 3, actorCount] {
                let start = random.below(actorCount - min(span, actorCount - 1))
                var chosen = Set<Int32>()
                while chosen.count < min(size, span) { chosen.insert(Int32(start + random.below(min(span, actorCount - start)))) }
                for actor in chosen.shuffled(using: &random) { met.insert(actor) }
                #expect(!met.isEmpty)
                var drained: [Int32] = []
                met.drainAscending { drained.append($0) }
                #expect(drained == chosen.sorted())
                #expect(met.isEmpty)
                var again: [Int32] = []
                met.drainAscending { again.append($0) }
                #expect(again.isEmpty)
            }
        }
    }

    @Test func oneActorMeetingMostOthersCountsWhatTheDefinitionCounts() {
        // "actor-0" is in every document, so its row of pairs is read off the bitmap.
        var mentions: [Mention] = []
        var random = SplitMix64(seed: 11)
        for number in 0..<300 {
            let document = DocumentID(.briefing, "d\(number)")
            for slug in ["actor-0"] + (0..<6).map({ _ in "actor-\(1 + random.below(500))" }) {
                mentions.append(Mention(actor: slug, document: document, anchor: "p-\(random.below(3))", text: slug, snippet: slug,
                                        linked: true, explicit: false))
            }
        }
        let table = ActorPassageTable(MentionSharing.share(mentions, text: ""))
        #expect(Array(CoMentionCounter.count(table)) == ParallelModelTests.pairsBySets(mentions))
    }

    /// Briefings with events on a few dates under a few titles, so that many anchors share
    /// a base name and get counters: more events than one run of the parallel naming.
    static func briefingsWithEvents(_ count: Int) -> [Briefing] {
        (0..<count).map { number in
            let events = (0..<(number % 3)).map { event in
                "  - date: 2025-0\(1 + (number + event) % 3)-01\n    title: \(["Talks", "Summit", "Talks resume"][(number * 7 + event) % 3])\n"
            }.joined()
            let text = "---\ntitle: B\(number)\ndate: 2025-01-0\(1 + number % 9)\n" + (events.isEmpty ? "" : "events:\n" + events) + "---\nText.\n"
            return ContentDecoder.briefing(text, path: "content/briefings/b\(number).md", fileSlug: "b\(number)").value!
        }
    }

    @Test func eventAnchorsAreNamedAsOnePassInTimelineOrderNamesThem() {
        let briefings = Self.briefingsWithEvents(400)
        let order = SiteOrder(briefings: briefings, actors: [])
        var events: [Event] = []
        SiteOrder.forEachEvent(briefings: briefings, newestFirst: SiteModelBuilder.newestFirstPositions(briefings), actors: []) { event, _ in
            events.append(event)
        }
        #expect(events.count > 300)
        var namer = AnchorNamer()
        let expected = order.eventOrder.map { position in
            namer.name(for: .heading(level: 3), text: "event " + events[Int(position)].date.isoDay + " " + events[Int(position)].title)
        }
        #expect(order.eventAnchors == expected)
        #expect(Set(order.eventAnchors).count == order.eventAnchors.count)
        #expect(order.eventAnchors.contains("event-2025-01-01-talks-2"))
    }

    @Test func theMemoWrittenBesideIsInTheCacheOnceWaitedFor() throws {
        let project = try TestProject(ModelMemoTests.projectText)
        defer { project.remove() }
        let folder = project.root.appendingPathComponent(".dossier/cache")
        let inputs = ModelMemoTests.inputs(project)
        let found = ModelMemo.aggregatesWritingBeside(
            mentions: SiteMentionList(inputs.mentions), documentOrder: inputs.order, briefings: inputs.briefings, linked: inputs.linked,
            linkedForms: [:], cache: BuildCache(folder: folder), root: project.root)
        #expect(!found.result.reused)
        found.write.wait()
        found.write.wait()
        let again = ModelMemoTests.memoized(inputs, cache: BuildCache(folder: folder), root: project.root)
        #expect(again.reused)
        #expect(ModelMemoTests.same(again.aggregates, found.result.aggregates))
        #expect(ModelMemoTests.same(again.aggregates, MentionAggregates(mentions: inputs.mentions, briefings: inputs.briefings, linked: inputs.linked)))
    }

    @Test func aBuildLeavesTheMemoItCountedForTheNextOne() throws {
        let project = try TestProject(ModelMemoTests.projectText)
        defer { project.remove() }
        #expect(project.cachedBuild().succeeded)
        let inputs = ModelMemoTests.inputs(project)
        let folder = BuildCache.defaultFolder(projectRoot: project.root)
        let kept = ModelMemoTests.memoized(inputs, cache: BuildCache(folder: folder), root: project.root)
        #expect(kept.reused)
    }
}
