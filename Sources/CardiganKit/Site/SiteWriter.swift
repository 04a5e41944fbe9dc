import Foundation

/// Writes the site's files into the output folder: a file whose bytes are what the previous
/// build left is not touched, others are written whole to a temporary file and renamed, so a
/// reader never sees half a page.
struct SiteWriter: Sendable {
    /// The output folder.
    var folder: String
    /// The previous build's manifest, nil for a first build.
    var previous: SiteManifest?

    /// What happened to one file.
    struct Outcome: Sendable {
        var path: String
        var entry: SiteManifest.Entry
        var written: Bool
    }

    /// Writes `page` unless the folder already holds exactly its bytes.
    func write(_ page: SitePage, key: String) throws -> Outcome {
        let sha = CardDigest.sha256Hex(Data(page.bytes))
        let entry = SiteManifest.Entry(key: key, sha256: sha)
        let file = folder + "/" + page.path
        if previous?.pages[page.path]?.sha256 == sha, FileManager.default.fileExists(atPath: file) {
            return Outcome(path: page.path, entry: entry, written: false)
        }
        try writeFile(page.path, bytes: page.bytes)
        return Outcome(path: page.path, entry: entry, written: true)
    }

    /// Writes `bytes` at `path` under the folder, making its folders.
    func writeFile(_ path: String, bytes: [UInt8]) throws {
        let file = folder + "/" + path
        // Written beside and renamed over, like an atomic write but without its fsync: a site is
        // rebuilt from the repository, and 20,000 fsyncs cost a cold build seconds. Plain POSIX
        // calls: Foundation's `Data.write(to:)` syncs every file even when not asked for an
        // atomic write. The folder is made only when the file cannot be created without it:
        // once per card folder, not a stat and a mkdir for each of 20,000 files.
        let temporary = file + ".cardigan-tmp"
        var failure = writeWhole(temporary, bytes)
        if failure == ENOENT {
            let directory = (file as NSString).deletingLastPathComponent
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw CardiganError("cannot write '\(file)': \(error.localizedDescription)")
            }
            failure = writeWhole(temporary, bytes)
        }
        if let failure {
            try? FileManager.default.removeItem(atPath: temporary)
            throw CardiganError("cannot write '\(file)': \(String(cString: strerror(failure)))")
        }
        guard rename(temporary, file) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporary)
            throw CardiganError("cannot write '\(file)': \(reason)")
        }
    }

    /// Removes the files of the previous build that the new one does not have, and card
    /// folders left empty.
    func removeStale(keeping pages: [String: SiteManifest.Entry]) throws -> [String] {
        guard let previous else { return [] }
        let stale = previous.pages.keys.filter { pages[$0] == nil }.sorted()
        for path in stale {
            let file = folder + "/" + path
            if FileManager.default.fileExists(atPath: file) {
                do {
                    try FileManager.default.removeItem(atPath: file)
                } catch {
                    throw CardiganError("cannot remove '\(file)': \(error.localizedDescription)")
                }
            }
            let directory = (file as NSString).deletingLastPathComponent
            if (try? FileManager.default.contentsOfDirectory(atPath: directory))?.isEmpty == true {
                try? FileManager.default.removeItem(atPath: directory)
            }
        }
        return stale
    }
}

/// Creates (or truncates) `path` and writes `bytes` into it; the error number when that failed.
private func writeWhole(_ path: String, _ bytes: [UInt8]) -> Int32? {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { return errno }
    var failure: Int32?
    bytes.withUnsafeBytes { buffer in
        var offset = 0
        while offset < buffer.count, let base = buffer.baseAddress {
            let count = write(descriptor, base + offset, buffer.count - offset)
            if count < 0, errno == EINTR { continue }
            guard count > 0 else {
                failure = count < 0 ? errno : EIO
                return
            }
            offset += count
        }
    }
    if close(descriptor) != 0, failure == nil { failure = errno }
    return failure
}
