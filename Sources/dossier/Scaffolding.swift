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
        abstract: "Start a new project: dossier.yml, two example actors and a briefing.",
        discussion: "Refuses a folder that already has dossier.yml or content/."
    )

    @Argument(help: "The folder to create the project in.")
    var folder: String

    @Option(name: .long, help: "The site's title.")
    var title: String = "Briefings"

    func run() throws {
        do {
            try Scaffold.initialize(URL(fileURLWithPath: folder), title: title)
            print("Created a Dossier project in \(folder). Build it with: dossier build --root \(folder)")
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}
