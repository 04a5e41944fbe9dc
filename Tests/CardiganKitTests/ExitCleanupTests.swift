import Foundation
import TestSupport
import Testing

/// A test process removes what lives as long as it does (``ExitCleanup``): the home folder of
/// ``TestEnvironment/home`` was left in the temporary folder by every test process (370 were
/// found in `/tmp`), as were the shared site's repository and the shared MLflow server's store.
@Suite struct ExitCleanupTests {
    /// This test binary, run again for one small suite with a temporary folder of its own: once
    /// it has exited, that folder is empty.
    @Test func aTestProcessLeavesNoHomeFolderBehind() throws {
        let binary = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        let temporary = FileManager.default.temporaryDirectory
            .appendingPathComponent("cardigan-exit-\(UUID().uuidString.prefix(12))").path
        try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: temporary) }
        let child = try ProcessResult.run(
            [binary, "--testing-library", "swift-testing", "--filter", "ObjectReadingTests"], in: temporary,
            environment: ["TMPDIR": temporary + "/"])
        #expect(child.status == 0, "\(child.output)\(child.error)")
        // The honest twin: the child did make its home (and a scratch repository) there.
        #expect(child.output.contains("ObjectReadingTests") || child.error.contains("ObjectReadingTests"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary) == [])
    }
}
