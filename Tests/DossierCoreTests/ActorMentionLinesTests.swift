import Testing
@testable import DossierCore

/// A line of "Mentioned in" leads to the actor's first mention in the document that has
/// an anchor, however the document's mentions are held: compact over the document's
/// table of strings, wide, or both in one list, and whichever actor reads it first.
@Suite struct ActorMentionLinesTests {
    static let document = DocumentID(.briefing, "harbour")
    static let text = "Aldoria and Brevia met in Carthen. Aldoria paid. Brevia left."

    static func mention(_ actor: String, _ anchor: String?) -> Mention {
        Mention(actor: actor, document: document, anchor: anchor, text: actor, snippet: text, linked: true, explicit: false)
    }

    /// The reading the lines must agree with: every mention's slug compared.
    static func expectedAnchor(of actor: String, in mentions: [Mention]) -> String? {
        mentions.first { $0.actor == actor && $0.anchor != nil }?.anchor
    }

    /// Each actor's line anchor in `mentions`, every actor read through one table of the
    /// document (as the actors' pages share it), twice.
    static func lineAnchors(in mentions: [Mention]) -> [String: String?] {
        let sources = MentionSources(documents: [document], lists: [MentionList(mentions)])
        var anchors: [String: String?] = [:]
        for _ in 0..<2 {
            for actor in actors {
                let count = mentions.filter { $0.actor == actor }.count
                let groups = ActorMentionGroups(actor: actor, sources: sources, groups: count == 0 ? [] : [.init(source: 0, count: count, passages: count)])
                let anchor = groups.lines(in: groups.groups.indices).first?.firstAnchor ?? nil
                if let earlier = anchors[actor] { #expect(earlier == anchor, "\(actor) read again") }
                anchors[actor] = anchor
            }
        }
        return anchors
    }

    static let written: [Mention] = [
        mention("brevia", "p1"), mention("aldoria", nil), mention("carthen", "p2"), mention("aldoria", "p3"),
        mention("aldoria", "p4"), mention("brevia", "p5"), mention("daria", nil),
    ]
    static let actors = ["aldoria", "brevia", "carthen", "daria", "nowhere"]

    @Test func compactMentionsGiveTheFirstAnchoredMentionOfTheActor() {
        let compact = MentionSharing.share(Self.written, text: SpillableText(Self.text), sameAs: Self.text)
        guard case .compact = compact[0].storage else {
            Issue.record("the mentions were not made compact")
            return
        }
        let anchors = Self.lineAnchors(in: compact)
        for actor in Self.actors {
            #expect(anchors[actor] == Self.expectedAnchor(of: actor, in: Self.written), "\(actor)")
        }
        #expect(anchors["aldoria"] == "p3")
        #expect(anchors["daria"] == .some(nil))
    }

    @Test func wideAndCompactMentionsInOneListAreEachRead() {
        let compact = MentionSharing.share(Self.written, text: SpillableText(Self.text), sameAs: Self.text)
        // A wide mention among compact ones, and one from another document's table.
        let otherOrigin = MentionSharing.share([Self.mention("carthen", "q9")], text: SpillableText(Self.text), sameAs: Self.text)
        let lists: [[Mention]] = [
            [compact[0], compact[1], Self.mention("aldoria", "w1")] + compact[2...],
            [compact[0], otherOrigin[0]] + compact[1...],
            [Self.mention("brevia", nil)] + compact,
            Self.written,
        ]
        var read: [[String: String?]] = []
        for mentions in lists {
            let anchors = Self.lineAnchors(in: mentions)
            for actor in Self.actors {
                #expect(anchors[actor] == Self.expectedAnchor(of: actor, in: mentions), "\(actor)")
            }
            read.append(anchors)
        }
        #expect(read[0]["aldoria"] == "w1")
        #expect(read[1]["carthen"] == "q9")
    }

    /// The line is read by the actor's place in the table of strings wherever the mentions
    /// allow it, and leaves the reading to the slugs where they do not.
    @Test func placesAreComparedOnlyOverOneOriginAndASummaryThatLeadsToTheActor() {
        let compact = MentionSharing.share(Self.written, text: SpillableText(Self.text), sameAs: Self.text)
        let summary = MentionList(Self.written).actors
        for actor in Self.actors.dropLast() {
            let byPlace = ActorMentionGroups.firstAnchorByPlace(of: actor, in: compact, actors: summary)
            #expect(byPlace == .some(Self.expectedAnchor(of: actor, in: Self.written)), "\(actor)")
        }
        // An actor the summary does not name, wide mentions, another origin midway, a
        // summary out of order: no answer by place.
        #expect(ActorMentionGroups.firstAnchorByPlace(of: "nowhere", in: compact, actors: summary) == nil)
        #expect(ActorMentionGroups.firstAnchorByPlace(of: "carthen", in: Self.written, actors: summary) == nil)
        let otherOrigin = MentionSharing.share([Self.mention("carthen", "q9")], text: SpillableText(Self.text), sameAs: Self.text)
        #expect(ActorMentionGroups.firstAnchorByPlace(of: "carthen", in: [compact[0], otherOrigin[0]] + compact[1...], actors: summary) == nil)
        #expect(ActorMentionGroups.firstAnchorByPlace(of: "aldoria", in: compact, actors: Array(summary.reversed())) == nil)
        // A wide mention after the answer does not matter.
        #expect(ActorMentionGroups.firstAnchorByPlace(of: "brevia", in: compact + [Self.mention("brevia", "w2")], actors: summary) == .some("p1"))
    }

    /// Documents with more strings than a word of places holds, and actors far in.
    @Test func manyActorsAreReadByPlaceAsBySlug() {
        let actors = (0..<150).map { "actor-\($0)" }
        let written = actors.enumerated().flatMap { position, actor in
            [Self.mention(actor, position % 3 == 0 ? nil : "a\(position)"), Self.mention(actors[(position * 7) % actors.count], "b\(position)")]
        }
        let compact = MentionSharing.share(written, text: SpillableText(Self.text), sameAs: Self.text)
        let summary = MentionList(written).actors
        for actor in actors {
            #expect(ActorMentionGroups.firstAnchorByPlace(of: actor, in: compact, actors: summary) == .some(Self.expectedAnchor(of: actor, in: written)))
        }
    }
}
