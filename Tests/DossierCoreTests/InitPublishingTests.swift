import Foundation
import Testing
import Yams
@testable import DossierCore

/// What `dossier init` adds for publishing (README.md, .gitignore, the GitHub
/// workflow) and what it prints.
@Suite struct InitPublishingTests {
    func dossier() throws -> URL {
        try #require(TestPaths.executable("dossier"), "build the executable first: swift build --build-tests")
    }

    func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-init-publish-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    func read(_ folder: URL, _ path: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func initWritesAReadmeAGitignoreAndAWorkflowBuildingTheChosenDossier() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let project = folder.appendingPathComponent("desk")
        let source = DossierSource(gitURL: "git@git.example.net:tools/dossier.git", gitRef: "0123456789abcdef0123456789abcdef01234567")
        let report = try Scaffold.initialize(project, title: "Gulf *desk*", source: source)
        #expect(report.written.suffix(3) == [ProjectReadme.path, ProjectGitignore.path, WorkflowFile.path])
        #expect(report.kept.isEmpty)
        #expect(report.repository == RepositoryLocation(enclosingRoot: nil, projectPath: "."))

        #expect(try read(project, ".gitignore").split(separator: "\n").filter { !$0.hasPrefix("#") } == ["/site/", "/.dossier/"])
        let readme = try read(project, "README.md")
        #expect(readme.hasPrefix("# Gulf \\*desk\\*\n"))
        for phrase in ["dossier build", "dossier serve", "`site/`", "**GitHub Actions**", "DOSSIER_GIT_URL", "`static/`", "base_url", "rsync -a --delete site/"] {
            #expect(readme.contains(phrase), "README lacks \(phrase)")
        }
        let workflow = try #require(try Yams.compose(yaml: read(project, WorkflowFile.path)))
        #expect(workflow["env"]?["DOSSIER_GIT_URL"]?.string == source.gitURL)
        #expect(workflow["env"]?["DOSSIER_GIT_REF"]?.string == source.gitRef)
        // The new project itself passes as before, with the extra files beside it.
        #expect(SiteBuilder.check(BuildOptions(root: project, strict: true)).diagnostics.lines == [])
    }

