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
