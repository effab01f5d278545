import Testing
@testable import DossierCore

/// The values the model keeps one of per actor of each document (about 4 million at
/// 100,000 briefings) stay as small as the 4 GiB target needs, and packing them loses nothing.
@Suite struct ModelMemoryLayoutTests {
    @Test func anActorGroupIsTwelveBytesAndADocumentsActorSummaryTwentyFour() {
        #expect(MemoryLayout<ActorMentionGroups.StoredGroup>.stride == 12)
        #expect(MemoryLayout<MentionedActor>.stride == 24)
    }

    @Test func aSummarysExplicitFlagAndCountAreKeptApart() {
        var named = MentionedActor(actor: "aldoria", count: 7, passages: 3, explicit: true)
        #expect(named.count == 7 && named.passages == 3 && named.explicit)
        named.count += 1
        #expect(named.count == 8 && named.explicit)
        named.explicit = false
        #expect(named.count == 8 && !named.explicit)
        named.explicit = true
        named.explicit = true
        #expect(named.count == 8 && named.explicit)
        let largest = MentionedActor(actor: "brevia", count: Int(Int32.max), passages: 1, explicit: true)
        #expect(largest.count == Int(Int32.max) && largest.explicit)
        let implicit = MentionedActor(actor: "a", count: 2, passages: 1, explicit: false)
        #expect(MentionedActor(actor: "a", count: 2, passages: 1, explicit: true) != implicit)
    }
}

/// The render stage's memos keep compact values; what pages read of them is unchanged.
@Suite struct RenderMemoValuesTests {
    @Test func aMemoisedDocumentLinkHasTheValuesOfOneMadeAnew() throws {
        let project = try TestProject("""
        -- dossier.yml --
        title: Links test
        base_url: https://dossier.test/
        -- content/actors/aldoria.md --
        ---
        title: Aldoria
        kind: state
        ---
        Aldoria is old.
        -- content/briefings/harbour.md --
        ---
        title: Harbour
        date: 2025-01-02
        ---
        Aldoria opened the harbour.
        -- content/briefings/talks.md --
        ---
        title: Talks
        date: 2025-03
        language: fa
        ---
        Aldoria talked.
        -- content/pages/about.md --
        ---
        title: About
        ---
        About Aldoria.
        """)
        defer { project.remove() }
        let model = try #require(project.build().model)
        let contexts = PageContexts(model: model, urls: SiteURLs(style: model.config.urlStyle))
        let documents = [DocumentID(.briefing, "harbour"), DocumentID(.briefing, "talks"), DocumentID(.actor, "aldoria"),
                         DocumentID(.page, "about")]
        // Sorted at every level: a dictionary's order differs between two equal ones.
        func described(_ context: PageContexts.Context) -> [String] {
            context.map { key, value in
                "\(key)=" + ((value as? PageContexts.Context).map { described($0).joined(separator: ",") } ?? "\(value)")
            }.sorted()
        }
        for page: SiteURLs.Page in [.home, .actor("aldoria"), .briefing("harbour")] {
            for id in documents {
                let fresh = described(contexts.newDocumentLink(id, from: page))
                #expect(described(contexts.documentLink(id, from: page)) == fresh)
                // Asked again: from the memo.
                #expect(described(contexts.documentLink(id, from: page)) == fresh)
            }
        }
        #expect(contexts.documentLink(DocumentID(.briefing, "talks"), from: .home)["lang_dir_html"] as? String == " lang=\"fa\" dir=\"rtl\"")
    }
}
