import ArgumentParser
import DossierCore
import DossierServe
import Foundation

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build, serve on 127.0.0.1, and rebuild and reload the browser when content, templates, static files or dossier.yml change.",
        discussion: "The site is built into a temporary folder (or the folder given with --output), so site/ is left alone. Edits are noticed through inotify on Linux (by polling elsewhere); each rebuild reuses the build cache, writes only the files that changed, and reloads only the open pages whose file changed. While a build fails, pages show its diagnostics. Ctrl-C or SIGTERM removes the temporary folder and exits with 130 or 143."
    )

    @Option(name: .long, help: "The project folder.")
    var root: String = "."

    @Option(name: .long, help: "The port to listen on (0: any free port, printed when serving starts).")
    var port: UInt16 = 8000

    @Flag(name: .long, help: "Include drafts.")
    var drafts = false

    @Option(name: .long, help: "Keep the served site in this folder (default: a temporary folder, removed on exit). The same rules as for build --output apply.")
    var output: String?

    @Flag(name: .long, help: "After each rebuild, print its stages' times.")
    var timings = false

    @OptionGroup var cache: CacheOptions

    func run() async throws {
        try requireProject(at: URL(fileURLWithPath: root).standardizedFileURL)
        let rootURL = URL(fileURLWithPath: root).standardizedFileURL
        let options = DevServer.Options(
            root: rootURL, port: port, drafts: drafts, output: output.map { URL(fileURLWithPath: $0).standardizedFileURL },
            cache: cache.buildCache(projectRoot: rootURL), reportsTimings: timings)
        let server = DevServer(options: options) { line in
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
        // The first signal waits for a rebuild in progress, so nothing is written
        // after the folder is removed; a second one does not wait.
        let signals = TerminationSignals { signal, count in
            if count > 1 {
                if options.output == nil { server.scratch.remove() }
                Foundation.exit(128 + signal)
            }
            Task {
                await server.stop()
                Foundation.exit(128 + signal)
            }
        }
        defer { withExtendedLifetime(signals) {} }
        do {
            try await server.run()
        } catch let failure as LoopbackListener.Failure {
            FileHandle.standardError.write(Data("error: \(failure)\n".utf8))
            throw ExitCode(1)
        }
    }
}
