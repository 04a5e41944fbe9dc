import Foundation

/// What every process a test starts sees: a home folder of its own, an empty global git
/// configuration and no system one, so a developer's `~/.gitconfig` (a `core.hooksPath`, a
/// signing key, an `init.defaultBranch`) cannot change what a test observes.
public enum TestEnvironment {
    /// A fresh folder for this test run, used as `HOME`; it holds an empty `.gitconfig`, and is
    /// removed when the process exits (``ExitCleanup``).
    public static let home: String = {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("cardigan-home-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
            .path
        ExitCleanup.remove(atExit: path)
        try? FileManager.default.createDirectory(atPath: path + "/.config", withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: path + "/.gitconfig", contents: Data())
        return path
    }()

    /// The variables set for every spawned process (and for this one, before libgit2 first
    /// reads its configuration).
    public static var variables: [String: String] {
        [
            "HOME": home,
            "GIT_CONFIG_GLOBAL": home + "/.gitconfig",
            "GIT_CONFIG_NOSYSTEM": "1",
            "XDG_CONFIG_HOME": home + "/.config",
            "NO_COLOR": "1",
        ]
    }

    /// The environment of a spawned process: this one's, with ``variables`` and then `extra` on top.
    public static func processEnvironment(_ extra: [String: String] = [:]) -> [String: String] {
        isolateThisProcess()
        var environment = ProcessInfo.processInfo.environment
        for (key, value) in variables { environment[key] = value }
        for (key, value) in extra { environment[key] = value }
        return environment
    }

    private static let isolated: Bool = {
        // Tests that call CardiganKit in-process read git configuration through libgit2, which
        // finds the global file from HOME when first used: point it at the empty one.
        for (key, value) in variables { setenv(key, value, 1) }
        return true
    }()

    /// Points this process's HOME and git configuration at ``home``; done once, before any test
    /// repository is made.
    public static func isolateThisProcess() {
        _ = isolated
    }
}

/// Randomness in tests comes from one seed per run, printed, and taken from
/// `CARDIGAN_TEST_SEED` when set, so a failing run can be replayed exactly.
public enum TestSeed {
    /// The run's seed.
    public static let value: UInt64 = {
        let given = ProcessInfo.processInfo.environment["CARDIGAN_TEST_SEED"].flatMap { UInt64($0) }
        let seed = given ?? UInt64.random(in: 1...UInt64(UInt32.max))
        print("test seed: \(seed) (replay with CARDIGAN_TEST_SEED=\(seed))")
        return seed
    }()

    /// A generator for one test, derived from the run's seed and the test's `name`, so tests
    /// running in parallel do not share a stream.
    public static func generator(_ name: String) -> SeededGenerator {
        var mixed = value
        for byte in name.utf8 { mixed = (mixed ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return SeededGenerator(seed: mixed)
    }
}

/// SplitMix64: small, fast and the same on every platform.
public struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    /// A generator starting from `seed`.
    public init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
