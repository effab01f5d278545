import Foundation

/// Runs a program with a cap on its address space and a deadline, so a test of
/// unbounded work fails instead of exhausting the machine.
struct BoundedRun {
    var result: RunResult
    var seconds: Double
    var timedOut: Bool
}

func runBounded(_ executable: URL, _ arguments: [String], seconds limit: Double, memoryKilobytes: Int) throws -> BoundedRun {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    // `ulimit -v` is not supported everywhere (macOS): there, the deadline alone bounds the run.
    process.arguments = ["-c", "ulimit -v \(memoryKilobytes) 2>/dev/null; exec \"$0\" \"$@\"", executable.path] + arguments
    let output = Pipe(), error = Pipe()
    process.standardOutput = output
    process.standardError = error
    let started = Date()
    try process.run()
    let deadline = DispatchWorkItem { [process] in
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
    DispatchQueue.global().asyncAfter(deadline: .now() + limit, execute: deadline)
    let outData = output.fileHandleForReading.readDataToEndOfFile()
    let errData = error.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    deadline.cancel()
    let elapsed = Date().timeIntervalSince(started)
    return BoundedRun(
        result: RunResult(status: process.terminationStatus,
                          standardOutput: String(decoding: outData, as: UTF8.self),
                          standardError: String(decoding: errData, as: UTF8.self)),
        seconds: elapsed,
        timedOut: process.terminationReason == .uncaughtSignal && elapsed >= limit)
}
