import Foundation
import TestSupport

@testable import CardiganKit

/// The smallest valid card the history tests commit again and again.
enum MinimalCard {
    /// A Low-risk Draft card named `name`, its description `description`.
    static func text(_ name: String, _ description: String = "First revision.") -> String {
        "name: \(name)\nstatus: Draft\nmodel_overview:\n  model_name: \(name)\n  model_description: \(description)\n"
            + "intended_uses:\n  risk_rating: Low\n"
    }
}

extension ScratchRepository {
    /// A store opened afresh, as a new process opens it: its read counters start at zero.
    /// `cached: false` reads without the caches under `.git/cardigan`, as a fresh clone does.
    func openedStore(cached: Bool = true) throws -> CardStore {
        let store = try CardStore(discoveringFrom: path, environment: TestEnvironment.processEnvironment())
        store.usesSnapshotCache = cached
        return store
    }

    /// The path of cache file `name` under `.git/cardigan`.
    func cacheFile(_ name: String) -> String { path + "/.git/cardigan/" + name }
}
