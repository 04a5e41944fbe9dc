import Foundation

/// What a build left in the output folder: each page's input key and the SHA-256 of its
/// bytes, and the catalog facts of each card. A rebuild renders only the pages whose key
/// changed and writes only the files whose bytes changed.
struct SiteManifest: Codable, Equatable, Sendable {
    /// One file of the site.
    struct Entry: Codable, Equatable, Sendable {
        /// The SHA-256 of everything the page is made from (empty for pages always rendered).
        var key: String
        /// The SHA-256 of the file's bytes.
        var sha256: String
    }

    /// The manifest's own format; another one is not read.
    static let format = 1
    /// The manifest's file name in the output folder.
    static let fileName = ".cardigan-site.json"

    /// The format of this manifest.
    var format = Self.format
    /// The commit the site was built from.
    var commit = ""
    /// Every file, by path.
    var pages: [String: Entry] = [:]
    /// The catalog facts of each card's latest version.
    var cards: [String: CardFacts] = [:]

    /// The manifest of the previous build in `folder`, nil for a new or empty folder. A folder
    /// with other files and no manifest is refused: the build would mix with, or later delete,
    /// files it did not make.
    static func load(folder: String) throws -> SiteManifest? {
        let files = FileManager.default
        var isDirectory: ObjCBool = false
        guard files.fileExists(atPath: folder, isDirectory: &isDirectory) else { return nil }
        guard isDirectory.boolValue else { throw CardiganError("'\(folder)' exists and is not a folder") }
        if let data = files.contents(atPath: folder + "/" + fileName) {
            guard let manifest = try? JSONDecoder().decode(SiteManifest.self, from: data),
                manifest.format == Self.format
            else {
                throw CardiganError(
                    "'\(folder)/\(fileName)' is not a site manifest this cardigan reads",
                    hint: "build into an empty folder, or delete the folder first")
            }
            try manifest.checkPaths(folder: folder)
            try refuseLinkedFolders(in: folder)
            return manifest
        }
        let contents = (try? files.contentsOfDirectory(atPath: folder)) ?? []
        guard contents.isEmpty else {
            throw CardiganError(
                "'\(folder)' holds files that are not a cardigan site (no \(fileName))",
                hint: "build into an empty or new folder")
        }
        return nil
    }

    /// Refuses a manifest naming a file outside the folder (absolute, `..`, `.` or empty
    /// components): a rebuild deletes the files of the previous build that it no longer makes,
    /// and a manifest restored from a CI cache is input like any other.
    private func checkPaths(folder: String) throws {
        for path in pages.keys.sorted() {
            let parts = path.split(separator: "/", omittingEmptySubsequences: false)
            let inside =
                !path.isEmpty && !path.contains("\0") && !path.contains("\\")
                && parts.allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
            guard inside else {
                throw CardiganError(
                    "'\(folder)/\(Self.fileName)' names '\(path)', which is not a file inside the site",
                    hint: "the manifest was changed by hand or by a tool: delete the folder and build again")
            }
        }
    }

    /// Refuses a folder of the site that is a symbolic link: pages written or deleted under
    /// it would land outside the output folder. A build never makes links.
    private static func refuseLinkedFolders(in folder: String, below relative: String = "") throws {
        let path = relative.isEmpty ? folder : folder + "/" + relative
        guard let directory = opendir(path) else { return }
        defer { closedir(directory) }
        var folders: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            guard name != ".", name != ".." else { continue }
            let child = relative.isEmpty ? name : relative + "/" + name
            var type = entry.pointee.d_type
            if type == UInt8(DT_UNKNOWN) {
                var info = stat()
                guard lstat(folder + "/" + child, &info) == 0 else { continue }
                let format = info.st_mode & S_IFMT
                type = format == S_IFLNK ? UInt8(DT_LNK) : format == S_IFDIR ? UInt8(DT_DIR) : UInt8(DT_REG)
            }
            if type == UInt8(DT_LNK) {
                throw CardiganError(
                    "'\(folder)/\(child)' is a symbolic link: a site build writes and deletes only inside its folder",
                    hint: "remove the link, or build into an empty or new folder")
            }
            if type == UInt8(DT_DIR) { folders.append(child) }
        }
        for child in folders { try refuseLinkedFolders(in: folder, below: child) }
    }

    /// The manifest as JSON with sorted keys: the same site gives the same bytes.
    func encoded() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        return Array(try encoder.encode(self)) + [UInt8(ascii: "\n")]
    }
}

/// Keys of the pages' inputs: a page whose key is unchanged need not be rendered again.
enum SiteKeys {
    /// The SHA-256 of `parts`, each ended by a zero byte.
    static func key(_ parts: [String]) -> String {
        var data = Data()
        for part in parts {
            data.append(contentsOf: Array(part.utf8))
            data.append(0)
        }
        return CardDigest.sha256Hex(data)
    }

    /// What a diff page shows of `timeline`: not what superseded it, so a new version leaves
    /// the diffs before it alone.
    static func diffText(of timeline: VersionTimeline) -> String {
        let made = timeline.madeIn
        return
            "\(timeline.card)\n\(timeline.version)\n\(timeline.digest)\n\(timeline.status.rawValue)\n\(made?.author ?? "")\n\(made?.time ?? 0)\n\(SiteHistory.contentCommit(of: timeline))\n"
    }

    /// Everything a page shows of `timeline`.
    static func text(of timeline: VersionTimeline) -> String {
        var out =
            "\(timeline.card)\n\(timeline.version)\n\(timeline.digest)\n\(timeline.modelPackage ?? "")\n\(timeline.supersededBy ?? 0)\n\(timeline.supersededAt ?? 0)\n"
        for event in timeline.events {
            out +=
                "\(event.status.rawValue)\t\(event.change.rawValue)\t\(event.author)\t\(event.email)\t\(event.time)\t\(event.commit)\t\(event.summary)\n"
        }
        return out
    }
}
