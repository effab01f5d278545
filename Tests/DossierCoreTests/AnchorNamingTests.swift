import Foundation
import Testing
@testable import DossierCore

/// Repeated block texts get `-2`, `-3`… suffixes. Found while fuzzing: each new
/// name probed every suffix already taken, so 10,000 headings with the same text
/// took 17 s of parse and link (20,000: 59 s) in a debug build.
@Suite struct AnchorNamingTests {
    @Test func twentyThousandHeadingsWithTheSameTextAreNamedInLinearTime() {
        var namer = AnchorNamer()
        let started = Date()
        let names = (0..<20_000).map { _ in namer.name(for: .heading(level: 2), text: "Iran") }
        // Quadratic probing took about a minute here; linear naming takes well under a second.
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(names.prefix(3) == ["iran", "iran-2", "iran-3"])
        #expect(names.last == "iran-20000")
        #expect(Set(names).count == names.count)
    }

    @Test func aSuffixTakenByAnotherTextIsSkipped() {
        var namer = AnchorNamer(reserved: ["iran-3"])
        let names = ["Iran 2", "Iran", "Iran", "Iran", "Iran 2"].map { namer.name(for: .heading(level: 2), text: $0) }
        #expect(names == ["iran-2", "iran", "iran-4", "iran-5", "iran-2-2"])
    }
}
