internal import CLibgit2
import Foundation

extension Repository {
    /// The signature in commit `id`'s `gpgsig` header and the bytes it signs (the commit without
    /// that header); nil when the commit is not signed.
    public func commitSignature(_ id: ObjectID) throws -> (signature: String, signedData: String)? {
        var signature = git_buf()
        var data = git_buf()
        defer {
            git_buf_dispose(&signature)
            git_buf_dispose(&data)
        }
        var oid = id.oid
        let code = git_commit_extract_signature(&signature, &data, pointer, &oid, nil)
        if code == GIT_ENOTFOUND.rawValue { return nil }
        try check(code, "git_commit_extract_signature", reference: id.hex)
        return (signature.ptr.map { String(cString: $0) } ?? "", data.ptr.map { String(cString: $0) } ?? "")
    }
}
