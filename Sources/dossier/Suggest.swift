import ArgumentParser
import DossierCore
import Foundation

extension SuggestionFormat: ExpressibleByArgument {}

struct Suggest: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List names that recur in the briefings but belong to no actor.",
        discussion: """
        Reads the prose of every briefing and actor profile as the linker does and lists the \
        capitalised names and acronyms that no actor's title or alias covers, ranked by their \
        occurrences plus the number of documents they occur in. Each comes with its first occurrence \
        (file:line:column) and the text around it. Titles of people, months, days, words at the \
        start of a sentence that the text also writes in lowercase, demonyms of known names \
        ("Iranian") and the phrases in linking.ignore are left out. Writes nothing.
        """
    )

    @Option(name: .long, help: "The project folder (the one holding dossier.yml and content/).")
    var root: String = "."

    @Flag(name: .long, help: "Include briefings marked 'draft: true'.")
    var drafts = false

    @Option(name: .long, help: "text (for people) or json (one line, for programs).")
    var format: SuggestionFormat = .text

    @Option(name: .long, help: "Show at most N names; 0 shows all.")
    var limit = 25

    @Option(name: .long, help: "Only names that occur at least N times.")
    var minCount = NameSuggester.defaultMinimumOccurrences

    func validate() throws {
        guard limit >= 0 else { throw ValidationError("--limit must be 0 (all) or more") }
        guard minCount >= 1 else { throw ValidationError("--min-count must be 1 or more") }
    }

    func run() throws {
        let rootURL = URL(fileURLWithPath: root).standardizedFileURL
        try requireProject(at: rootURL)
        var options = BuildOptions(root: rootURL, drafts: drafts)
        // The same reading as `dossier check`'s note, so the two always agree.
        options.keepsProseForSuggestions = true
        let result = SiteBuilder.run(options, into: nil)
        // Suggestions from a project with errors may name actors whose files did not load.
        let errors = result.diagnostics.filter { $0.severity == .error }
        let code = report(errors, format: .text, strict: false, root: rootURL)
        guard let model = result.model else { throw ExitCode(1) }
        let suggestions = NameSuggester.suggest(model, minimumOccurrences: minCount)
        let shown = limit == 0 ? suggestions : Array(suggestions.prefix(limit))
        FileHandle.standardOutput.write(Data(SuggestionReport.render(shown, total: suggestions.count, as: format).utf8))
        if code != 0 { throw ExitCode(code) }
    }
}
