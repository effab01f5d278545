import Foundation
import Testing
import Yams
@testable import DossierCore

/// The GitHub Actions workflow `dossier init` writes: valid against GitHub's
/// published schema, triggered by the right paths, and its own check and build
/// commands, run as written, build the example project.
@Suite struct PublishingWorkflowTests {
    static let checkJSONSchema = which("check-jsonschema")
    static let source = DossierSource(gitURL: "https://git.example.net/tools/dossier.git", gitRef: "v0.1.0")

    func workflow(projectPath: String = ".") throws -> Node {
        try #require(try Yams.compose(yaml: WorkflowFile.text(source: Self.source, projectPath: projectPath)))
    }

    @Test(.enabled(if: checkJSONSchema != nil, "check-jsonschema is not installed (pip install check-jsonschema)"))
    func theWorkflowIsValidAgainstGitHubsPublishedSchema() throws {
        let validator = try #require(Self.checkJSONSchema)
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for projectPath in [".", "desk/briefings"] {
            let file = folder.appendingPathComponent("site.yml")
            try Data(WorkflowFile.text(source: Self.source, projectPath: projectPath).utf8).write(to: file)
            let result = try run(validator, ["--builtin-schema", "vendor.github-workflows", file.path])
            #expect(result.status == 0, "\(result.standardOutput)\(result.standardError)")
        }
        // The validator does reject a workflow GitHub would refuse, so the pass above means something.
        let broken = folder.appendingPathComponent("broken.yml")
        try Data(WorkflowFile.text(source: Self.source).replacingOccurrences(of: "runs-on:", with: "runs_on:").utf8).write(to: broken)
        #expect(try run(validator, ["--builtin-schema", "vendor.github-workflows", broken.path]).status != 0)
    }

    @Test func itRunsWhenTheSitesInputsChangeAndByHand() throws {
        let root = try workflow()
        let on = try #require(root["on"])
        #expect(on["push"]?["paths"]?.sequence?.compactMap(\.string) == ["content/**", "templates/**", "static/**", "dossier.yml", ".github/workflows/site.yml"])
        #expect(on["workflow_dispatch"] != nil)
        #expect(root["env"]?["DOSSIER_GIT_URL"]?.string == "https://git.example.net/tools/dossier.git")
        #expect(root["env"]?["DOSSIER_GIT_REF"]?.string == "v0.1.0")
        #expect(root["env"]?["SITE_ROOT"]?.string == ".")
    }

    @Test func itBuildsDossierInTheSwiftImageWithCmarkGFMAndCachesTheBuildCache() throws {
        let build = try #require(try workflow()["jobs"]?["build"])
        #expect(build["container"]?.string == WorkflowFile.swiftImage)
        let steps = build["steps"]?.sequence.map(Array.init) ?? []
        let runs = steps.compactMap { $0["run"]?.string }.joined(separator: "\n")
        #expect(runs.contains("apt-get install -y -qq --no-install-recommends \\\n  libcmark-gfm-dev libcmark-gfm-extensions-dev pkg-config"))
        #expect(runs.contains(#"git fetch -q --depth 1 "$DOSSIER_GIT_URL" "$DOSSIER_GIT_REF""#))
        #expect(runs.contains("swift build -c release --product dossier"))
        #expect(runs.contains(#"dossier check --root "$SITE_ROOT" --format github"#))
        let cache = try #require(steps.first { $0["uses"]?.string == "actions/cache@v5" })
        #expect(cache["with"]?["path"]?.string == "${{ env.SITE_ROOT }}/.dossier/cache")
        #expect(cache["with"]?["key"]?.string == "dossier-cache-${{ env.DOSSIER_GIT_REF }}-${{ github.sha }}")
        #expect(cache["with"]?["restore-keys"]?.string == "dossier-cache-${{ env.DOSSIER_GIT_REF }}-")
        let upload = try #require(steps.first { $0["uses"]?.string == "actions/upload-pages-artifact@v5" })
        #expect(upload["with"]?["path"]?.string == "${{ env.SITE_ROOT }}/site")
        // No expression inside a shell command: values reach the shell through env only.
        #expect(!runs.contains("${{"))
    }

