import Dispatch

/// Runs its jobs on a serial dispatch queue, whose thread is not one of the shared
/// pool's. The listener tests run the listener in the test process, where other
/// suites' long synchronous tests (the fuzz and property tests, whole builds) can hold
/// every thread of the shared pool — two on a two-core machine — for a minute; a
/// listener on that pool then answers nothing in time, and the test measures the
/// machine instead of the listener.
final class DedicatedExecutor: TaskExecutor, @unchecked Sendable {
    private let queue: DispatchQueue

    init(label: String) {
        queue = DispatchQueue(label: label)
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        queue.async { job.runSynchronously(on: executor) }
    }
}
