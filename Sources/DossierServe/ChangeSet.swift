/// What changed among a project's inputs since the last build: the paths of the
/// files (relative to the project root), or, when they cannot all be named (a folder
/// created, moved or removed, inotify's queue overflowing), "something changed".
struct ChangeSet: Sendable, Equatable {
    var paths: Set<String> = []
    var unattributed = false

    var isEmpty: Bool { paths.isEmpty && !unattributed }

    mutating func formUnion(_ other: ChangeSet) {
        paths.formUnion(other.paths)
        unattributed = unattributed || other.unattributed
    }
}
