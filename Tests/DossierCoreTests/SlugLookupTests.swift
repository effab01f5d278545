import Testing
@testable import DossierCore

/// `SlugLookup.read` gives what the subscript's copy gives, for the first entry of a slug.
@Suite struct SlugLookupTests {
    struct Entry: Equatable {
        var slug: String
        var title: String
    }

    @Test func readingInPlaceEqualsReadingACopy() {
        let entries = [Entry(slug: "iran", title: "Iran"), Entry(slug: "qatar", title: "Qatar"), Entry(slug: "iran", title: "Second Iran")]
        let lookup = SlugLookup(entries) { $0.slug }
        for slug in ["iran", "qatar", "nowhere"] {
            #expect(lookup.read(slug, \.title) == lookup[slug]?.title)
            #expect(lookup.read(slug) { $0 } == lookup[slug])
        }
        #expect(lookup.read("iran", \.title) == "Iran")
        #expect(lookup.read("nowhere", \.title) == nil)
    }
}
