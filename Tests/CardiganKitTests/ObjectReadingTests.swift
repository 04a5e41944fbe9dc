import Foundation
import TestSupport
import Testing

@testable import CardiganKit

/// Whether libgit2 hashes each object again as it reads it is decided for every command in one
/// place, ``CardStore/hashesObjectsOnRead(for:)``, beside the snapshot cache choice it follows:
/// `verify`, `log`, `list` and the pre-commit hook read as git reads (no second hash), and
/// `verify --no-cache` hashes every object. Each command used to
/// set it itself; `VerifyEndToEndTests` shows what the audit catches with it on.
@Suite struct ObjectReadingTests {
    @Test func eachCommandsHashingOfObjectsIsDecidedWithTheCacheChoice() throws {
        let scratch = try ScratchRepository()
        let store = try CardStore(discoveringFrom: scratch.path, environment: TestEnvironment.processEnvironment())
        #expect(store.usesSnapshotCache)
        #expect(!store.hashesObjectsOnRead(for: .verify))
        #expect(!store.hashesObjectsOnRead(for: .log))
        #expect(!store.hashesObjectsOnRead(for: .preCommit))
        #expect(!store.hashesObjectsOnRead(for: .list))
        // `verify --no-cache`: the audit that trusts nothing on disk but git's objects.
        store.usesSnapshotCache = false
        #expect(store.hashesObjectsOnRead(for: .verify))
        #expect(store.hashesObjectsOnRead(for: .list))
        // A store read from the protected branch's configuration keeps the choice.
        let (committed, _) = try store.onProtectedBranchConfiguration()
        #expect(committed.hashesObjectsOnRead(for: .verify))
    }
}
