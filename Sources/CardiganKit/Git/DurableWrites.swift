import Foundation

/// Writes all of `bytes` to `descriptor`, again after an interruption and after a short write;
/// false with `errno` set when it cannot (`ENOSPC` for a write that wrote nothing). What
/// ``LockFile`` and ``TemporaryPackFile`` write goes through here.
func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
    var offset = 0
    while offset < bytes.count {
        let count = bytes.withUnsafeBytes { buffer in
            Foundation.write(descriptor, buffer.baseAddress.map { $0 + offset }, bytes.count - offset)
        }
        if count < 0, errno == EINTR { continue }
        guard count > 0 else {
            if count == 0 { errno = ENOSPC }
            return false
        }
        offset += count
    }
    return true
}

/// Reads exactly `buffer.count` bytes from `descriptor` into `buffer`, again after an
/// interruption and a short read; false at the end of the file or on an error. The reading
/// twin of ``writeAll(_:to:)``; ``CacheFile`` loads through here.
func readAll(_ descriptor: Int32, into buffer: inout [UInt8]) -> Bool {
    var offset = 0
    let total = buffer.count
    while offset < total {
        let count = buffer.withUnsafeMutableBytes { bytes in
            read(descriptor, bytes.baseAddress.map { $0 + offset }, total - offset)
        }
        if count < 0, errno == EINTR { continue }
        guard count > 0 else { return false }
        offset += count
    }
    return true
}

/// Flushes folder `folder`, so the names placed in it survive a crash; nil when done, else what
/// could not be done, with `errno` set. ``LockFile`` and ``TemporaryPackFile`` flush through here.
func flushFolder(_ folder: String) -> String? {
    let directory = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard directory >= 0 else { return "cannot open '\(folder)' to flush it" }
    defer { close(directory) }
    return fsync(directory) == 0 ? nil : "cannot flush '\(folder)'"
}
