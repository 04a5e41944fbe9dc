#if canImport(Glibc)
    import Glibc
#endif

/// The C allocator's own state.
enum Allocator {
    /// Gives the pages of freed memory back to the system. glibc keeps the memory a program frees
    /// for its next allocations, and counts it in the resident size until then; a command that
    /// lets go of a large table before building the next one (a whole-history `verify`) calls
    /// this in between, so its peak is what it holds, not what it once held. Nothing where the C
    /// library has no `malloc_trim` (musl).
    static func releaseFreePages() {
        #if canImport(Glibc)
            _ = mallocTrim?(0)
        #endif
    }

    #if canImport(Glibc)
        /// glibc's `malloc_trim`, looked up at run time: `<malloc.h>` is not part of Swift's Glibc
        /// module, and a C library without it still links.
        private static let mallocTrim: (@convention(c) (Int) -> Int32)? = {
            guard let symbol = dlsym(nil, "malloc_trim") else { return nil }  // nil: RTLD_DEFAULT
            return unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)
        }()
    #endif
}
