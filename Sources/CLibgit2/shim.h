#ifndef CARDIGAN_CLIBGIT2_SHIM_H
#define CARDIGAN_CLIBGIT2_SHIM_H
#include <git2.h>
#include <git2/sys/refs.h>

/* git_libgit2_opts is variadic, which Swift cannot call: a fixed-argument wrapper per option. */
static inline int cardigan_enable_fsync_gitdir(int enabled) {
    return git_libgit2_opts(GIT_OPT_ENABLE_FSYNC_GITDIR, enabled);
}
#endif
