import Foundation
import TestSupport
import Testing

/// cardigan reads git's configuration from the files git's environment names
/// (`GIT_CONFIG_GLOBAL`, `GIT_CONFIG_SYSTEM`, `GIT_CONFIG_NOSYSTEM`), as `git` does; `git var`
/// and `git verify-commit` are the oracles.
@Suite struct ConfigEnvironmentTests {
    /// A home folder whose `.gitconfig` names Carl (or is absent), and a global file elsewhere
    /// naming Gina, in a card repository with no identity of its own.
    final class Setup {
        let repo: CardRepo
        let home: String
        let global: String

        init(carlAtHome: Bool, global text: String) throws {
            repo = try CardRepo()
            try repo.git("config", "--unset", "user.name")
            try repo.git("config", "--unset", "user.email")
            home = repo.path + "/.test-home"
            global = repo.path + "/.test-global"
            try FileManager.default.createDirectory(atPath: home + "/.config", withIntermediateDirectories: true)
            if carlAtHome {
                try Data("[user]\n\tname = Carl\n\temail = carl@example.com\n".utf8).write(
                    to: URL(fileURLWithPath: home + "/.gitconfig"))
            }
            try Data(text.utf8).write(to: URL(fileURLWithPath: global))
            try repo.write(".git/info/exclude", ".test-home\n.test-global\n.signers\n")
        }

        /// The environment both git and cardigan run in.
        func environment(_ extra: [String: String] = [:]) -> [String: String] {
            var variables = [
                "HOME": home, "XDG_CONFIG_HOME": home + "/.config", "GIT_CONFIG_GLOBAL": global,
                "GIT_CONFIG_NOSYSTEM": "1",
            ]
            for (key, value) in extra { variables[key] = value }
            return variables
        }

        /// `git var GIT_AUTHOR_IDENT` without its date: `Name <email>`.
        func gitIdentity(_ extra: [String: String] = [:]) throws -> String {
            let ident = try repo.repo.git("var", "GIT_AUTHOR_IDENT", environment: environment(extra))
            return String(ident.prefix(through: ident.lastIndex(of: ">") ?? ident.startIndex))
        }
    }

    static let gina = "[user]\n\tname = Gina\n\temail = gina@example.com\n"

    @Test(arguments: [true, false]) func commitsAsTheIdentityGitConfigGlobalNames(carlAtHome: Bool) throws {
        let setup = try Setup(carlAtHome: carlAtHome, global: Self.gina)
        #expect(try setup.gitIdentity() == "Gina <gina@example.com>")
        try setup.repo.write("cards/a.yaml", CardRepo.card("a"))
        try setup.repo.cardigan("commit", "-m", "a", environment: setup.environment()).checked()
        #expect(
            try setup.repo.git("log", "-1", "--format=%an <%ae>\n%cn <%ce>")
                == "\(try setup.gitIdentity())\n\(try setup.gitIdentity())\n")
        // The honest twin: pointed at the home file, git and cardigan both name Carl (or nobody).
        let home = ["GIT_CONFIG_GLOBAL": setup.home + "/.gitconfig"]
        try setup.repo.edit("cards/a.yaml", replacing: "Predicts churn.", with: "Predicts churn well.")
        let result = try setup.repo.cardigan("commit", "-m", "a v2", environment: setup.environment(home))
        if carlAtHome {
            try result.checked()
            #expect(try setup.gitIdentity(home) == "Carl <carl@example.com>")
            #expect(try setup.repo.git("log", "-1", "--format=%an <%ae>") == "Carl <carl@example.com>\n")
        } else {
            setup.repo.expect(result, status: 2, saying: "no author identity")
        }
    }

    @Test func aSystemFileIsReadFromGitConfigSystemAndDroppedByNoSystem() throws {
        let setup = try Setup(carlAtHome: false, global: "")
        let system = ["GIT_CONFIG_SYSTEM": setup.global, "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "0"]
        try Data(Self.gina.utf8).write(to: URL(fileURLWithPath: setup.global))
        #expect(try setup.gitIdentity(system) == "Gina <gina@example.com>")
        try setup.repo.write("cards/a.yaml", CardRepo.card("a"))
        try setup.repo.cardigan("commit", "-m", "a", environment: setup.environment(system)).checked()
        #expect(try setup.repo.git("log", "-1", "--format=%an <%ae>") == "Gina <gina@example.com>\n")
        var noSystem = system
        noSystem["GIT_CONFIG_NOSYSTEM"] = "yes"
        try setup.repo.edit("cards/a.yaml", replacing: "Predicts churn.", with: "Predicts churn well.")
        let result = try setup.repo.cardigan("commit", "-m", "a v2", environment: setup.environment(noSystem))
        setup.repo.expect(result, status: 2, saying: "no author identity")
    }

    @Test func refusesOpenPGPSigningAskedForByGitConfigGlobal() throws {
        let setup = try Setup(
            carlAtHome: true, global: Self.gina + "[commit]\n\tgpgsign = true\n[gpg]\n\tformat = openpgp\n")
        try setup.repo.write("cards/a.yaml", CardRepo.card("a"))
        let result = try setup.repo.cardigan("commit", "-m", "a", environment: setup.environment())
        setup.repo.expect(
            result, status: 2, saying: "cardigan signs commits only with SSH keys, so nothing was committed")
        #expect(try setup.repo.git("tag", "-l") == "")
        // The honest twin: the same file without commit.gpgsign commits, unsigned.
        try Data((Self.gina + "[gpg]\n\tformat = openpgp\n").utf8).write(to: URL(fileURLWithPath: setup.global))
        try setup.repo.cardigan("commit", "-m", "a", environment: setup.environment()).checked()
        #expect(try setup.repo.git("tag", "-l") == "cards/a/v1\n")
        #expect(try setup.repo.git("log", "-1", "--format=%G?") == "N\n")
    }

    @Test(.enabled(if: TestTools.sshKeygen, "needs ssh-keygen (openssh-client; scripts/bootstrap.sh)"))
    func signsWithTheSSHKeyGitConfigGlobalNames() throws {
        let keys = try SSHTestKeys()
        let key = try keys.make("signer", type: "ed25519")
        let setup = try Setup(
            carlAtHome: true,
            global: Self.gina + "[commit]\n\tgpgsign = true\n[gpg]\n\tformat = ssh\n[user]\n\tsigningkey = \(key)\n")
        try setup.repo.write("cards/a.yaml", CardRepo.card("a"))
        let environment = setup.environment(["SSH_AUTH_SOCK": ""])
        try setup.repo.cardigan("commit", "-m", "a", environment: environment).checked()
        try setup.repo.write(".signers", "gina@example.com \(try keys.publicKey("signer"))\n")
        let verified = try setup.repo.repo.run(
            ["git", "-c", "gpg.ssh.allowedSignersFile=.signers", "verify-commit", "HEAD"], environment: environment)
        #expect(verified.status == 0, "\(verified.error)")
        #expect(verified.error.contains("Good \"git\" signature for gina@example.com"), "\(verified.error)")
    }
}
