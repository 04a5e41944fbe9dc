internal import CLibgit2
import Foundation

extension Repository {
    /// The files directly in folder `directory` (`cards`) whose working copy git's index vouches
    /// is the blob `commit` has, so a commit need not read them: the index entry holds that
    /// blob, and the file's stat data (regular file, size, mtime, ctime, inode) is the one
    /// recorded when it was staged. As in git, an entry whose mtime is not older than the index
    /// file itself is "racy" and left out: the file may have changed within that tick.
    ///
    /// Any doubt leaves files out, never in: no working tree, no index, a conflicted entry, or
    /// content filters that could make the working bytes differ from the blob while git sees
    /// them as clean (`core.autocrlf`, a `core.attributesFile`, any `.gitattributes`, `info/attributes`
    /// or the user's `git/attributes`) give an empty set.
    ///
    /// `only` (file names) limits the files looked at: a commit of named cards stats those alone,
    /// not every card of the folder.
    public func statCleanFiles(in directory: String, commit: ObjectID, only: Set<String>? = nil) throws -> Set<String> {
        guard let workdir, try !mayFilterContent(workdir: workdir, directory: directory) else { return [] }
        let committed = Dictionary(
            try treeEntries(at: directory, inCommit: commit).filter(\.isBlob).map { ($0.name, $0.id) },
            uniquingKeysWith: { first, _ in first })
        guard !committed.isEmpty else { return [] }
        var index: OpaquePointer?
        try check(git_repository_index(&index, pointer), "git_repository_index")
        defer { git_index_free(index) }
        try check(git_index_read(index, 1), "git_index_read")
        guard let indexPath = git_index_path(index).map({ String(cString: $0) }) else { return [] }
        var indexInfo = stat()
        guard stat(indexPath, &indexInfo) == 0 else { return [] }
        let prefix = directory + "/"
        var clean: Set<String> = []
        for position in 0..<git_index_entrycount(index) {
            guard let pointer = git_index_get_byindex(index, position), git_index_entry_stage(pointer) == 0,
                let cPath = pointer.pointee.path
            else { continue }
            let entry = pointer.pointee
            let path = String(cString: cPath)
            guard path.hasPrefix(prefix) else { continue }
            let name = String(path.dropFirst(prefix.count))
            guard !name.contains("/"), only?.contains(name) ?? true, let blob = committed[name],
                ObjectID(entry.id) == blob,
                entry.mode == UInt32(GIT_FILEMODE_BLOB.rawValue), Self.isOlder(entry.mtime, than: indexInfo.st_mtim)
            else { continue }
            var info = stat()
            guard lstat(workdir + "/" + path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG,
                Self.matches(entry, info)
            else { continue }
            clean.insert(name)
        }
        return clean
    }

    /// Whether `entry` holds the stat data of `info`, compared as git records it (32 bits).
    private static func matches(_ entry: git_index_entry, _ info: stat) -> Bool {
        entry.file_size == UInt32(truncatingIfNeeded: info.st_size)
            && entry.mtime.seconds == Int32(truncatingIfNeeded: info.st_mtim.tv_sec)
            && entry.mtime.nanoseconds == UInt32(truncatingIfNeeded: info.st_mtim.tv_nsec)
            && entry.ctime.seconds == Int32(truncatingIfNeeded: info.st_ctim.tv_sec)
            && entry.ctime.nanoseconds == UInt32(truncatingIfNeeded: info.st_ctim.tv_nsec)
            && entry.ino == UInt32(truncatingIfNeeded: info.st_ino)
    }

    /// Whether a recorded mtime is strictly older than the index file's: otherwise the file may
    /// have been written again in the same tick after it was staged.
    private static func isOlder(_ time: git_index_time, than index: timespec) -> Bool {
        let seconds = Int64(time.seconds)
        if seconds != Int64(index.tv_sec) { return seconds < Int64(index.tv_sec) }
        return Int(time.nanoseconds) < index.tv_nsec
    }

    /// Whether git could filter the content of files in `directory` (line endings, attributes),
    /// so that the index may call a file clean whose bytes differ from the blob.
    private func mayFilterContent(workdir: String, directory: String) throws -> Bool {
        var config: OpaquePointer?
        try check(git_repository_config_snapshot(&config, pointer), "git_repository_config_snapshot")
        defer { git_config_free(config) }
        for key in ["core.autocrlf", "core.attributesfile"] {
            var entry: UnsafeMutablePointer<git_config_entry>?
            let code = git_config_get_entry(&entry, config, key)
            defer { git_config_entry_free(entry) }
            if code == GIT_ENOTFOUND.rawValue { continue }
            try check(code, "git_config_get_entry", reference: key)
            let value = entry?.pointee.value.map { String(cString: $0).lowercased() } ?? ""
            if key == "core.attributesfile" || !["false", "no", "off", "0", ""].contains(value) { return true }
        }
        var folder = ""
        for part in [""] + directory.split(separator: "/").map(String.init) {
            folder += part.isEmpty ? "" : "/" + part
            if FileManager.default.fileExists(atPath: workdir + folder + "/.gitattributes") { return true }
        }
        let environment = ProcessInfo.processInfo.environment
        let configHome = environment["XDG_CONFIG_HOME"] ?? environment["HOME"].map { $0 + "/.config" }
        let globalFile = configHome.map { $0 + "/git/attributes" }
        return [gitDirectory + "/info/attributes", globalFile].contains { path in
            path.map { FileManager.default.fileExists(atPath: $0) } ?? false
        }
    }
}
