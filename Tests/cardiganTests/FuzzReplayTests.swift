import Foundation
import TestSupport
import Testing

/// The fuzz targets, replayed in the normal build on the seeds `scripts/fuzz.sh` starts from: a
/// target that crashes on its own seeds would make every fuzz run report that first.
@Suite struct FuzzReplayTests {
    static var replayer: String {
        (PackagePaths.cardigan as NSString).deletingLastPathComponent + "/cardigan-fuzz"
    }

    @Test(arguments: [
        "yaml", "validator", "listed-fields", "json", "schema", "tag-message", "checkpoint", "pre-receive", "trailers",
    ])
    func everyTargetRunsItsSeeds(target: String) throws {
        let scratch = try ScratchRepository()
        let seeds: [String]
        switch target {
        case "yaml", "validator", "listed-fields":
            seeds = try FileManager.default.contentsOfDirectory(atPath: PackagePaths.exampleCards).map {
                PackagePaths.exampleCards + "/" + $0
            }
        case "json", "schema": seeds = [PackagePaths.root + "/templates/model-card.schema.json"]
        default:
            try scratch.write("seed.txt", "Card: a\nCard-Version: 2\n\n0000 1111 refs/heads/main\nbranch x y\n")
            seeds = [scratch.path + "/seed.txt"]
        }
        let result = try ProcessResult.run(
            [Self.replayer] + seeds, in: scratch.path,
            environment: ["CARDIGAN_FUZZ_TARGET": target, "CARDIGAN_FUZZ_REPO": scratch.path])
        #expect(result.status == 0, "\(result.error)")
    }
}
