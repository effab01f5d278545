import DossierCore
import Foundation

/// Hands the last build's state to the fast path's thread without a second reference
/// to it, so the fast path's changes are made in place rather than on a copy.
final class LiveStateBox: @unchecked Sendable {
    private var state: LiveState?
    private let lock = NSLock()

    init(_ state: LiveState?) { self.state = state }

    var holdsState: Bool {
        lock.lock()
        defer { lock.unlock() }
        return state != nil
    }

    func take() -> LiveState? {
        lock.lock()
        defer { lock.unlock() }
        return state.take()
    }
}
