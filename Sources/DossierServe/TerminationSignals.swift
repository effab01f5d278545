import Dispatch
import Foundation

/// SIGINT (Ctrl-C) and SIGTERM, delivered to a handler instead of ending the
/// process on the spot, so the server can remove its scratch folder first.
public final class TerminationSignals: @unchecked Sendable {
    // Touched only by the event handlers, which all run on `queue`.
    private var received = 0
    private let queue = DispatchQueue(label: "dossier.termination-signals")
    private var sources: [any DispatchSourceSignal] = []

    /// Calls `handler` on a private queue for every SIGINT or SIGTERM, with the
    /// signal and how many have arrived so far, for as long as this object lives.
    public init(_ handler: @escaping @Sendable (_ signal: Int32, _ count: Int) -> Void) {
        for number in [SIGINT, SIGTERM] {
            // A dispatch source sees a signal only once its default action (terminate) is off.
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { [weak self] in
                guard let self else { return }
                received += 1
                handler(number, received)
            }
            source.resume()
            sources.append(source)
        }
    }

    deinit {
        for source in sources { source.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}