    @Test func onlyTheDeployJobMayPublishAndOnlyFromTheDefaultBranch() throws {
        let root = try workflow()
        #expect(root["permissions"]?["contents"]?.string == "read")
        #expect(root["concurrency"]?["cancel-in-progress"]?.bool == false)
        let build = try #require(root["jobs"]?["build"])
        #expect(build["permissions"]?["pages"]?.string == "read")
        #expect(build["permissions"]?["id-token"] == nil)
        let deploy = try #require(root["jobs"]?["deploy"])
        #expect(deploy["needs"]?.string == "build")
        #expect(deploy["if"]?.string == "github.ref == format('refs/heads/{0}', github.event.repository.default_branch)")
        #expect(deploy["permissions"]?["pages"]?.string == "write")
        #expect(deploy["permissions"]?["id-token"]?.string == "write")
        #expect(deploy["environment"]?["name"]?.string == "github-pages")
        #expect(deploy["environment"]?["url"]?.string == "${{ steps.deployment.outputs.page_url }}")
        #expect(deploy["steps"]?.sequence?.first?["uses"]?.string == "actions/deploy-pages@v5")
    }

    @Test func aProjectInASubfolderIsWatchedAndBuiltThere() throws {
        let root = try workflow(projectPath: "desk/briefings [2025]")
        #expect(root["on"]?["push"]?["paths"]?.sequence?.first?.string == #"desk/briefings \[2025\]/content/**"#)
        #expect(root["env"]?["SITE_ROOT"]?.string == "desk/briefings [2025]")
    }

    /// Copies the example project into a fresh folder, as a checkout would hold it,
    /// then runs the workflow's `check` and `build` steps there with bash, as
    /// GitHub does (`bash --noprofile --norc -eo pipefail`), with the workflow's
    /// environment and `dossier` on PATH.
    @Test func theWorkflowsOwnCommandsCheckAndBuildTheExampleProjectInACleanFolder() throws {
        let repository = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: repository) }
        for item in ["content", "templates", "static", SiteConfig.fileName]
        where FileManager.default.fileExists(atPath: TestPaths.packageRoot.appendingPathComponent(item).path) {
            try FileManager.default.copyItem(at: TestPaths.packageRoot.appendingPathComponent(item), to: repository.appendingPathComponent(item))
        }
        let steps = try WorkflowSteps(try workflow())

        let check = try steps.run("check", in: repository)
        #expect(check.status == 0, "\(check.standardError)")
        #expect(check.standardOutput == "No problems found.\n")
        // Only the suggest hint, a notice; no error or warning annotation.
        #expect(!check.standardError.contains("::error") && !check.standardError.contains("::warning"), "\(check.standardError)")

        let build = try steps.run("build", in: repository, expressions: ["steps.pages.outputs.base_url": "https://reader.github.io/west-asia"])
        #expect(build.status == 0, "\(build.standardError)")
        #expect(build.standardError == "")
        let site = repository.appendingPathComponent("site")
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("index.html").path))
        let feed = try String(contentsOf: site.appendingPathComponent("feed.xml"), encoding: .utf8)
        #expect(feed.contains("https://reader.github.io/west-asia/briefings/"))
        #expect(!feed.contains("example.org"))
        #expect(FileManager.default.fileExists(atPath: repository.appendingPathComponent(".dossier/cache").path))

        // Off the default branch configure-pages does not run: dossier.yml's base_url is used, and the build says it is a placeholder.
        let branch = try steps.run("build", in: repository, expressions: ["steps.pages.outputs.base_url": ""])
        #expect(branch.status == 0)
        #expect(branch.standardError.contains("dossier.yml:7:11: warning: base_url is still a placeholder (example.org)"))
    }

    @Test func inASubfolderTheCheckAnnotatesFilesByTheirPathInTheRepository() throws {
        let repository = try TestProject("""
        -- desk/dossier.yml --
        title: Desk
        -- desk/content/briefings/bad.md --
        ---
        title: Bad
        date: never
        ---
        Text.
        """)
        defer { repository.remove() }
        let steps = try WorkflowSteps(try workflow(projectPath: "desk"))
        let check = try steps.run("check", in: repository.root)
        #expect(check.status == 1)
        #expect(check.standardError.hasPrefix("::error file=desk/content/briefings/bad.md,line=3,col=7::invalid date 'never'"))
    }

    /// The step that fetches and builds Dossier, run against a local repository with
    /// a stand-in `swift` that records its arguments: a branch, an annotated tag and
    /// a full commit hash must each check out that commit and put the build on PATH.
    @Test(.enabled(if: which("git") != nil, "git is not installed"))
    func theBuildDossierStepFetchesABranchATagOrACommit() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let git = try #require(which("git"))
        let upstream = folder.appendingPathComponent("upstream")
        let setup = """
            set -e
            git init -q -b main "\(upstream.path)" && cd "\(upstream.path)"
            git config user.email t@example.net && git config user.name T
            git config uploadpack.allowAnySHA1InWant true
            echo one > version && git add version && git commit -qm one && git tag -a v1 -m v1
            echo two > version && git commit -qam two
            """
        #expect(try run(URL(fileURLWithPath: "/bin/bash"), ["-c", setup]).status == 0)
        let first = try run(git, ["-C", upstream.path, "rev-list", "--max-parents=0", "HEAD"]).standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)

        let bin = folder.appendingPathComponent("bin")
        let fakeSwift = "#!/bin/sh\necho \"$@\" > swift-arguments\nmkdir -p .build/release\n"
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try Data(fakeSwift.utf8).write(to: bin.appendingPathComponent("swift"))
        #expect(chmod(bin.appendingPathComponent("swift").path, 0o755) == 0)

        let steps = try WorkflowSteps(try workflow())
        let step = try #require(steps.steps.first { $0["name"]?.string == "Build Dossier" }?["run"]?.string)
        for (ref, expected) in [("main", "two"), ("v1", "one"), (first, "one")] {
            let runner = folder.appendingPathComponent("runner-\(ref.prefix(8))")
            try FileManager.default.createDirectory(at: runner, withIntermediateDirectories: true)
            let githubPath = runner.appendingPathComponent("github-path")
            let script = "export PATH=\"\(bin.path):$PATH\" RUNNER_TEMP=\"\(runner.path)\" GITHUB_PATH=\"\(githubPath.path)\" "
                + "DOSSIER_GIT_URL=\"file://\(upstream.path)\" DOSSIER_GIT_REF=\"\(ref)\"\n" + step
            let result = try run(URL(fileURLWithPath: "/bin/bash"), ["--noprofile", "--norc", "-eo", "pipefail", "-c", script], in: runner)
            #expect(result.status == 0, "\(ref): \(result.standardError)")
            let checkout = runner.appendingPathComponent("dossier")
            #expect(try String(contentsOf: checkout.appendingPathComponent("version"), encoding: .utf8) == expected + "\n", "\(ref)")
            #expect(try String(contentsOf: checkout.appendingPathComponent("swift-arguments"), encoding: .utf8) == "build -c release --product dossier\n")
            #expect(try String(contentsOf: githubPath, encoding: .utf8) == checkout.appendingPathComponent(".build/release").path + "\n")
        }
    }

    func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-workflow-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}

