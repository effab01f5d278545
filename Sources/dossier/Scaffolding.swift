import ArgumentParser
import DossierCore
import Foundation

extension Scaffold.Kind: ExpressibleByArgument {}

extension ActorKind: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(spelling: argument)
    }
}

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a briefing, an actor or a page file with its front matter.",
        discussion: """
        The file name is the title's slug: `dossier new actor "Côte d'Ivoire" --kind state` writes \
        content/actors/cote-divoire.md. A title without Latin letters or digits gives no file name: \
        choose one with --slug (`dossier new actor "中国" --kind state --slug china`). Existing files are \
        never overwritten. New briefings and pages are drafts until you remove 'draft: true'.
        """
    )

    @Argument(help: "briefing, actor or page")
    var type: Scaffold.Kind

    @Argument(help: "The title.")
    var title: String

    @Option(name: .long, help: "The project folder.")
    var root: String = "."

    @Option(name: .long, help: "The briefing's date, a calendar day as YYYY-MM-DD (default: today, in UTC).")
    var date: String?

    @Option(name: .customLong("kind"), help: "The actor's kind (required for actors): state, organization (or organisation), person, place, agreement or group.")
    var actorKind: ActorKind?

    @Option(name: .long, help: "The file name without .md, instead of the title's slug: lowercase letters, digits and '-'.")
    var slug: String?

    func run() throws {
        try requireProject(at: URL(fileURLWithPath: root).standardizedFileURL)
        let day = date ?? ISO8601DateFormatter.string(from: Date(), timeZone: TimeZone(identifier: "UTC")!, formatOptions: [.withFullDate])
        do {
            let path = try Scaffold.create(type, title: title, root: URL(fileURLWithPath: root), date: day, actorKind: actorKind, slug: slug)
            print("Created \(path)")
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a new project: dossier.yml, two example actors, a briefing, and what publishing needs.",
        discussion: """
        Besides the project, init writes README.md (how to build and publish), .gitignore \
        (site/ and .dossier/) and \(WorkflowFile.path), a GitHub Actions workflow that checks, \
        builds and publishes the site to GitHub Pages; an existing README.md, .gitignore or \
        workflow is kept. The workflow builds Dossier from a git URL and ref, written at its \
        top as DOSSIER_GIT_URL and DOSSIER_GIT_REF. Refuses a folder that already has \
        dossier.yml or content/.
        """
    )

    @Argument(help: "The folder to create the project in.")
    var folder: String

    @Option(name: .long, help: "The site's title.")
    var title: String = "Briefings"

    @Option(name: .long, help: "The git repository the GitHub workflow builds Dossier from.")
    var dossierGitURL: String = DossierSource.defaultGitURL

    @Option(name: .long, help: "The branch, tag or full commit hash of Dossier the workflow builds; a tag or commit pins the version.")
    var dossierGitRef: String = DossierSource.defaultGitRef

    func run() throws {
        do {
            let report = try Scaffold.initialize(URL(fileURLWithPath: folder), title: title,
                                                 source: DossierSource(gitURL: dossierGitURL, gitRef: dossierGitRef))
            print(InitMessage.text(folder: folder, report: report))
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}
