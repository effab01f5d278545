import Foundation

/// Files for `dossier init` and `dossier new`: a starting project, and a new
/// briefing, actor or page with its front matter filled in.
public enum Scaffold {
    public enum Kind: String, Sendable, CaseIterable {
        case briefing, actor, page

        var section: ContentFile.Section {
            switch self {
            case .briefing: .briefings
            case .actor: .actors
            case .page: .pages
            }
        }
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// A slug from a title: "Côte d’Ivoire" → "cote-divoire".
    public static func slug(for title: String) -> String {
        Slugify.slug(title)
    }

    /// The text of a new file. `date` is written into briefings, `actorKind` into actors.
    public static func file(_ kind: Kind, title: String, date: String, actorKind: ActorKind = .state) -> String {
        let quoted = yamlQuoted(title)
        switch kind {
        case .briefing:
            return """
            ---
            title: \(quoted)
            date: \(date)
            summary: One-paragraph standfirst shown on lists and in feeds.
            authors: []
            actors: []        # principal actors, by slug
            tags: []
            sources: []       # - id: …, title: …, publisher: …, url: …, date: …  (cite one with [^id])
            events: []        # - date: …, title: …, actors: […], place: …
            draft: true
            ---
            Write the briefing here. Actor names are linked to their pages when the site is built;
            write `[a different name](@slug)` to link any wording to an actor.

            """
        case .actor:
            return """
            ---
            title: \(quoted)
            kind: \(actorKind.rawValue)\(String(repeating: " ", count: max(1, 12 - actorKind.rawValue.count)))# state | organization | person | place | agreement | group
            aliases: []       # other names that mean this actor in prose
            summary: One line for lists and tooltips.
            relations: []     # - type: member-of, target: slug, since: YYYY-MM-DD
            ---
            A short profile.

            """
        case .page:
            return """
            ---
            title: \(quoted)
            summary: One line for search and the page's description.
            draft: true
            ---
            Write the page here. It is listed in every page's footer.

            """
        }
    }

    /// Writes a new briefing, actor or page under `root/content`, never over an existing
    /// file, and returns the path written, relative to the root. The file name is
    /// `slug`, or the title's slug. Throws, writing nothing, for a title that gives no
    /// file name, an invalid `slug`, an actor without `actorKind`, a slug another file
    /// of the section already has, or a date that is not a calendar day.
    @discardableResult
    public static func create(
        _ kind: Kind, title: String, root: URL, date: String, actorKind: ActorKind? = nil, slug chosenSlug: String? = nil
    ) throws -> String {
        try validateTitle(title)
        let slug = try newSlug(kind, title: title, chosen: chosenSlug)
        if kind == .actor, actorKind == nil {
            throw Failure(description: "which kind of actor is '\(shown(title))'? Say it with --kind: "
                + ActorKind.allCases.map(\.rawValue).joined(separator: ", ")
                + " (e.g. dossier new actor \"\(shown(title))\" --kind organization)")
        }
        if kind != .actor, actorKind != nil {
            throw Failure(description: "--kind is for actors; a \(kind.rawValue) has no kind")
        }
        if kind == .briefing { try validateDate(date) }
        let folder = "content/\(kind.section.rawValue)"
        if let other = fileWithSlug(slug, under: root.appendingPathComponent(folder)) {
            throw Failure(description: "\(folder)/\(other) already has the slug '\(slug)'; choose another with --slug")
        }
        let relative = "\(folder)/\(slug).md"
        try write(file(kind, title: title, date: date, actorKind: actorKind ?? .state), to: root.appendingPathComponent(relative), display: relative)
        return relative
    }

    /// The file name for a new file: `--slug` as given if it is a valid slug, else the title's.
    static func newSlug(_ kind: Kind, title: String, chosen: String?) throws -> String {
        if let chosen {
            guard SlugRules.isValid(chosen), chosen.utf8.count <= SlugRules.maxBytes else {
                throw Failure(description: "invalid --slug '\(shown(chosen))': use lowercase letters, digits and '-' (at most \(SlugRules.maxBytes))")
            }
            if kind == .page, SlugRules.reservedPageSlugs.contains(chosen) {
                throw Failure(description: "a page cannot be named '\(chosen)': the site's \(chosen) section is written there; choose another --slug")
            }
            return chosen
        }
        let slug = slug(for: title)
        guard !slug.isEmpty else {
            // A title in another script has letters, but none that make a file name.
            if title.contains(where: { $0.isLetter || $0.isNumber }) {
                throw Failure(description: "'\(shown(title))' gives an empty slug (the file name): it has no Latin letters or digits; "
                    + "choose the file name with --slug, e.g. dossier new \(kind.rawValue) \"\(shown(title))\" --slug a-latin-name")
            }
            throw Failure(description: "'\(shown(title))' gives an empty slug (the file name); use a title with letters or digits, e.g. \"Iran–Russia Treaty\" gives iran-russia-treaty.md, or choose the file name with --slug")
        }
        if kind == .page, SlugRules.reservedPageSlugs.contains(slug) {
            throw Failure(description: "a page cannot be named '\(slug)': the site's \(slug) section is written there; choose another file name with --slug")
        }
        return slug
    }

