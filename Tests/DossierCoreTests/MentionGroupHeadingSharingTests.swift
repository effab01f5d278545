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
}
