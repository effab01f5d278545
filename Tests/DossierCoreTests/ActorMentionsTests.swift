import Testing
@testable import DossierCore

/// The model behind an actor page's "Mentioned in" and "Mentioned alongside".
@Suite struct ActorMentionsTests {
    func mention(_ actor: String, _ document: DocumentID, _ anchor: String) -> Mention {
        Mention(actor: actor, document: document, anchor: anchor, text: actor, snippet: actor, linked: false, explicit: false)
    }

    @Test func groupsPutBriefingsFirstInSiteOrderThenProfilesAndPagesByTitle() {
        let mentions = [
            mention("iran", DocumentID(.briefing, "newer"), "p"),
            mention("iran", DocumentID(.briefing, "older"), "p"),
            mention("iran", DocumentID(.page, "a-about"), "p"),
            mention("iran", DocumentID(.actor, "zz-qatar"), "p"),
            mention("iran", DocumentID(.actor, "aa-russia"), "p"),
            mention("iran", DocumentID(.page, "z-method"), "p"),
            mention("iran", DocumentID(.briefing, "newer"), "q"),
        ]
        let titles = ["zz-qatar": "Qatar", "aa-russia": "Russia", "a-about": "Who we are", "z-method": "Method"]
        let groups = ActorMentions.groups(mentions) { titles[$0.slug] ?? $0.slug }
        #expect(groups.map(\.document.description) == [
            "briefing/newer", "briefing/older", "actor/zz-qatar", "actor/aa-russia", "page/z-method", "page/a-about",
        ])
        #expect(groups[0].mentions.map(\.anchor) == ["p", "q"])
    }

    @Test func coMentionsCountOnlyThePassagesListedAndNeverZero() {
        let briefing = DocumentID(.briefing, "b"), profile = DocumentID(.actor, "iran")
        let all = [
            mention("iran", briefing, "p1"), mention("qatar", briefing, "p1"),
            mention("iran", briefing, "p2"), mention("qatar", briefing, "p2"), mention("russia", briefing, "p2"),
            // Same document, different passage: not a shared passage.
            mention("china", briefing, "p3"),
            // Iran's own profile is not listed on Iran's page, so it does not count there.
            mention("iran", profile, "x"), mention("russia", profile, "x"),
        ]
        let listed = all.filter { $0.actor == "iran" && $0.document != profile }
        let ranked = ActorMentions.coMentions(of: "iran", mentions: listed, actorsByPassage: ActorMentions.actorsByPassage(all))
        #expect(ranked.map { "\($0.other):\($0.sameBlock):\($0.sameDocument)" } == ["qatar:2:1", "russia:1:1"])
    }
}
