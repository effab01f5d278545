import Foundation
import Testing
@testable import DossierCore

@Suite struct PictureDumpTemp {
    @Test func dumpPictures() throws {
        for (n, m, c) in [(40, 60, false), (12, 16, true), (200, 600, false), (1, 0, false), (0, 0, false)] {
            let (nodes, edges) = PictureFixtures.graph(count: n, edgeCount: m, center: c)
            let start = Date()
            let svg = GraphPicture.svg(nodes: nodes, edges: edges, title: "Test \(n)")
            print("graph \(n): \(Date().timeIntervalSince(start))s, \(svg.utf8.count) bytes")
            try svg.write(toFile: "/tmp/pics/graph\(n)\(c ? "c" : "").svg", atomically: true, encoding: .utf8)
        }
        let d = PictureFixtures.date
        var entries: [TimelineEntry] = []
        let days = ["2024-01-05", "2024-01-05", "2024-01-05", "2024-02-10", "2024-02-11", "2024-03", "2024-04-01", "2024-04-02",
                    "2024-06-30", "2024-07-01", "2024", "2024-08-15", "2024-09", "2024-10-10", "2024-10-11", "2024-11-30",
                    "2024-12-01T10:00:00Z", "2025-01-20", "2025-02", "2025-03-01"]
        for (i, s) in days.enumerated() {
            entries.append(TimelineEntry(date: d(s), title: PictureFixtures.titles[i] + " talks", href: "#event-\(i)"))
        }
        try TimelinePicture.svg(entries: entries, title: "T").write(toFile: "/tmp/pics/tl20.svg", atomically: true, encoding: .utf8)
        let decades = ["1945", "1968-07-01", "1979-02", "2003-03-20", "2015-07-14", "2025-06-22"].enumerated().map {
            TimelineEntry(date: d($1), title: PictureFixtures.titles[$0 + 5], href: nil) }
        try TimelinePicture.svg(entries: decades, title: "T").write(toFile: "/tmp/pics/tldecades.svg", atomically: true, encoding: .utf8)
        try TimelinePicture.svg(entries: entries, title: "T", width: 320).write(toFile: "/tmp/pics/tlnarrow.svg", atomically: true, encoding: .utf8)
        try TimelinePicture.svg(entries: [entries[0]], title: "T").write(toFile: "/tmp/pics/tl1.svg", atomically: true, encoding: .utf8)
    }
}
