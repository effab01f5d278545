import Testing
@testable import DossierCore

/// Pictures are laid out left to right; a right-to-left label reads in its own
/// direction and still extends to the side of its dot the layout chose.
@Suite struct PictureDirectionTests {
    @Test(arguments: [
        ("ایران", true), ("حماس", true), ("אודות", true), ("۲۰۲۵ ایران", true), ("«ایران»", true),
        ("Iran", false), ("Иран", false), ("伊朗", false), ("2025", false), ("IAEA و ایران", false), ("", false),
    ])
    func theFirstStrongLetterDecides(text: String, rightToLeft: Bool) {
        #expect(PictureSVG.isRightToLeft(text) == rightToLeft)
    }

    @Test func aRightToLeftLabelSwapsItsAnchor() {
        // In SVG, `start` and `end` follow the text's direction: a right-to-left label that
        // must extend rightwards from its x is anchored at its end.
        #expect(PictureSVG.labelAnchor("Iran", .start) == "")
        #expect(PictureSVG.labelAnchor("Iran", .end) == " text-anchor=\"end\"")
        #expect(PictureSVG.labelAnchor("ایران", .start) == " direction=\"rtl\" text-anchor=\"end\"")
        #expect(PictureSVG.labelAnchor("ایران", .end) == " direction=\"rtl\"")
        #expect(PictureSVG.labelAnchor("ایران", .middle) == " direction=\"rtl\" text-anchor=\"middle\"")
        // Inside the graph's nodes, whose group anchors labels at their middle, only the
        // other anchors are said.
        #expect(PictureSVG.labelAnchor("Iran", .middle, inheriting: "middle") == "")
        #expect(PictureSVG.labelAnchor("Iran", .start, inheriting: "middle") == " text-anchor=\"start\"")
        #expect(PictureSVG.labelAnchor("Iran", .end, inheriting: "middle") == " text-anchor=\"end\"")
        #expect(PictureSVG.labelAnchor("ایران", .middle, inheriting: "middle") == " direction=\"rtl\"")
        #expect(PictureSVG.labelAnchor("ایران", .start, inheriting: "middle") == " direction=\"rtl\" text-anchor=\"end\"")
        #expect(PictureSVG.labelAnchor("ایران", .end, inheriting: "middle") == " direction=\"rtl\" text-anchor=\"start\"")
    }

    @Test func theTimelineKeepsLeftToRightGeometryForPersianLabels() throws {
        let entries = [
            TimelineEntry(date: try #require(PartialDate("2025-01-17")), title: "امضای پیمان", href: "#a"),
            TimelineEntry(date: try #require(PartialDate("2025-09-09")), title: "حمله به دوحه", href: "#b"),
        ]
        let svg = TimelinePicture.svg(entries: entries, title: "Timeline", width: 400)
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"dossier-timeline\""))
        #expect(svg.contains(" direction=\"ltr\" viewBox="))
        // The first label extends rightwards from its dot, the last one (at the right edge) leftwards.
        #expect(svg.contains("direction=\"rtl\" text-anchor=\"end\">"))
        #expect(svg.contains("direction=\"rtl\">"))
    }
}