    @Test func initKeepsAReadmeAndGitignoreThatAreAlreadyThereAndSaysSo() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("# Our repository\n".utf8).write(to: folder.appendingPathComponent("README.md"))
        try Data("*.log\n".utf8).write(to: folder.appendingPathComponent(".gitignore"))
        let result = try run(dossier(), ["init", "."], in: folder)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try read(folder, "README.md") == "# Our repository\n")
        #expect(try read(folder, ".gitignore") == "*.log\n")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(WorkflowFile.path).path))
        #expect(result.standardOutput.contains("Kept the existing README.md, .gitignore as they were.\n"))
        #expect(result.standardOutput.contains("Add /site/ and /.dossier/ to .gitignore"))
        #expect(result.standardOutput.contains("Publish it: ./.github/workflows/site.yml publishes to GitHub Pages once Settings → Pages → Source is \"GitHub Actions\".\n"))
    }

    @Test func aProjectInASubfolderOfARepositoryGetsItsPathInTheWorkflowAndAMoveCommand() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent(".git"), withIntermediateDirectories: true)
        let result = try run(dossier(), ["init", "sites/gulf desk"], in: folder)
        #expect(result.status == 0, "\(result.standardError)")
        let project = folder.appendingPathComponent("sites/gulf desk")
        let workflow = try #require(try Yams.compose(yaml: read(project, WorkflowFile.path)))
        #expect(workflow["env"]?["SITE_ROOT"]?.string == "sites/gulf desk")
        #expect(workflow["on"]?["push"]?["paths"]?.sequence?.first?.string == "sites/gulf desk/content/**")
        let target = PhysicalPath.resolve(folder).appendingPathComponent(".github/workflows").path
        #expect(result.standardOutput.contains("\n  mkdir -p \(target) && mv \"sites/gulf desk/.github/workflows/site.yml\" \(target)/"))

        // The printed command does what it says, pasted into a shell.
        let move = try #require(result.standardOutput.split(separator: "\n").first { $0.hasPrefix("  mkdir -p ") })
        #expect(try run(URL(fileURLWithPath: "/bin/sh"), ["-c", String(move)], in: folder).status == 0)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(WorkflowFile.path).path))
    }

    @Test(arguments: [("My Site", #""My Site""#), ("Cost $5 & more", "'Cost $5 & more'"), ("it's", #""it's""#), ("plain-name", "plain-name")])
    func initPrintsCommandsThatWorkWhenPasted(folderName: String, shown: String) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try run(dossier(), ["init", folderName], in: folder)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.hasPrefix("Created a Dossier project in \(shown).\nPreview it: dossier serve --root \(shown)\nBuild it:   dossier build --root \(shown)\n"))
        let build = try #require(result.standardOutput.split(separator: "\n").first { $0.hasPrefix("Build it:") })
        let command = build.dropFirst("Build it:".count).trimmingCharacters(in: .whitespaces)
        let environment = "PATH=\(try dossier().deletingLastPathComponent().path):$PATH"
        let built = try run(URL(fileURLWithPath: "/bin/sh"), ["-c", "\(environment) \(command)"], in: folder)
        #expect(built.status == 0, "\(built.standardError)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(folderName).appendingPathComponent("site/index.html").path))
    }

    @Test func theDefaultFooterNamesTheTitleOnce() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try run(dossier(), ["init", "p"], in: folder).status == 0)
        let project = folder.appendingPathComponent("p")
        #expect(SiteBuilder.build(BuildOptions(root: project)).succeeded)
        let page = try read(project, "site/index.html")
        let footer = try #require(page.range(of: "<footer").map { String(page[$0.lowerBound...]) })
        #expect(footer.components(separatedBy: "Briefings").count - 1 == 1, "\(footer)")
        #expect(footer.components(separatedBy: "Dossier").count - 1 == 1, "\(footer)")
    }

    @Test(arguments: [("--dossier-git-ref", "--upload-pack=touch /tmp/x"), ("--dossier-git-ref", "main branch"), ("--dossier-git-url", ""),
                      ("--dossier-git-url", "-oProxyCommand=x"), ("--dossier-git-url", "https://x/\n- run: x")])
    func initRefusesASourceGitWouldMisreadAndWritesNothing(option: String, value: String) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A value that starts with '-' reaches the command only as --option=value.
        let given = value.hasPrefix("-") ? ["\(option)=\(value)"] : [option, value]
        let result = try run(dossier(), ["init", "p"] + given, in: folder)
        #expect(result.status == 1)
        #expect(result.standardError.hasPrefix("error: \(option) "))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("p").path))
    }
}

@Suite struct ShellQuotingTests {
    @Test(arguments: [
        ("briefings", "briefings"), ("sub/dir-2.0_x", "sub/dir-2.0_x"), ("Брифинги", "Брифинги"), ("My Site", #""My Site""#),
        ("a;b", #""a;b""#), ("*", #""*""#), ("~/x", #""~/x""#), ("$HOME", "'$HOME'"), ("a`b`", "'a`b`'"), ("wow!", "'wow!'"),
        (#"back\slash"#, #"'back\slash'"#), (#"say "hi""#, #"'say "hi"'"#), ("it's $5", #"'it'\''s $5'"#),
        ("a\tb", #"$'a\tb'"#), ("line\nbreak's", #"$'line\nbreak\'s'"#), ("\u{202E}txt", #"$'\u202Etxt'"#), ("-rf", "./-rf"),
        ("", "''"), ("non\u{00A0}break", "\"non\u{00A0}break\""),
    ])
    func quotesOnlyWhatTheShellWouldChange(path: String, quoted: String) {
        #expect(ShellQuoting.quoted(path) == quoted)
    }

    /// bash reads each quoted form back as the original (a leading '-' comes back as "./-…").
    @Test(arguments: ["My Site", "$HOME", "it's $5", "a\tb\nc'd\\e", "wow!", "\u{202E}x", "~", "Брифинги 2025", "a\u{1B}[2Jb"])
    func bashReadsTheQuotedFormBackAsTheOriginal(path: String) throws {
        let result = try run(URL(fileURLWithPath: "/bin/bash"), ["-c", "printf '%s' " + ShellQuoting.quoted(path)])
        #expect(result.status == 0)
        #expect(result.standardOutput == path)
    }
}
