import ArgumentParser
import DossierServe
import Foundation

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build, serve on 127.0.0.1, and rebuild and reload the browser when content, templates or dossier.yml change.",
        discussion: "The site is built into a temporary folder, so site/ is left alone. While a build fails, pages show its diagnostics."
    )

    @Option(name: .long, help: "The project folder.")
    var root: String = "."

    @Option(name: .long, help: "The port to listen on.")
    var port: UInt16 = 8000

    @Flag(name: .long, help: "Include drafts.")
    var drafts = false

    func run() async throws {
        try requireProject(at: URL(fileURLWithPath: root).standardizedFileURL)
        let options = DevServer.Options(root: URL(fileURLWithPath: root).standardizedFileURL, port: port, drafts: drafts)
        let server = DevServer(options: options) { line in
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
        try await server.run()
    }
}
