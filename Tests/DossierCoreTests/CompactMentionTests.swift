import DossierMarkdown
import Testing
@testable import DossierCore

/// A linked document's mentions are kept compact (integers into strings the document's
/// mentions share, 32-bit ranges) and read back exactly what the linker found.
@Suite struct CompactMentionTests {
    static let actors = """
    -- dossier.yml --
    title: Test
    -- content/actors/iran.md --
    ---
    title: Iran
    kind: state
    ---
    -- content/actors/gothic.md --
    ---
    title: 𐌰𐌹𐌸𐍉
    kind: organization
    ---
    -- content/actors/sco.md --
    ---
    title: Shanghai Cooperation Organisation
    kind: organization
    aliases: [SCO]
    ---
    """

    func link(_ markdown: String) throws -> LinkedDocument {
        let project = try TestProject(Self.actors)
        defer { project.remove() }
        let loaded = ProjectLoader.load(root: project.root)
        let (index, _) = EntityIndexer.build(loaded)
        let result = DocumentLinker.link(
            MarkdownParser.parse(markdown), id: DocumentID(.briefing, "b"), path: "content/briefings/b.md",
            body: Body(text: markdown, firstLine: 5), index: index, settings: LinkSettings(mode: .all, urlStyle: .disk))
        return result.document
    }

    /// The same mention with every field held as given.
    func wide(_ mention: Mention) -> Mention {
        Mention(storage: .wide(WideMention(mention.storage.fields)))
    }

    func compactOrigin(_ mention: Mention) -> MentionOrigin? {
        if case .compact(let compact) = mention.storage { return compact.origin }
        return nil
    }

