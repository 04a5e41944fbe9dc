import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads card files from a working tree the way untrusted input must be read: a symbolic link is
/// never followed (one pointing at `/etc/passwd` would print that file in an error, one pointing
/// at a card elsewhere would be committed as if it were here), only a regular file is read, its
/// size is checked before reading, and at most the size limit is ever read.
public enum CardFileReader {
    /// What reading a card file gave.
    public enum Outcome: Sendable, Equatable {
        /// The file's bytes, at most ``SafeYAMLLoader/maximumBytes``.
        case bytes([UInt8])
        /// There is no such file.
        case missing
        /// The file is not read: a link, not a regular file, or over the limit.
        case refused(Finding)
    }

    /// Reads `absolute`; `display` names it in findings.
    public static func read(_ absolute: String, display: String) -> Outcome {
        let descriptor = open(absolute, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            if code == ENOENT || code == ENOTDIR { return .missing }
            if let problem = typeProblem(absolute, display: display) { return .refused(problem) }
            return .refused(
                Finding(
                    ruleID: .cardFileType,
                    message: "cannot read '\(DisplayText.escaped(display))': \(String(cString: strerror(code)))",
                    location: Location(path: display)))
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .refused(typeFinding(display, kind: "unreadable")) }
        guard info.st_mode & S_IFMT == S_IFREG else {
            return .refused(typeFinding(display, kind: kind(of: info.st_mode)))
        }
        let limit = SafeYAMLLoader.maximumBytes
        if Int(info.st_size) > limit { return .refused(sizeFinding(display, size: Int(info.st_size))) }
        // Read at most one byte past the limit: a file that grew since fstat is still caught. The
        // buffer starts at the size fstat gave (plus the byte that proves the end) and grows only
        // for a file that grew: zeroing 1 MiB per read was a fifth of a 250-card commit's work.
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size) + 1)
        var filled = 0
        while filled < bytes.count {
            let count = bytes.withUnsafeMutableBytes { buffer in
                Glibc.read(descriptor, buffer.baseAddress.map { $0 + filled }, buffer.count - filled)
            }
            if count < 0, errno == EINTR { continue }
            if count <= 0 { break }
            filled += count
            if filled == bytes.count, bytes.count <= limit {
                bytes += [UInt8](repeating: 0, count: min(bytes.count, limit + 1 - bytes.count))
            }
        }
        if filled > limit { return .refused(sizeFinding(display, size: filled)) }
        bytes.removeSubrange(filled...)
        return .bytes(bytes)
    }

    /// The bytes of a card file, nil when it is missing or refused (the folder scan of
    /// ``Workspace/scanCardFolder()`` reports why).
    public static func contents(_ absolute: String) -> [UInt8]? {
        if case .bytes(let bytes) = read(absolute, display: absolute) { return bytes }
        return nil
    }

    /// Why `absolute` is not a card file that can be read, judged without following a link:
    /// nil for a regular file or nothing at all.
    static func typeProblem(_ absolute: String, display: String) -> Finding? {
        var info = stat()
        guard lstat(absolute, &info) == 0 else { return nil }
        let mode = info.st_mode & S_IFMT
        return mode == S_IFREG ? nil : typeFinding(display, kind: kind(of: info.st_mode))
    }

    /// What a file of `mode` is, in words for a message: `a symbolic link`, `a folder`, ….
    static func kind(of mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFLNK: return "a symbolic link"
        case S_IFDIR: return "a folder"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFIFO: return "a named pipe"
        case S_IFSOCK: return "a socket"
        default: return "not a regular file"
        }
    }

    /// The `card-file-type` finding for `display`, which is `kind`.
    static func typeFinding(_ display: String, kind: String) -> Finding {
        Finding(
            ruleID: .cardFileType,
            message:
                "'\(DisplayText.escaped(display))' is \(kind); a card must be a regular file, and cardigan never follows links",
            location: Location(path: display),
            hint: kind == "a symbolic link"
                ? "replace the link with the card file itself" : "keep only '<name>.yaml' files in the cards folder")
    }

    /// The `yaml-size` finding for `display`, of `size` bytes.
    static func sizeFinding(_ display: String, size: Int) -> Finding {
        Finding(
            ruleID: .yamlSize,
            message: "file is \(size) bytes, more than the limit of \(SafeYAMLLoader.maximumBytes) bytes (1 MiB)",
            location: Location(path: display),
            hint: "a model card is a summary; keep large data such as metric tables in the artifacts it links to")
    }
}
