internal import CLibgit2

/// A git object looked up by libgit2 — a commit, or a tree (`git_tree_free` is `git_object_free`)
/// — owned and freed in `deinit`.
final class LoadedObject {
    let pointer: OpaquePointer

    init(pointer: OpaquePointer) {
        self.pointer = pointer
    }

    deinit {
        git_object_free(pointer)
    }
}