    /// A Markdown file named `slug.md` in a subfolder of `folder`, relative to it: the
    /// new file would clash with it. (One in `folder` itself is the file `write` refuses.)
    static func fileWithSlug(_ slug: String, under folder: URL) -> String? {
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return nil }
        var found: [String] = []
        while let relative = enumerator.nextObject() as? String {
            if relative.hasSuffix("/" + slug + ".md") { found.append(relative) }
        }
        return found.sorted().first
    }

    /// A new project in `root`: dossier.yml, two actors and a briefing that links them,
    /// and for publishing a README.md, a .gitignore and a GitHub workflow that builds
    /// Dossier from `source`. Refuses a folder that already has a dossier.yml or
    /// content/; keeps a README.md, .gitignore or workflow that is already there.
    @discardableResult
    public static func initialize(_ root: URL, title: String, source: DossierSource = DossierSource()) throws -> InitReport {
        try validateTitle(title)
        try source.validate()
        for existing in [SiteConfig.fileName, "content"] where FileManager.default.fileExists(atPath: root.appendingPathComponent(existing).path) {
            throw Failure(description: "\(root.appendingPathComponent(existing).path) already exists; choose an empty folder")
        }
        let repository = try RepositoryLocation.find(for: root)
        var files: [(String, String)] = [
            (SiteConfig.fileName, """
            title: \(yamlQuoted(title))
            description: Analysis with a page for every state, organisation and person it mentions.
            language: en
            base_url: https://example.org/   # the published address, for feeds, sitemap and canonical links
            linking:
              mode: first            # first | all | none
              case_sensitive: true
              ignore: []             # phrases that are never mentions
            # exports: [entities, relations]   # data/ files for other tools: entities, relations, mentions, csv, graph, or all

            """),
            ("content/actors/atlantis.md", """
            ---
            title: Atlantis
            kind: state
            aliases: [Atlantean Republic]
            summary: An example state.
            relations:
              - type: member-of
                target: ocean-league
                since: 2020
            ---
            Atlantis is an example actor. Replace it with your own.

            """),
            ("content/actors/ocean-league.md", """
            ---
            title: Ocean League
            kind: organization
            summary: An example organisation.
            ---
            The Ocean League is an example actor.

            """),
            ("content/briefings/welcome.md", """
            ---
            title: Welcome to Dossier
            date: 2025-01-01
            summary: A first briefing that shows how mentions become links.
            authors: [Desk]
            actors: [atlantis, ocean-league]
            tags: [example]
            events:
              - date: 2020
                title: Atlantis joins the Ocean League
                actors: [atlantis, ocean-league]
            ---
            ## What this shows

            The Atlantean Republic joined the Ocean League in 2020. Both names link to their
            actor pages, and each actor page lists this paragraph.

            """),
        ]
        var report = InitReport(repository: repository)
        for (relative, text) in [(ProjectReadme.path, ProjectReadme.text(title: title)), (ProjectGitignore.path, ProjectGitignore.text),
                                 (WorkflowFile.path, WorkflowFile.text(source: source, projectPath: repository.projectPath))] {
            if FileManager.default.fileExists(atPath: root.appendingPathComponent(relative).path) {
                report.kept.append(relative)
            } else {
                files.append((relative, text))
            }
        }
        for (relative, text) in files {
            try write(text, to: root.appendingPathComponent(relative), display: relative)
            report.written.append(relative)
        }
        return report
    }

    /// A title is one line of text: a control character (a tab, a line break, ESC)
    /// is more likely a slip of the shell than part of a name.
    static func validateTitle(_ title: String) throws {
        let shownTitle = shown(title)
        guard shownTitle == title else {
            throw Failure(description: "the title '\(shownTitle)' contains a control character; write it as one line of plain text")
        }
    }

    /// A briefing's date from the command line must be a calendar day as YYYY-MM-DD
    /// (front matter also accepts YYYY, YYYY-MM and timestamps; `new` asks for the
    /// common case and the one its users mistype).
    static func validateDate(_ date: String) throws {
        guard let day = PartialDate(date), day.precision == .day, day.text == date else {
            throw Failure(description: "invalid date '\(shown(date))' for --date: use a calendar day as YYYY-MM-DD, e.g. 2025-03-14")
        }
    }

    /// A YAML double-quoted scalar that reads back as exactly `text` (titles hold no
    /// control characters, so the quote and the backslash are all there is to escape).
    static func yamlQuoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    private static func shown(_ text: String) -> String {
        DiagnosticFormatter.showingControlCharacters(text)
    }

    private static func write(_ text: String, to url: URL, display: String) throws {
        guard !FileManager.default.fileExists(atPath: url.path) else {
            throw Failure(description: "\(display) already exists")
        }
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        } catch {
            throw Failure(description: "cannot write \(display): \(error.localizedDescription)")
        }
    }
}
