import Foundation

/// The pid of a process that has exited and been reaped, so no process owns it
/// (until the kernel reuses it, which takes a full turn of the pid space).
func pidOfAFinishedProcess() throws -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/true")
    try process.run()
    process.waitUntilExit()
    return process.processIdentifier
}

/// A child process that sleeps until it is stopped: a pid that is certainly alive.
final class SleepingChild {
    private let process = Process()

    init() throws {
        process.executableURL = URL(fileURLWithPath: "/bin/sleep")
        process.arguments = ["600"]
        try process.run()
    }

    var pid: Int32 { process.processIdentifier }

    /// SIGKILL, because a test runner may leave SIGTERM blocked in the children it spawns.
    func stop() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}

/// Runs a program like `run(_:_:in:)`, but kills it if it is still running after
/// `timeout` seconds (a command that should exit at once may instead start serving).
func run(_ executable: URL, _ arguments: [String], in directory: URL? = nil, killingAfter timeout: Double) throws -> RunResult {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    let output = Pipe(), error = Pipe()
    process.standardOutput = output
    process.standardError = error
    try process.run()
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning, Date() < deadline { usleep(20_000) }
    if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    let outData = output.fileHandleForReading.readDataToEndOfFile()
    let errData = error.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return RunResult(status: process.terminationStatus,
                     standardOutput: String(decoding: outData, as: UTF8.self),
                     standardError: String(decoding: errData, as: UTF8.self))
}

/// Every file and folder under `folder` (relative paths, sorted), so a test can
/// see that a command created and deleted nothing, empty folders included.
func entries(under folder: URL) -> [String] {
    var result: [String] = []
    let enumerator = FileManager.default.enumerator(atPath: folder.path)
    while let relative = enumerator?.nextObject() as? String { result.append(relative) }
    return result.sorted()
}

/// A fresh, empty temporary folder.
func makeTemporaryFolder(_ prefix: String) throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
}
