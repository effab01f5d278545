/// For a process that exits as soon as its build is done (`dossier build`): the
/// build's large values (the project, the linked documents, the page contexts, the
/// model) are handed here instead of being freed one object at a time. Freeing them
/// took about 0.5 CPU-seconds at 10,000 briefings, after the last file was written;
/// the kernel takes the whole heap back at exit in no time.
///
/// Never used by `serve` or the tests, which build many times in one process.
public enum ExitWithoutTeardown {
    private final class Kept<Value>: @unchecked Sendable {
        let value: Value
        init(_ value: Value) { self.value = value }
    }

    /// Keeps `value` alive until the process exits, on purpose.
    public static func keep<Value>(_ value: Value) {
        _ = Unmanaged.passRetained(Kept(value))
    }
}
