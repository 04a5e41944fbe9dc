/// The C allocator's own state.
enum Allocator {
    /// Gives the pages of freed memory back to the system. glibc keeps the memory a program frees
    /// for its next allocations, and counts it in the resident size until then; a command that
    /// lets go of a large table before building the next one (a whole-history `verify`) calls
    /// this in between, so its peak is what it holds, not what it once held.
    static func releaseFreePages() {
        #if os(Linux)
            _ = glibcMallocTrim(0)
        #endif
    }
}

#if os(Linux)
    // `<malloc.h>` is not part of Swift's Glibc module.
    @_silgen_name("malloc_trim")
    private func glibcMallocTrim(_ pad: Int) -> Int32
#endif
