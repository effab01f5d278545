import Foundation
import Testing
@testable import DossierCore

/// `CompactMentionView` reads a linked document's compact mentions by their places:
/// it must group them into the export's passages, and its hash must change with every
/// field the mention view covers, and with nothing else.
@Suite struct CompactMentionViewTests {
    static let text = "Aldoria met Brevia. Brevia left early. Corvo watched Aldoria. Nobody else came."
    static let document = DocumentID(.briefing, "b1")

    /// One mention of `actor` quoting `bytes` of the text, or its own string when `own` is given.
    static func mention(
        _ actor: String, anchor: String? = "p1", section: String? = "Talks", text: String? = nil, bytes: Range<Int>, own: String? = nil,
        linked: Bool = true, explicit: Bool = false, cutBefore: Bool = false, cutAfter: Bool = false, match: Range<Int> = 0..<3,
        others: [Range<Int>] = [], source: SpillableText
    ) -> Mention {
        let quoting: QuotedSource = own.map { .own($0) } ?? .document(source)
        return Mention(actor: actor, document: document, anchor: anchor, text: text ?? actor.capitalized,
                       quoting: MentionSnippet(quoting: quoting, bytes: bytes, cutBefore: cutBefore, cutAfter: cutAfter), linked: linked,
                       explicit: explicit, snippetMatch: match, otherMatches: others, section: section)
    }

    /// A document's mentions as the linker leaves them: two blocks, a block named again
    /// after another, a mention outside any block twice with one snippet, one quoting a
    /// string of its own.
    static func mentions(text: String = text, changing change: (inout [Mention]) -> Void = { _ in }) -> [Mention] {
        let source = SpillableText(text)
        var mentions = [
            mention("aldoria", bytes: 0..<7, source: source),
            mention("brevia", bytes: 12..<18, source: source),
            mention("brevia", anchor: "p2", section: nil, bytes: 20..<26, others: [32..<38], source: source),
            mention("aldoria", bytes: 0..<18, cutAfter: true, source: source),
            mention("corvo", anchor: nil, bytes: 39..<44, source: source),
            mention("aldoria", anchor: nil, bytes: 39..<44, match: 1..<4, source: source),
            mention("brevia", anchor: "p3", bytes: 0..<9, own: "Brevia's.", source: source),
        ]
        change(&mentions)
        return MentionSharing.share(mentions, text: source, sameAs: text)
    }

    static func hash(_ mentions: [Mention]) throws -> String {
        let view = try #require(CompactMentionView(mentions[...]))
        var hasher = StableHasher()
        view.combine(into: &hasher)
        return hasher.finalize()
    }

    @Test func itGroupsPassagesAsTheExportDoes() throws {
        let mentions = Self.mentions()
        let view = try #require(CompactMentionView(mentions[...]))
        let export = ExportPassages(mentions)
        #expect(view.passages.count == export.passages.count)
        for (passage, exported) in zip(view.passages, export.passages) {
            #expect(Int(passage.first) == Int(exported.first))
            #expect(passage.lower == exported.lower && passage.upper == exported.upper)
        }
        #expect(mentions.indices.map { Int(view.passageOfMention[$0]) } == mentions.indices.map { export.passage(ofMention: $0) })
    }

    @Test func wideOrMixedMentionsAreNotRead() {
        let source = SpillableText(Self.text)
        let wide = [Self.mention("aldoria", bytes: 0..<7, source: source)]
        #expect(CompactMentionView(wide[...]) == nil)
        #expect(CompactMentionView((Self.mentions() + wide)[...]) == nil)
    }

