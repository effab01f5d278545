import Foundation

/// Lets go of a value on a thread of its own. For a stage's large intermediate values
/// whose last release would otherwise fall on the build's path: the load memo's
/// 12,000 records at 10,000 briefings each release twenty or so references when they
/// go (shared with the project, so nothing is freed but the records), about 30 ms.
/// The caller hands over its last reference (`consume`), or the release stays with it.
enum ReleasedAside {
    private final class Held<Value>: @unchecked Sendable {
        var value: Value?
        init(_ value: consuming Value) { self.value = value }
    }

    static func release<Value>(_ value: consuming Value) {
        let held = Held(value)
        Thread.detachNewThread { held.value = nil }
    }
}
