import Testing
@testable import DossierCore

@Suite struct FrontMatterSplitterTests {
    @Test func splitsYAMLAndBodyAndKnowsTheirLines() throws {
        let result = try FrontMatterSplitter.split("---\ntitle: Iran\nkind: state\n---\nIran is a state.\n").get()
        #expect(result.yaml == "title: Iran\nkind: state")
        #expect(result.yamlFirstLine == 2)
        #expect(result.body.text == "Iran is a state.\n")
        #expect(result.body.firstLine == 5)
    }

    @Test func noFrontMatterMeansTheWholeFileIsBody() throws {
        let result = try FrontMatterSplitter.split("# Title\n\nText\n").get()
        #expect(result.yaml == nil)
        #expect(result.body.firstLine == 1)
    }

    @Test func toleratesCRLFTrailingSpacesAndABOM() throws {
        let result = try FrontMatterSplitter.split("\u{FEFF}---\r\ntitle: x\r\n---  \r\nbody").get()
        #expect(result.yaml == "title: x")
        #expect(result.body.text == "body")
    }

    @Test func unterminatedFrontMatterIsAFailure() {
        #expect(throws: FrontMatterSplitter.Failure.unterminated(line: 1)) {
            try FrontMatterSplitter.split("---\ntitle: x\n\nno end").get()
        }
    }

    @Test func emptyFrontMatter() throws {
        let result = try FrontMatterSplitter.split("---\n---\nbody\n").get()
        #expect(result.yaml == "")
        #expect(result.body.firstLine == 3)
    }
}
