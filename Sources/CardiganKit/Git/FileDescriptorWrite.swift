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