    @Test func aLinkedDocumentsMentionsAreCompactAndShareOneOrigin() throws {
        let document = try link("""
        ## Summit

        Iran joined the Shanghai Cooperation Organisation. The SCO welcomed Iran.

        Iran again.
        """)
        #expect(document.mentions.count == 5)
        let origins = document.mentions.compactMap(compactOrigin)
        #expect(origins.count == document.mentions.count)
        #expect(origins.allSatisfy { $0 === origins[0] })
        // "iran", its anchors, the section, "Iran", the SCO's slug and two names: each once.
        #expect(origins[0].strings.count == Set(origins[0].strings).count)
        #expect(origins[0].text == document.text)
        let first = document.mentions[0]
        #expect(first.actor == "iran")
        #expect(first.document == DocumentID(.briefing, "b"))
        #expect(first.text == "Iran")
        #expect(first.section == "Summit")
        #expect(first.anchor != nil)
        #expect(first.linked)
        #expect(!first.explicit)
        #expect(first.snippet == "Iran joined the Shanghai Cooperation Organisation. The SCO welcomed Iran.")
        #expect(first.snippetMatch == 0..<4)
        #expect(first.otherMatches == [68..<72])
        for mention in document.mentions { #expect(mention == wide(mention)) }
        #expect(MemoryLayout<Mention>.size == 8)
    }

    func cacheRoundTrip(_ document: LinkedDocument) throws -> LinkedDocument {
        var encoder = CacheEncoder()
        encoder.linkResult(LinkResult(document: document, diagnostics: []))
        var decoder = CacheDecoder(encoder.bytes)
        let decoded = try decoder.linkResult().document
        #expect(decoder.isAtEnd)
        return decoded
    }

    @Test func aCacheEntrysMentionsAreDecodedCompactOverOneOriginWithTheSameFields() throws {
        let document = try link("""
        ## Summit

        Iran joined the Shanghai Cooperation Organisation. The SCO welcomed Iran and 𐌰𐌹𐌸𐍉.

        Iran again.
        """)
        let decoded = try cacheRoundTrip(document)
        #expect(decoded.mentions.count == document.mentions.count)
        for (read, written) in zip(decoded.mentions, document.mentions) {
            #expect(read.storage.fields == written.storage.fields)
        }
        let origins = decoded.mentions.compactMap(compactOrigin)
        #expect(origins.count == decoded.mentions.count)
        #expect(origins.allSatisfy { $0 === origins[0] })
        #expect(origins[0].text == decoded.text)
        #expect(origins[0].document == document.id)
        // The origin is the entry's own table of strings, which names the document's kind;
        // mentions shared again after a wide decode would hold only what they name.
        #expect(origins[0].strings.contains("briefing"))
        #expect(!document.mentions.compactMap(compactOrigin)[0].strings.contains("briefing"))
    }

    @Test func aCachedMentionOfAnotherDocumentOrQuotingItsOwnTextIsReadBackWide() throws {
        var document = try link("Iran met the SCO.")
        document.mentions.append(Mention(actor: "iran", document: DocumentID(.briefing, "other"), text: "Iran", snippet: "Iran elsewhere",
                                         linked: true, explicit: false, snippetMatch: 0..<4))
        document.mentions.append(Mention(actor: "sco", document: document.id, anchor: "p", text: "SCO", snippet: "The SCO alone",
                                         linked: true, explicit: true, snippetMatch: 4..<7, section: "Talks"))
        let decoded = try cacheRoundTrip(document)
        #expect(decoded == document)
        for (read, written) in zip(decoded.mentions, document.mentions) {
            #expect(read.storage.fields == written.storage.fields)
        }
        #expect(decoded.mentions.map(\.snippet) == ["Iran met the SCO.", "Iran met the SCO.", "Iran elsewhere", "The SCO alone"])
    }

    @Test func aMentionWithManyOtherMatchesKeepsEveryOne() throws {
        let document = try link(Array(repeating: "Iran", count: 40).joined(separator: " ") + ".")
        let first = try #require(document.mentions.first)
        #expect(compactOrigin(first) != nil)
        #expect(first.otherMatches.count > 10)
        #expect(first.otherMatches == first.otherMatches.sorted { $0.lowerBound < $1.lowerBound })
        let scalars = Array(first.snippet.unicodeScalars)
        for match in first.otherMatches {
            #expect(String(String.UnicodeScalarView(scalars[match])) == "Iran")
        }
        for mention in document.mentions { #expect(mention == wide(mention)) }
    }

    @Test func aNameOfFourByteScalarsIsLocatedInScalarsAndQuotedInBytes() throws {
        let document = try link("Before 𐌰𐌹𐌸𐍉 and after, with Iran.")
        let gothic = try #require(document.mentions.first { $0.actor == "gothic" })
        #expect(compactOrigin(gothic) != nil)
        #expect(gothic.text == "𐌰𐌹𐌸𐍉")
        #expect(gothic.snippet == "Before 𐌰𐌹𐌸𐍉 and after, with Iran.")
        #expect(gothic.snippetMatch == 7..<11)
        let iran = try #require(document.mentions.first { $0.actor == "iran" })
        #expect(iran.snippetMatch == 28..<32)
        for mention in document.mentions { #expect(mention == wide(mention)) }
    }

    @Test func aSnippetThatQuotesItsOwnStringStaysItsOwn() {
        let mention = Mention(actor: "iran", document: DocumentID(.briefing, "b"), anchor: nil, text: "Iran", snippet: "Iran, alone",
                              linked: false, explicit: true, snippetMatch: 0..<4, otherMatches: [], section: nil)
        let shared = MentionSharing.share([mention], text: "the document's text")
        #expect(compactOrigin(shared[0]) != nil)
        #expect(shared[0].snippet == "Iran, alone")
        #expect(shared[0].anchor == nil)
        #expect(shared[0].section == nil)
        #expect(shared[0].explicit)
        #expect(shared[0] == mention)
        #expect(shared[0].hashValue == mention.hashValue)
    }

    @Test func rangesBeyondThirtyTwoBitsKeepTheMentionWide() {
        let far = Int(UInt32.max) + 7
        let mention = Mention(actor: "iran", document: DocumentID(.briefing, "b"), text: "Iran", snippet: "Iran", linked: true,
                              explicit: false, snippetMatch: far..<(far + 4))
        let shared = MentionSharing.share([mention], text: "")
        #expect(compactOrigin(shared[0]) == nil)
        #expect(shared[0].snippetMatch == far..<(far + 4))
    }

    @Test func mentionsOfSeveralDocumentsGetAnOriginEach() {
        let mentions = ["a", "b", "a"].map { slug in
            Mention(actor: "iran", document: DocumentID(.briefing, slug), text: "Iran", snippet: "Iran", linked: true, explicit: false)
        }
        let shared = MentionSharing.share(mentions, text: "")
        let origins = shared.compactMap(compactOrigin)
        #expect(origins.count == 3)
        #expect(origins[0] === origins[2])
        #expect(origins[0] !== origins[1])
        #expect(shared.map(\.document.slug) == ["a", "b", "a"])
        #expect(shared == mentions)
    }

    @Test func settingAFieldOfACompactMentionChangesOnlyThatField() throws {
        let document = try link("Iran and the SCO.")
        var mention = try #require(document.mentions.first)
        let before = mention
        mention.linked = false
        #expect(!mention.linked)
        #expect(mention.actor == before.actor)
        #expect(mention.snippet == before.snippet)
        #expect(mention.anchor == before.anchor)
        #expect(mention != before)
        #expect(document.mentions.first?.linked == true, "the document's copy is untouched")
    }

    /// The linker makes its mentions compact itself (`CompactMentionsBuilder`): the same
    /// mentions, over the same table of strings in the same order, as sharing the wide
    /// mentions made them. An actor whose slug is also a heading's anchor, a section
    /// shared by blocks, explicit links with and without a block and a table row all
    /// take a place in the table.
    @Test func theLinkersCompactMentionsAreThoseSharingMakes() throws {
        let document = try link("""
        # Iran

        Iran joined the Shanghai Cooperation Organisation. The SCO welcomed [Tehran](@iran) and Iran.

        - Iran's envoy met the SCO.
        - [the 𐌰𐌹𐌸𐍉](@gothic) and the Goths

        | who | where |
        |---|---|
        | Iran | SCO |

        ## Iran

        > The SCO said Iran, [Iran](@iran) and 𐌰𐌹𐌸𐍉.
        """)
        let mentions = document.mentions
        #expect(mentions.count > 10)
        guard let origin = mentions.first.flatMap(compactOrigin) else {
            Issue.record("the linker's mentions are not compact")
            return
        }
        let text = SpillableText(document.text)
        let shared = MentionSharing.share(mentions.map(wide), text: text, sameAs: document.text)
        let sharedOrigin = try #require(shared.first.flatMap(compactOrigin))
        #expect(origin.strings == sharedOrigin.strings)
        #expect(origin.strings.contains("iran"))
        #expect(mentions.map(\.storage.fields) == shared.map(\.storage.fields))
        for (mine, theirs) in zip(mentions, shared) {
            guard case .compact(let left) = mine.storage, case .compact(let right) = theirs.storage else {
                Issue.record("a mention is not compact")
                continue
            }
            #expect([left.actor, left.anchor, left.section, left.text, left.snippetSource]
                == [right.actor, right.anchor, right.section, right.text, right.snippetSource])
            #expect(left.otherMatches == right.otherMatches && left.flags == right.flags)
        }
    }
}
