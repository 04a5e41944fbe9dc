internal import CLibgit2
import Foundation

extension Repository {
    /// Sets the index entries of `paths` to their blobs in `commit` (removing those it lacks),
    /// leaving every other entry — the user's staged work — as it was. When the working file
    /// holds the same content, its stat data is recorded too, so `git status` shows it clean.
    ///
    /// `committed` may give, per path, the bytes of its blob in `commit` (what the commit just
    /// wrote): the working file is then compared with them instead of being hashed (equal bytes
    /// are the same blob; hashing every card again was most of this step in a large commit).
    public func stageFromCommit(paths: [String], commit: ObjectID, committed: [String: [UInt8]] = [:]) throws {
        var index: OpaquePointer?
        try check(git_repository_index(&index, pointer), "git_repository_index")
        defer { git_index_free(index) }
        try check(git_index_read(index, 1), "git_index_read")
        let workdir = self.workdir
        for path in paths {
            guard let blob = try blobID(at: path, inCommit: commit) else {
                let code = git_index_remove_bypath(index, path)
                if code != GIT_ENOTFOUND.rawValue { try check(code, "git_index_remove_bypath", reference: path) }
                continue
            }
            var entry = git_index_entry()
            entry.mode = UInt32(GIT_FILEMODE_BLOB.rawValue)
            entry.id = blob.oid
            // The file's stat data (taken before its bytes are hashed: a later edit changes its
            // mtime, so git looks again) when it holds the committed blob, as
            // git_index_add_bypath records it — without reading and compressing the file again
            // to store a blob the commit already wrote.
            var info = stat()
            if let workdir, lstat(workdir + "/" + path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG,
                Self.holds(workdir + "/" + path, blob: blob, bytes: committed[path])
            {
                Self.record(info, in: &entry)
            }
            try path.withCString { name in
                entry.path = name
                try check(git_index_add(index, &entry), "git_index_add", reference: path)
            }
        }
        let code = git_index_write(index)
        if code == GIT_ELOCKED.rawValue { throw GitError.locked(gitDirectory + "/index.lock") }
        try check(code, "git_index_write")
    }

    /// Whether the file at `file` holds blob `blob`, whose bytes are `bytes` when known: compared
    /// byte for byte then, else hashed.
    private static func holds(_ file: String, blob: ObjectID, bytes: [UInt8]?) -> Bool {
        guard let bytes else {
            var fileOID = git_oid()
            return git_odb_hashfile(&fileOID, file, GIT_OBJECT_BLOB) == 0 && ObjectID(fileOID) == blob
        }
        guard let data = FileManager.default.contents(atPath: file), data.count == bytes.count else { return false }
        // memcmp, not a byte-by-byte sequence comparison (which cost as much as the hashing).
        return data.withUnsafeBytes { fileBytes in
            bytes.withUnsafeBytes { committedBytes in
                guard let a = fileBytes.baseAddress, let b = committedBytes.baseAddress else { return true }
                return memcmp(a, b, bytes.count) == 0
            }
        }
    }

    /// Copies `info` into `entry` as libgit2's `git_index_entry__init_from_stat` does (its device
    /// field is `st_rdev`; git compares none by default), so `git status` finds the file clean.
    private static func record(_ info: stat, in entry: inout git_index_entry) {
        entry.ctime.seconds = Int32(truncatingIfNeeded: info.st_ctim.tv_sec)
        entry.ctime.nanoseconds = UInt32(truncatingIfNeeded: info.st_ctim.tv_nsec)
        entry.mtime.seconds = Int32(truncatingIfNeeded: info.st_mtim.tv_sec)
        entry.mtime.nanoseconds = UInt32(truncatingIfNeeded: info.st_mtim.tv_nsec)
        entry.dev = UInt32(truncatingIfNeeded: info.st_rdev)
        entry.ino = UInt32(truncatingIfNeeded: info.st_ino)
        entry.uid = info.st_uid
        entry.gid = info.st_gid
        entry.file_size = UInt32(truncatingIfNeeded: info.st_size)
    }
}

extension Repository {
    /// Removes `lockFile` when it is the leftover of an update that completed: libgit2 puts a
    /// lock file in place by hard-linking it to its target and then unlinking the lock, so a
    /// process killed between the two leaves a lock that is the same file (device and inode) as
    /// its target. A lock held by a live process never is (it is created new and exclusively),
    /// so removing such a leftover is safe. Returns whether it was removed.
    public static func removeCompletedLock(_ lockFile: String) -> Bool {
        guard lockFile.hasSuffix(".lock") else { return false }
        let target = String(lockFile.dropLast(".lock".count))
        var lockInfo = stat()
        var targetInfo = stat()
        guard lstat(lockFile, &lockInfo) == 0, lstat(target, &targetInfo) == 0,
            lockInfo.st_dev == targetInfo.st_dev, lockInfo.st_ino == targetInfo.st_ino
        else { return false }
        return unlink(lockFile) == 0
    }
}
