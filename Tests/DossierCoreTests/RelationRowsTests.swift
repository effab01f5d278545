import Foundation
import Testing
@testable import DossierCore

/// The actor page's relations: one row per relation label, its targets side by side
/// (issue 12: "Member of: BRICS · SCO"), rows and targets in the model's order.
@Suite struct RelationRowsTests {
    @Test func relationsOfOneTypeShareARow() throws {
        let project = try TestProject("""
        -- dossier.yml --
        title: Desk
        -- content/actors/iran.md --
        ---
        title: Iran
        kind: state
        relations:
          - type: member-of
            target: sco
            since: 2023-07-04
          - type: borders
            target: iraq
          - type: member-of
            target: brics
        ---
        -- content/actors/sco.md --
        ---
        title: SCO
        kind: organization
        ---
        -- content/actors/brics.md --
        ---
        title: BRICS
        kind: organization
        ---
        -- content/actors/iraq.md --
        ---
        title: Iraq
        kind: state
        ---
        """)
        defer { project.remove() }
        #expect(!project.build().diagnostics.hasErrors)
        let page = try project.read("actors/iran/index.html")
        let rows = page.components(separatedBy: "<li class=\"relation relation--").dropFirst().map { $0.components(separatedBy: "</li>")[0] }
        let outgoing = rows.filter { $0.hasPrefix("member-of") || $0.hasPrefix("borders") }
        #expect(outgoing.count == 2)
        let membership = try #require(outgoing.first { $0.hasPrefix("member-of") })
        #expect(membership.contains("<span class=\"relation__label\">member of</span>"))
        #expect(membership.contains(">SCO</a>") && membership.contains(">BRICS</a>"))
        #expect(membership.components(separatedBy: "class=\"relation__target\"").count == 3)
        #expect(membership.contains("since 4 July 2023"))
        #expect(outgoing.first { $0.hasPrefix("borders") }?.contains(">Iraq</a>") == true)
    }
}
