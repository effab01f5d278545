import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Limits for one run of a program under test.
struct RunBounds: Sendable {
    /// Wall time after which the program is killed and the run counts as a hang.
    var timeoutSeconds: Double
    /// Address-space limit, so a memory bomb fails inside it instead of taking the
    /// machine (shared with other builds) down with it.
    var memoryLimitBytes: UInt64
}

/// How a bounded run ended.
enum RunEnding: Equatable, Sendable, CustomStringConvertible {
    case exited(Int32)
    case killedBySignal(Int32)
    case timedOut(seconds: Double)

    var description: String {
        switch self {
        case .exited(let status): "exit status \(status)"
        case .killedBySignal(let signal): "killed by signal \(signal) (\(String(cString: strsignal(signal))))"
        case .timedOut(let seconds): "no exit within \(Int(seconds)) s: killed as a hang"
        }
    }
}

struct BoundedRunResult: Sendable {
    var ending: RunEnding
    var standardError: String
    var seconds: Double
}

enum BoundedRun {
    /// `prlimit` (util-linux) applies the limits and then execs the program, so the
    /// process we wait for, and whose signal we see, is the program itself.
    static let limiter = which("prlimit")

    /// Runs `executable` in its own process (a crash cannot take the test runner
    /// down), writing its output to `stdout` and `stderr` in `logs`.
    static func run(_ executable: URL, _ arguments: [String], bounds: RunBounds, logs: URL) throws -> BoundedRunResult {
        let process = Process()
        if let limiter {
            process.executableURL = limiter
            process.arguments = ["--as=\(bounds.memoryLimitBytes)", "--core=0", "--", executable.path] + arguments
        } else {
            process.executableURL = executable
            process.arguments = arguments
        }
        try FileManager.default.createDirectory(at: logs, withIntermediateDirectories: true)
        let outputURL = logs.appendingPathComponent("stdout"), errorURL = logs.appendingPathComponent("stderr")
        try ProjectFileIO.saveWithoutSync([], to: outputURL.path)
        try ProjectFileIO.saveWithoutSync([], to: errorURL.path)
        let output = try FileHandle(forWritingTo: outputURL), error = try FileHandle(forWritingTo: errorURL)
        defer {
            try? output.close()
            try? error.close()
        }
        // Files, not pipes: nobody has to drain them while we wait with a timeout.
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        let started = DispatchTime.now()
        try process.run()
        var timedOut = false
        if finished.wait(timeout: started + bounds.timeoutSeconds) == .timedOut {
            timedOut = true
            kill(process.processIdentifier, SIGKILL)
            finished.wait()
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        let ending: RunEnding
        if timedOut {
            ending = .timedOut(seconds: bounds.timeoutSeconds)
        } else if process.terminationReason == .uncaughtSignal {
            ending = .killedBySignal(process.terminationStatus)
        } else {
            ending = .exited(process.terminationStatus)
        }
        let errorText = String(decoding: (try? Data(contentsOf: errorURL)) ?? Data(), as: UTF8.self)
        return BoundedRunResult(ending: ending, standardError: errorText, seconds: seconds)
    }
}
