import ArgumentParser
import DossierCore
import Foundation

@main
struct Dossier: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dossier",
        abstract: "Build a cross-referenced briefing site from Markdown briefings and actor files.",
        discussion: """
        A project holds dossier.yml, content/briefings, content/actors, optionally content/pages \
        and templates/. Every state, organisation, person, place and agreement gets its own page, \
        linked both ways with every briefing that mentions it.
        """,
        version: DossierVersion.current,
        subcommands: [Build.self, Check.self, Serve.self, New.self, Init.self, Suggest.self],
        defaultSubcommand: Build.self
    )
}

enum DossierVersion {
    static let current = "0.1.0"
}

struct ProjectOptions: ParsableArguments {
    @Option(name: .long, help: "The project folder (the one holding dossier.yml and content/).")
    var root: String = "."

    @Flag(name: .long, help: "Include briefings and pages marked 'draft: true'.")
    var drafts = false

    @Option(name: .long, help: "How diagnostics are printed: text or github (workflow annotations).")
    var format: DiagnosticFormat = .text

    var rootURL: URL { URL(fileURLWithPath: root).standardizedFileURL }
}

extension DiagnosticFormat: ExpressibleByArgument {}
extension URLStyle: ExpressibleByArgument {}

/// Stops a command, with exit code 1, when `root` is not a Dossier project: run in
/// the wrong folder, it would otherwise build an empty site or create files there.
func requireProject(at root: URL, format: DiagnosticFormat = .text) throws {
    if let problem = ProjectRoot.problem(at: root) {
        throw ExitCode(report([problem], format: format, strict: false, root: root))
    }
}

/// Prints diagnostics to standard error, with paths relative to the current folder
/// (see `DiagnosticPaths`), and returns the exit code: 1 if any is an error (or,
/// with `strict`, a warning).
func report(_ diagnostics: [Diagnostic], format: DiagnosticFormat, strict: Bool, root: URL) -> Int32 {
    for diagnostic in DiagnosticPaths.relativeToCurrentFolder(diagnostics, projectRoot: root) {
        FileHandle.standardError.write(Data((DiagnosticFormatter.format(diagnostic, as: format) + "\n").utf8))
    }
    let errors = diagnostics.filter { $0.severity == .error }.count
    let warnings = diagnostics.count - errors
    if !diagnostics.isEmpty {
        FileHandle.standardError.write(Data("\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")\n".utf8))
    }
    return errors > 0 || (strict && warnings > 0) ? 1 : 0
}