    /// Each field the view covers, changed in one mention: the hash changes.
    @Test(arguments: [
        "actor", "anchor", "section", "text", "linked", "explicit", "cutBefore", "cutAfter", "snippet", "match", "others", "own snippet",
        "passage text", "mention removed", "order",
    ])
    func everyFieldChangesTheHash(field: String) throws {
        let before = try Self.hash(Self.mentions())
        let source = SpillableText(Self.text)
        let after: [Mention]
        switch field {
        case "actor": after = Self.mentions { $0[1] = Self.mention("corvo", bytes: 12..<18, source: source) }
        case "anchor": after = Self.mentions { $0[1] = Self.mention("brevia", anchor: "p9", bytes: 12..<18, source: source) }
        case "section": after = Self.mentions { $0[1] = Self.mention("brevia", section: "Other", bytes: 12..<18, source: source) }
        case "text": after = Self.mentions { $0[1] = Self.mention("brevia", text: "the Brevians", bytes: 12..<18, source: source) }
        case "linked": after = Self.mentions { $0[1] = Self.mention("brevia", bytes: 12..<18, linked: false, source: source) }
        case "explicit": after = Self.mentions { $0[1] = Self.mention("brevia", bytes: 12..<18, explicit: true, source: source) }
        case "cutBefore": after = Self.mentions { $0[1] = Self.mention("brevia", bytes: 12..<18, cutBefore: true, source: source) }
        case "cutAfter": after = Self.mentions { $0[1] = Self.mention("brevia", bytes: 12..<18, cutAfter: true, source: source) }
        case "snippet": after = Self.mentions { $0[1] = Self.mention("brevia", bytes: 12..<17, source: source) }
        case "match": after = Self.mentions { $0[1] = Self.mention("brevia", bytes: 12..<18, match: 0..<2, source: source) }
        case "others": after = Self.mentions { $0[1] = Self.mention("brevia", bytes: 12..<18, others: [1..<2], source: source) }
        case "own snippet": after = Self.mentions { $0[6] = Self.mention("brevia", anchor: "p3", bytes: 0..<9, own: "Brevia’s.", source: source) }
        case "passage text": after = Self.mentions(text: Self.text.replacingOccurrences(of: "met", with: "saw"))
        case "mention removed": after = Self.mentions { $0.remove(at: 2) }
        case "order": after = Self.mentions { $0.swapAt(0, 1) }
        default: Issue.record("unknown field \(field)"); return
        }
        #expect(try Self.hash(after) != before)
    }

    @Test func textOutsideEveryPassageLeavesTheHash() throws {
        let changed = Self.text.replacingOccurrences(of: "Nobody else came.", with: "Many others came.")
        #expect(try Self.hash(Self.mentions(text: changed)) == Self.hash(Self.mentions()))
    }

    /// The strings are hashed as the mentions name them: a table holding them in
    /// another order, or one of them twice, hashes the same.
    @Test func theTablesLayoutDoesNotCount() throws {
        let source = SpillableText(Self.text)
        func compact(_ strings: [String], _ places: [(actor: Int, anchor: Int)]) -> [Mention] {
            let origin = MentionOrigin(document: Self.document, textStorage: source, strings: strings)
            let name = strings.firstIndex(of: "Aldoria")!
            return places.map { place in
                Mention(storage: .compact(CompactMention(
                    origin: origin, actor: UInt32(place.actor), anchor: UInt32(place.anchor), section: CompactMention.none, text: UInt32(name),
                    snippetSource: CompactMention.none, snippet: (0, 7), match: (0, 7), otherMatches: [], flags: [.linked])))
            }
        }
        let plain = compact(["aldoria", "p1", "Aldoria", "p2"], [(0, 1), (0, 3)])
        let reordered = compact(["p2", "Aldoria", "p1", "aldoria"], [(3, 2), (3, 0)])
        let repeated = compact(["aldoria", "p1", "Aldoria", "p2", "p1"], [(0, 4), (0, 3)])
        #expect(try Self.hash(reordered) == Self.hash(plain))
        #expect(try Self.hash(repeated) == Self.hash(plain))
        // The same strings named by other mentions do hash otherwise.
        #expect(try Self.hash(compact(["aldoria", "p1", "Aldoria", "p2"], [(0, 3), (0, 1)])) != Self.hash(plain))
    }
}
