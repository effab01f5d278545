import Foundation
import Testing
@testable import DossierCore

/// `data/mentions.csv` and `data/relations.csv`, read back as a spreadsheet would.
@Suite struct CSVExportTests {
    static let project = """
    -- dossier.yml --
    title: Desk
    exports: all
    -- content/actors/iran.md --
    ---
    title: Iran
    kind: state
    aliases: [Tehran]
    relations:
      - type: member-of
        target: sco
        since: 2023-07
        note: "joined, \\"fully\\", at Astana"
    ---
    -- content/actors/sco.md --
    ---
    title: "=SCO"
    kind: organization
    aliases: [SCO]
    ---
    -- content/briefings/a.md --
    ---
    title: "Iran, the SCO and \\"hedging\\""
    date: 2025-01-02
    ---
    Iran joined the SCO.

    Tehran said so.
    """

    /// RFC 4180 fields: quoted fields may hold commas, doubled quotes and line breaks.
    static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false
        var characters = Array(text)[...]
        while let character = characters.popFirst() {
            if quoted {
                if character == "\"" {
                    if characters.first == "\"" { field.append("\""); characters.removeFirst() } else { quoted = false }
                } else {
                    field.append(character)
                }
            } else if character == "\"" {
                quoted = true
            } else if character == "," {
                row.append(field); field = ""
            } else if character == "\r\n" || character == "\n" {
                row.append(field); field = ""
                rows.append(row); row = []
            } else {
                field.append(character)
            }
        }
        return rows
    }

    @Test func mentionsHaveAHeaderAndOneRowPerMentionOfTheModel() throws {
        let project = try TestProject(Self.project)
        defer { project.remove() }
        let report = project.build()
        #expect(!report.diagnostics.hasErrors)
        let model = try #require(report.model)
        let text = try project.read("data/mentions.csv")
        #expect(text.hasSuffix("\r\n"))
        let rows = Self.parse(text)
        #expect(rows.first == CSVExport.mentionColumns)
        #expect(rows.count == model.mentions.count + 1)
        #expect(rows.dropFirst().allSatisfy { $0.count == CSVExport.mentionColumns.count })
        let tehran = try #require(rows.first { $0[0] == "iran" && $0[7] == "Tehran" })
        #expect(tehran[1] == "a" && tehran[2] == "briefing")
        #expect(tehran[3] == "Iran, the SCO and \"hedging\"")
        #expect(tehran[4] == "2025-01-02")
        #expect(tehran[6] == "briefings/a/index.html#" + tehran[5])
        #expect(!tehran[5].isEmpty)
    }

    @Test func relationsHaveAHeaderAndOneRowPerRelation() throws {
        let project = try TestProject(Self.project)
        defer { project.remove() }
        let report = project.build()
        let model = try #require(report.model)
        let rows = Self.parse(try project.read("data/relations.csv"))
        #expect(rows.first == CSVExport.relationColumns)
        #expect(rows.count == model.relations.count + 1)
        #expect(rows.dropFirst().first == ["iran", "member-of", "member of", "sco", "2023-07", "", "joined, \"fully\", at Astana", "content/actors/iran.md"])
    }

    @Test func fieldsThatASpreadsheetWouldRunAsFormulasAreKeptAsText() {
        #expect(CSVExport.field("=SCO") == "'=SCO")
        #expect(CSVExport.field("@home") == "'@home")
        #expect(CSVExport.field("-1+1") == "'-1+1")
        #expect(CSVExport.field("+7, or so") == "\"'+7, or so\"")
        #expect(CSVExport.field("plain") == "plain")
        #expect(CSVExport.field("two\nlines") == "\"two\nlines\"")
    }
}