/// The build job's steps, run one at a time by id.
struct WorkflowSteps {
    let environment: [String: String]
    let steps: [Node]

    init(_ workflow: Node) throws {
        var environment: [String: String] = [:]
        for (key, value) in workflow["env"]?.mapping ?? [:] {
            environment[key.string ?? ""] = value.string
        }
        self.environment = environment
        steps = workflow["jobs"]?["build"]?["steps"]?.sequence.map(Array.init) ?? []
    }

    /// Runs the step with this id. Expressions in its `env:` are replaced from
    /// `expressions`; one the test does not know fails it.
    func run(_ id: String, in folder: URL, expressions: [String: String] = [:],
             sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> RunResult {
        let step = try #require(steps.first { $0["id"]?.string == id }, "no step with id '\(id)'", sourceLocation: sourceLocation)
        let script = try #require(step["run"]?.string, sourceLocation: sourceLocation)
        var environment = environment
        for (key, value) in step["env"]?.mapping ?? [:] {
            environment[key.string ?? ""] = try substitute(value.string ?? "", expressions, sourceLocation: sourceLocation)
        }
        let dossier = try #require(TestPaths.executable("dossier"), "build the executable first: swift build --build-tests")
        let inherited = ProcessInfo.processInfo.environment
        environment["PATH"] = dossier.deletingLastPathComponent().path + ":" + (inherited["PATH"] ?? "/usr/bin:/bin")
        environment["HOME"] = inherited["HOME"]
        let file = folder.appendingPathComponent(".step-\(id).sh")
        try Data(script.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["--noprofile", "--norc", "-eo", "pipefail", file.path]
        process.environment = environment
        process.currentDirectoryURL = folder
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return RunResult(status: process.terminationStatus, standardOutput: String(decoding: outData, as: UTF8.self),
                         standardError: String(decoding: errData, as: UTF8.self))
    }

    private func substitute(_ value: String, _ expressions: [String: String], sourceLocation: Testing.SourceLocation) throws -> String {
        var result = ""
        var rest = Substring(value)
        while let open = rest.range(of: "${{") {
            let close = try #require(rest[open.upperBound...].range(of: "}}"), sourceLocation: sourceLocation)
            let expression = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            result += rest[..<open.lowerBound]
            result += try #require(expressions[expression], "the test gives no value for ${{ \(expression) }}", sourceLocation: sourceLocation)
            rest = rest[close.upperBound...]
        }
        return result + rest
    }
}
