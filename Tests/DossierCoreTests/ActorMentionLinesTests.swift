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

    /// The summary keeps each actor's first anchored mention, compact or wide; a line
    /// trusts it only when that mention names the actor.
    @Test func summariesKeepEachActorsFirstAnchoredMention() {
        let compact = MentionSharing.share(Self.written, text: SpillableText(Self.text), sameAs: Self.text)
        let otherOrigin = MentionSharing.share([Self.mention("carthen", "q9")], text: SpillableText(Self.text), sameAs: Self.text)
        let anchored = compact.filter { $0.anchor != nil }
        for mentions in [Self.written, compact, anchored, [compact[0], otherOrigin[0]] + compact[1...]] {
            let list = MentionList(mentions)
            #expect(list.firstAnchored.count == list.actors.count)
            for (actor, position) in zip(list.actors, list.firstAnchored) {
                let expected = mentions.firstIndex { $0.actor == actor.actor && $0.anchor != nil }
                #expect(position == expected.map(Int32.init) ?? -1, "\(actor.actor)")
                let summarised = ActorMentionGroups.summarisedFirstAnchor(of: actor.actor, in: list, mentions: mentions)
                #expect(summarised == .some(Self.expectedAnchor(of: actor.actor, in: mentions)))
            }
            #expect(ActorMentionGroups.summarisedFirstAnchor(of: "nowhere", in: list, mentions: mentions) == nil)
        }
        // Read against other mentions than the summary's, the position is not trusted.
        let list = MentionList(Self.written)
        #expect(ActorMentionGroups.summarisedFirstAnchor(of: "carthen", in: list, mentions: Array(Self.written.reversed())) == nil)
        #expect(ActorMentionGroups.summarisedFirstAnchor(of: "carthen", in: list, mentions: []) == nil)
    }

    /// Documents with many actors, each line as the reading of every slug gives it.
    @Test func manyActorsLeadToTheirFirstAnchoredMention() {
        let actors = (0..<150).map { "actor-\($0)" }
        let written = actors.enumerated().flatMap { position, actor in
            [Self.mention(actor, position % 3 == 0 ? nil : "a\(position)"), Self.mention(actors[(position * 7) % actors.count], "b\(position)")]
        }
        let compact = MentionSharing.share(written, text: SpillableText(Self.text), sameAs: Self.text)
        for mentions in [written, compact] {
            let sources = MentionSources(documents: [Self.document], lists: [MentionList(mentions)])
            for actor in actors {
                let count = mentions.filter { $0.actor == actor }.count
                let groups = ActorMentionGroups(actor: actor, sources: sources, groups: [.init(source: 0, count: count, passages: count)])
                #expect(groups.lines(in: 0..<1).first?.firstAnchor == Self.expectedAnchor(of: actor, in: mentions), "\(actor)")
            }
        }
    }
}
