import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where a command's `-o <file>` writes: a regular file replaced atomically (a temporary file
/// beside it, flushed, then renamed over it), so a reader never sees half a file and a failure
/// leaves the old one. `-` is standard output. A symbolic link is written through, as git and
/// the shell do: its target is replaced, the link stays. A device, a pipe, a socket or a folder
/// is refused with the reason, never replaced by a regular file.
public enum OutputFile {
    /// The name that means standard output.
    public static let standardOutput = "-"

    /// Writes `bytes` to `path` (relative to `currentDirectory`), or to standard output for `-`.
    /// Throws a ``CardiganError`` that names the file and the reason.
    public static func write(_ bytes: [UInt8], to path: String, currentDirectory: String) throws {
        if path == standardOutput {
            FileHandle.standardOutput.write(Data(bytes))
            return
        }
        guard !path.isEmpty else {
            throw CardiganError("the output file name is empty", hint: "use '-o -' for standard output")
        }
        let absolute = path.hasPrefix("/") ? path : currentDirectory + "/" + path
        let target = try resolveLinks(absolute, shown: path)
        try refuseSpecialFile(target, shown: path)
        _ = try writeAtomically(bytes, to: target, shown: path, replacing: true)
    }

    /// `path` with symbolic links at its end followed (a dangling link names the file to
    /// create); at most 40 links, as the kernel allows.
    static func resolveLinks(_ path: String, shown: String) throws -> String {
        var current = path
        for _ in 0..<40 {
            var info = stat()
            guard lstat(current, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return current }
            let target = try FileManager.default.destinationOfSymbolicLink(atPath: current)
            current =
                target.hasPrefix("/") ? target : (current as NSString).deletingLastPathComponent + "/" + target
        }
        throw CardiganError("cannot write '\(Self.shown(shown))': too many levels of symbolic links")
    }

    private static func refuseSpecialFile(_ path: String, shown: String) throws {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }  // a new file
        let kind: String
        switch info.st_mode & S_IFMT {
        case S_IFREG: return
        case S_IFDIR: kind = "a folder"
        case S_IFCHR: kind = "a character device"
        case S_IFBLK: kind = "a block device"
        case S_IFIFO: kind = "a named pipe"
        case S_IFSOCK: kind = "a socket"
        default: kind = "not a regular file"
        }
        throw CardiganError(
            "cannot write '\(Self.shown(shown))': it is \(kind), and cardigan writes only regular files",
            hint: "name a regular file, or use '-o -' to write to standard output and redirect it")
    }

    /// Writes `bytes` to a temporary file beside `path`, flushed, then puts it in place whole:
    /// renamed over the old file when `replacing`, else hard-linked to the new name, which fails
    /// when a file of that name exists (returns false then, and leaves that file as it is).
    static func writeAtomically(_ bytes: [UInt8], to path: String, shown: String, replacing: Bool) throws -> Bool {
        let folder = (path as NSString).deletingLastPathComponent
        let base = (path as NSString).lastPathComponent
        var template = Array(((folder.isEmpty ? "." : folder) + "/." + base + ".cardigan-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { mkstemp($0) } ?? -1
        }
        guard descriptor >= 0 else { throw failure(shown, errno) }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var done = false
        defer {
            if !done { unlink(temporary) }
        }
        // Keep the mode of the file being replaced; a new file gets 0666 less the umask, as
        // open(2) would give it, not mkstemp's 0600.
        var existing = stat()
        let mode: mode_t
        if stat(path, &existing) == 0 {
            mode = existing.st_mode & 0o7777
        } else {
            let mask = umask(0)
            umask(mask)
            mode = 0o666 & ~mask
        }
        var written = 0
        var failed: Int32 = 0
        bytes.withUnsafeBytes { buffer in
            while written < buffer.count {
                let count = Glibc.write(descriptor, buffer.baseAddress.map { $0 + written }, buffer.count - written)
                if count < 0 {
                    if errno == EINTR { continue }
                    failed = errno
                    return
                }
                written += count
            }
        }
        if failed == 0, fchmod(descriptor, mode) != 0 { failed = errno }
        if failed == 0, fsync(descriptor) != 0 { failed = errno }
        if close(descriptor) != 0, failed == 0 { failed = errno }
        if failed != 0 { throw failure(shown, failed) }
        if replacing {
            guard rename(temporary, path) == 0 else { throw failure(shown, errno) }
            done = true
            return true
        }
        // link(2) never replaces: a file made since the caller looked is kept (the temporary
        // one is unlinked by the defer either way).
        guard link(temporary, path) == 0 else {
            if errno == EEXIST { return false }
            throw failure(shown, errno)
        }
        return true
    }

    private static func failure(_ shown: String, _ code: Int32) -> CardiganError {
        let reason = String(cString: strerror(code))
        return CardiganError(
            "cannot write '\(Self.shown(shown))': \(reason.prefix(1).lowercased() + reason.dropFirst())")
    }

    /// A file name as messages print it: control characters escaped.
    static func shown(_ name: String) -> String { DisplayText.escaped(name) }
}
