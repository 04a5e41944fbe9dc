import Foundation

/// How cardigan signs the commits it makes when git is asked to sign them.
struct CommitSigning {
    /// The SSH key.
    let signer: SSHSigner

    /// Signs a commit's bytes as `git commit -S` does under `gpg.format=ssh`: an armored
    /// `SSHSIG` in the namespace `git`.
    func sign(_ content: String) throws -> String {
        try signer.sign(Array(content.utf8), namespace: "git").armored
    }
}

extension CardStore {
    /// The signing of cardigan's commits: nil unless git's `commit.gpgsign` is true; with
    /// `gpg.format=ssh`, `user.signingkey` signs; any other format is refused before anything is
    /// written, since cardigan signs with SSH keys only and must not write unsigned commits
    /// that the user asked git to sign.
    func commitSigning() throws -> CommitSigning? {
        guard try repository.configBool("commit.gpgsign") == true else { return nil }
        let format = try repository.configString("gpg.format") ?? "openpgp"
        guard format == "ssh" else {
            throw CardiganError(
                "git is set to sign commits (commit.gpgsign=true) with \(format == "openpgp" ? "OpenPGP" : format) (gpg.format=\(format)); cardigan signs commits only with SSH keys, so nothing was committed",
                hint:
                    "sign with an SSH key: 'git config gpg.format ssh' and 'git config user.signingkey <key>'; or commit this with 'git commit -S' and the hooks ('cardigan hook install')"
            )
        }
        guard let key = try repository.configString("user.signingkey") else {
            throw CardiganError(
                "git is set to sign commits with SSH (commit.gpgsign=true, gpg.format=ssh) but user.signingkey is not set; nothing was committed",
                hint: "git config user.signingkey ~/.ssh/id_ed25519.pub")
        }
        return CommitSigning(signer: try SSHSigner.fromGitSetting(key, home: environment["HOME"]))
    }
}
