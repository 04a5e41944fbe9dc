import CardiganKit

/// What `cardigan --version` prints: cardigan's version and the libgit2 it runs on.
enum Versions {
    static var text: String { "cardigan \(Cardigan.version) (libgit2 \(Cardigan.libgit2Version))" }

    /// Whether `arguments` are `--version` alone, after any leading `-C <dir>` and `--no-color`.
    static func isRequested(in arguments: [String]) -> Bool {
        var rest = arguments[...]
        while let first = rest.first {
            if first == "-C" {
                rest = rest.dropFirst(2)
            } else if (first.hasPrefix("-C") && first.count > 2) || first == "--no-color" {
                rest = rest.dropFirst()
            } else {
                break
            }
        }
        return Array(rest) == ["--version"]
    }
}
