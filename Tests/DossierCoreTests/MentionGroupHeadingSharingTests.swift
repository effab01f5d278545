import Testing
@testable import DossierCore

/// Every group and line of "Mentioned in" showing one document at one depth and
/// language gets the one heading the memo made, not a copy of its strings.
@Suite struct MentionGroupHeadingSharingTests {
    @Test func aDocumentsHeadingIsMadeOnceAndShared() {
        let headings = MentionGroupHeadings(library: nil, keepsValues: false)
        let document = DocumentID(.briefing, "harbour")
        var made = 0
        func link() -> PageContexts.Context {
            made += 1
            return ["title": "Harbour & port", "url": "../briefings/harbour.html", "lang_dir_html": "", "date": false]
        }
        let atRoot = headings.documents(rootPrefix: "../", language: .english)
        let first = atRoot.document(document, link: link)
        let second = headings.documents(rootPrefix: "../", language: .english).document(document, link: link)
        #expect(first === second)
        #expect(made == 1)
        #expect(first.url == "../briefings/harbour.html")
        #expect(first.escapedTitle == "Harbour &amp; port")
        #expect(first.date == nil)
        #expect(first.values == nil)
        let deeper = headings.documents(rootPrefix: "../../", language: .english).document(document, link: link)
        #expect(deeper !== first)
        #expect(made == 2)
    }

    /// A line finds its heading by its document's position in the site's table of
    /// sources; the heading is the one found by `DocumentID`, made once, and a line of
    /// another table (a model set by hand) still finds it by `DocumentID`.
    @Test func aLinesHeadingByPositionIsTheHeadingOfItsDocument() {
        let headings = MentionGroupHeadings(library: nil, keepsValues: false).documents(rootPrefix: "../", language: .english)
        let documents = [DocumentID(.briefing, "harbour"), DocumentID(.actor, "aldoria"), DocumentID(.page, "about")]
        let site = MentionSources(documents: documents, lists: [])
        let other = MentionSources(documents: [documents[2], documents[0]], lists: [])
        var made: [DocumentID] = []
        func link(_ id: DocumentID) -> () -> PageContexts.Context {
            { made.append(id); return ["title": id.slug, "url": "../\(id.slug)/", "lang_dir_html": "", "date": false] }
        }
        let harbour = headings.document(documents[0], at: 0, in: site, link: link(documents[0]))
        #expect(headings.document(documents[0], at: 0, in: site, link: link(documents[0])) === harbour)
        #expect(headings.document(documents[0], link: link(documents[0])) === harbour)
        let about = headings.document(documents[2], at: 2, in: site, link: link(documents[2]))
        #expect(about.url == "../about/")
        #expect(headings.document(documents[2], at: 0, in: other, link: link(documents[2])) === about)
        #expect(headings.document(documents[0], at: 1, in: other, link: link(documents[0])) === harbour)
        #expect(made == [documents[0], documents[2]])
        let aldoria = headings.document(documents[1], link: link(documents[1]))
        #expect(headings.document(documents[1], at: 1, in: site, link: link(documents[1])) === aldoria)
        #expect(made == [documents[0], documents[2], documents[1]])
    }
}
