#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether the process that owns a leftover folder (named with its pid) still runs.
public enum ProcessLiveness {
    /// kill(pid, 0) fails with ESRCH only when no such process exists; EPERM means a
    /// live process of another user.
    public static func isRunning(_ pid: Int32) -> Bool {
        kill(pid, 0) == 0 || errno != ESRCH
    }
}
