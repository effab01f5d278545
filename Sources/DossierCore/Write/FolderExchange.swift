import Foundation

/// Swaps two folders in one step, so that no reader (a web server, a second build)
/// ever finds the output missing, and no crash can leave it missing either.
enum FolderExchange {
    enum Outcome {
        case exchanged
        /// The system or the file system cannot exchange; the caller renames in two steps.
        case unsupported
    }

    struct Failure: Error {
        let code: Int32
    }

    /// Exchanges the folders at `first` and `second`, which must both exist.
    static func exchange(_ first: URL, _ second: URL) throws -> Outcome {
        #if os(Linux)
        guard let renameat2 else { return .unsupported }
        if renameat2(AT_FDCWD, first.path, AT_FDCWD, second.path, renameExchange) == 0 { return .exchanged }
        let code = errno
        // EINVAL: the file system has no exchange (or the kernel predates it, ENOSYS);
        // EXDEV: overlayfs refuses some folder renames that a copy can still do.
        if [EINVAL, ENOSYS, EXDEV, EOPNOTSUPP].contains(code) { return .unsupported }
        throw Failure(code: code)
        #else
        return .unsupported
        #endif
    }
}

#if os(Linux)
/// `RENAME_EXCHANGE` from linux/fs.h, which Glibc does not export to Swift.
private let renameExchange: UInt32 = 1 << 1

/// glibc's `renameat2` (2.28 and later), looked up at run time because the Swift
/// Glibc module exports neither it nor `syscall` (a variadic function); nil on an
/// older C library, where the two-rename swap is used instead.
private let renameat2: (@convention(c) (Int32, UnsafePointer<CChar>?, Int32, UnsafePointer<CChar>?, UInt32) -> Int32)? = {
    guard let program = dlopen(nil, RTLD_NOW), let symbol = dlsym(program, "renameat2") else { return nil }
    return unsafeBitCast(symbol, to: (@convention(c) (Int32, UnsafePointer<CChar>?, Int32, UnsafePointer<CChar>?, UInt32) -> Int32).self)
}()
#endif
