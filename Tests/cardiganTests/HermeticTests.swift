import Foundation
import TestSupport
import Testing

/// What a developer's machine has must not change what a test sees: a `core.hooksPath` or a
/// signing setup in `~/.gitconfig` once made hook tests fail.
@Suite struct HermeticTests {
    @Test func spawnedProcessesSeeOnlyTheTestHomeAndTheRepositorysOwnConfiguration() throws {
        let repo = try CardRepo()
        let environment = try repo.repo.run(["sh", "-c", "echo \"$HOME|$GIT_CONFIG_GLOBAL|$GIT_CONFIG_NOSYSTEM\""])
        #expect(
            environment.output
                == "\(TestEnvironment.home)|\(TestEnvironment.home)/.gitconfig|1\n")
        // Every setting git sees comes from the repository's own .git/config.
        let origins = try repo.git("config", "--show-origin", "--list").split(separator: "\n")
        #expect(!origins.isEmpty)
        #expect(origins.allSatisfy { $0.hasPrefix("file:.git/config") }, "\(origins)")
        #expect(try repo.repo.run(["git", "config", "--global", "--list"]).output.isEmpty)
        // And this process, which reads configuration through libgit2, uses the same home.
        #expect(ProcessInfo.processInfo.environment["HOME"] == TestEnvironment.home)
    }

    @Test func theSeedIsFixedForARunAndGeneratorsDifferPerTest() {
        var one = TestSeed.generator("one")
        var again = TestSeed.generator("one")
        var other = TestSeed.generator("other")
        let first = one.next()
        #expect(first == again.next())
        #expect(first != other.next())
    }
}
