import Foundation
import Testing
@testable import DossierCore

/// The walk of `content/` on byte paths (`ContentListing`) lists exactly what
/// FileManager's enumerator listed before it, and takes each Markdown file's identity
/// as `FileIdentity.of` would.
@Suite struct ContentListingTests {
    /// A content folder with everything the walk must tell apart: hidden files and
    /// folders, nesting, images, a folder named like a Markdown file, links to a file
    /// and to a folder inside the project, and a link to a folder outside it.
    static func makeTree() throws -> (root: URL, outside: URL) {
        let manager = FileManager.default
        let root = manager.temporaryDirectory.appendingPathComponent("content-listing-\(UUID().uuidString)")
        let outside = manager.temporaryDirectory.appendingPathComponent("content-listing-outside-\(UUID().uuidString)")
        let content = root.appendingPathComponent("content")
        for folder in ["briefings/2025/q1", "briefings/.drafts", "actors", "pages/notes.md", "media"] {
            try manager.createDirectory(at: content.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try manager.createDirectory(at: outside, withIntermediateDirectories: true)
        try Data("outside\n".utf8).write(to: outside.appendingPathComponent("secret.md"))
        let files = [
            "briefings/a.md", "briefings/2025/q1/b.md", "briefings/.drafts/c.md", "briefings/.hidden.md",
            "actors/iran.md", "actors/map.PNG", "actors/notes.txt", "pages/notes.md/inner.md", "media/photo.jpg", "stray.md",
        ]
        for file in files {
            try Data("# \(file)\n".utf8).write(to: content.appendingPathComponent(file))
        }
        try manager.createSymbolicLink(atPath: content.appendingPathComponent("actors/alias.md").path, withDestinationPath: "iran.md")
        try manager.createSymbolicLink(atPath: content.appendingPathComponent("briefings/linked").path, withDestinationPath: "2025")
        try manager.createSymbolicLink(atPath: content.appendingPathComponent("briefings/away").path, withDestinationPath: outside.path)
        try manager.createSymbolicLink(atPath: content.appendingPathComponent("briefings/dangling.md").path, withDestinationPath: "nowhere.md")
        return (root, outside)
    }

    /// What FileManager's enumerator, as `listFiles` used it, found: every entry's path
    /// below `content/`, not entering links.
    static func enumeratorPaths(_ content: URL) -> Set<String> {
        var paths: Set<String> = []
        let enumerator = FileManager.default.enumerator(atPath: content.path)
        while let relative = enumerator?.nextObject() as? String { paths.insert(relative) }
        return paths
    }

    @Test func listsWhatFileManagersEnumeratorListsHiddenEntriesIncludedWithoutEnteringLinks() throws {
        let (root, outside) = try Self.makeTree()
        defer {
            try? FileManager.default.removeItem(at: root)
            try? FileManager.default.removeItem(at: outside)
        }
        let content = root.appendingPathComponent("content")
        var seen: Set<String> = []
        var others: [String: String] = [:]
        let listing = try #require(ContentListing.walk(
            contentPath: content.path, admitsLink: { seen.insert($0); return true }, other: { others[$0] = $1 }))
        let listed = Set(listing.markdown.map(\.relative)).union(others.keys)
        #expect(listed == Self.enumeratorPaths(content))
        #expect(seen == ["actors/alias.md", "briefings/linked", "briefings/away", "briefings/dangling.md"])
        #expect(!listed.contains("briefings/linked/q1/b.md"))
        #expect(Set(listing.markdown.map(\.relative)) == [
            "briefings/a.md", "briefings/2025/q1/b.md", "briefings/.drafts/c.md", "briefings/.hidden.md", "actors/iran.md",
            "actors/alias.md", "pages/notes.md", "pages/notes.md/inner.md", "stray.md", "briefings/dangling.md",
        ])
        #expect(others["actors/map.PNG"] == content.path + "/actors/map.PNG")
    }

    @Test func eachMarkdownFilesIdentityIsTheOneStatGivesWithLinksFollowedAndNoneForAFolderOrDanglingLink() throws {
        let (root, outside) = try Self.makeTree()
        defer {
            try? FileManager.default.removeItem(at: root)
            try? FileManager.default.removeItem(at: outside)
        }
        let content = root.appendingPathComponent("content")
        let listing = try #require(ContentListing.walk(contentPath: content.path, admitsLink: { _ in true }, other: { _, _ in }))
        #expect(listing.markdown.count == 10)
        for file in listing.markdown {
            #expect(file.identity == FileIdentity.of(content.path + "/" + file.relative), "\(file.relative)")
        }
        let identities = Dictionary(uniqueKeysWithValues: listing.markdown.map { ($0.relative, $0.identity) })
        #expect(identities["pages/notes.md"] == .some(nil))
        #expect(identities["briefings/dangling.md"] == .some(nil))
        #expect(identities["actors/alias.md"]??.inode == identities["actors/iran.md"]??.inode)
    }

    @Test func aRefusedLinkIsSkippedAndAMissingFolderIsNoListing() throws {
        let (root, outside) = try Self.makeTree()
        defer {
            try? FileManager.default.removeItem(at: root)
            try? FileManager.default.removeItem(at: outside)
        }
        let content = root.appendingPathComponent("content")
        var others: Set<String> = []
        let listing = try #require(ContentListing.walk(
            contentPath: content.path, admitsLink: { !$0.hasPrefix("briefings/away") && $0 != "actors/alias.md" }, other: { others.insert($0); _ = $1 }))
        #expect(!listing.markdown.contains { $0.relative == "actors/alias.md" })
        #expect(!others.contains("briefings/away"))
        #expect(others.contains("briefings/linked"))
        #expect(ContentListing.walk(contentPath: root.appendingPathComponent("missing").path, admitsLink: { _ in true }, other: { _, _ in }) == nil)
    }

    /// The loader's view: links leading out of the project are still refused with their
    /// diagnostic, files come sorted with their identities, and the memo uses them.
    @Test func theLoaderRefusesALinkOutOfTheProjectAndListsTheRestSortedWithIdentities() throws {
        let (root, outside) = try Self.makeTree()
        defer {
            try? FileManager.default.removeItem(at: root)
            try? FileManager.default.removeItem(at: outside)
        }
        let (_, files, media, diagnostics) = ProjectLoader.listFiles(root: root)
        #expect(files.map(\.path) == files.map(\.path).sorted())
        #expect(files.map(\.path).contains("content/briefings/2025/q1/b.md"))
        #expect(!files.map(\.path).contains { $0.hasPrefix("content/briefings/away") })
        #expect(media.refused.contains("content/briefings/away"))
        #expect(media.images == ["content/actors/map.PNG", "content/media/photo.jpg"])
        #expect(diagnostics.contains { $0.location.path == "content/briefings/away" && $0.message.contains("outside the project") })
        #expect(diagnostics.contains { $0.location.path == "content/stray.md" && $0.message.contains("ignored") })
        for file in files {
            #expect(file.identity == FileIdentity.of(file.absolutePath), "\(file.path)")
        }
    }
}
