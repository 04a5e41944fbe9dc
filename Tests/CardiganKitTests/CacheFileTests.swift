import Foundation
import Testing

@testable import CardiganKit

/// ``CacheFile/Writer`` writes a cache's records as they are made (a cold `verify` of 100,000
/// versions no longer holds the file's bytes beside the snapshots, issue 18): the file it makes
/// is byte for byte the file's layout made in one piece, a reader sees the old file or the new one,
/// never half of one, and a writer that never finishes leaves nothing behind.
@Suite struct CacheFileTests {
    private func scratchFolder() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("cache-file-\(UUID().uuidString)").path
    }

    /// Records of every length from 0 to 299 bytes: over 256 KiB in all, so the writer flushes
    /// several times and the checksum is carried across chunks.
    private let records: [[UInt8]] = (0..<5000).map { index in
        (0..<(index % 300)).map { UInt8(truncatingIfNeeded: index &* 31 &+ $0) }
    }

    @Test func recordsWrittenOneByOneMakeTheFileOfTheWholeBody() throws {
        let folder = scratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let header = Array("test 1\n".utf8)
        let streamed = CacheFile(path: folder + "/streamed", header: header, enabled: true)
        let body = records.flatMap { $0 }
        #expect(body.count > 2 * CacheFile.Writer.chunk)
        // The layout in one piece: header, count (32-bit) and checksum of the body (64-bit), body.
        var wholeBytes = header
        withUnsafeBytes(of: UInt32(records.count).littleEndian) { wholeBytes.append(contentsOf: $0) }
        withUnsafeBytes(of: CacheFile.checksum(body).littleEndian) { wholeBytes.append(contentsOf: $0) }
        wholeBytes += body

        let writer = try #require(streamed.writer())
        // As a cache writes the records it loaded, in one piece, then appends what it learned.
        writer.write(records.prefix(100).flatMap { $0 })
        for record in records.dropFirst(100) {
            writer.bytes += record
            writer.recordEnded()
        }
        writer.finish(count: records.count)

        #expect(FileManager.default.contents(atPath: streamed.path) == Data(wholeBytes))
        let loaded = try #require(streamed.load())
        #expect(loaded.body == body && loaded.count == records.count)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["streamed"])
    }

    @Test func aReaderSeesTheOldFileUntilTheWriterFinishes() throws {
        let folder = scratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = CacheFile(path: folder + "/cache", header: Array("test 1\n".utf8), enabled: true)
        let first = try #require(file.writer())
        first.write([1, 2, 3])
        first.finish(count: 1)
        let writer = try #require(file.writer())
        writer.bytes += records.flatMap { $0 }
        writer.recordEnded()  // on disk, under the writer's own name
        #expect(file.load()?.body == [1, 2, 3])
        writer.finish(count: records.count)
        #expect(file.load()?.count == records.count)
    }

    @Test func aWriterNeverFinishedLeavesNothingBehind() throws {
        let folder = scratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = CacheFile(path: folder + "/cache", header: Array("test 1\n".utf8), enabled: true)
        do {
            let writer = try #require(file.writer())
            writer.bytes += records.flatMap { $0 }
            writer.recordEnded()
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder).count == 1, "the temporary file")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
        #expect(file.load() == nil)
        let disabled = CacheFile(path: folder + "/cache", header: [], enabled: false)
        #expect(disabled.writer() == nil, "--no-cache writes nothing")
    }
}
