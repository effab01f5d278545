import Synchronization

/// A value a build cache entry holds as bytes until it is first read (`MentionList`,
/// `PassageList`): decoded then, once, under a lock, so threads that ask at the same
/// time share one value, and kept.
final class DecodedOnce<Encoded: Sendable, Value: Sendable>: Sendable {
    private enum State: Sendable {
        case decoded(Value)
        case encoded(Encoded)
    }

    private let state: Mutex<State>

    init(decoded value: Value) {
        state = Mutex(.decoded(value))
    }

    init(encoded: Encoded) {
        state = Mutex(.encoded(encoded))
    }

    func value(decodingWith decode: (Encoded) -> Value) -> Value {
        state.withLock { state in
            switch state {
            case .decoded(let value):
                return value
            case .encoded(let encoded):
                let value = decode(encoded)
                state = .decoded(value)
                return value
            }
        }
    }

    var isDecoded: Bool {
        state.withLock { if case .decoded = $0 { true } else { false } }
    }
}
