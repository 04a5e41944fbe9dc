import CardiganKit

/// What `cardigan --version` prints: cardigan's version and the libgit2 it runs on.
enum Versions {
    static var text: String { "cardigan \(Cardigan.version) (libgit2 \(Cardigan.libgit2Version))" }
}
