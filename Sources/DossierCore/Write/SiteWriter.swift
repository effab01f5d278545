import Foundation

/// A file of the built site. The path is relative to the output folder; it is
/// checked when the file is made, so nothing can be written outside the folder.
public struct OutputFile: Sendable, Hashable {
    public let path: String
    public let contents: Data

    public init(path: String, contents: Data) {
        precondition(OutputFile.isSafe(path), "unsafe output path '\(path)'")
        self.path = path
        self.contents = contents
    }

    public init(path: String, text: String) {
        self.init(path: path, contents: Data(text.utf8))
    }

    /// Relative, no empty, "." or ".." components, only `[A-Za-z0-9._-]` in names.
    static func isSafe(_ path: String) -> Bool {
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !path.isEmpty, !path.hasPrefix("/") else { return false }
        return components.allSatisfy { component in
            !component.isEmpty && component != "." && component != ".."
                && component.unicodeScalars.allSatisfy { scalar in
                    (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z") || (scalar >= "0" && scalar <= "9")
                        || scalar == "-" || scalar == "_" || scalar == "."
                }
        }
    }
}

public enum SiteWriter {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Writes every file into a fresh folder beside `output`, then swaps it in. If
    /// anything fails, the previous output is left exactly as it was.
    public static func writeAtomically(_ files: [OutputFile], to output: URL) throws {
        let manager = FileManager.default
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        let staging = parent.appendingPathComponent(".\(name).building-\(ProcessInfo.processInfo.processIdentifier)")
        let retired = parent.appendingPathComponent(".\(name).previous-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try manager.createDirectory(at: parent, withIntermediateDirectories: true)
            try? manager.removeItem(at: staging)
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
            var created: Set<String> = []
            for file in files.sorted(by: { $0.path < $1.path }) {
                let url = staging.appendingPathComponent(file.path)
                let folder = url.deletingLastPathComponent().path
                if created.insert(folder).inserted {
                    try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
                }
                try file.contents.write(to: url)
            }
        } catch {
            try? manager.removeItem(at: staging)
            throw Failure(description: "cannot write the site: \(error.localizedDescription)")
        }
        do {
            if manager.fileExists(atPath: output.path) {
                try? manager.removeItem(at: retired)
                try manager.moveItem(at: output, to: retired)
            }
            try manager.moveItem(at: staging, to: output)
            try? manager.removeItem(at: retired)
        } catch {
            if !manager.fileExists(atPath: output.path), manager.fileExists(atPath: retired.path) {
                try? manager.moveItem(at: retired, to: output)
            }
            try? manager.removeItem(at: staging)
            throw Failure(description: "cannot replace \(output.path): \(error.localizedDescription)")
        }
    }
}
