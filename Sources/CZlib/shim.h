#ifndef CARDIGAN_CZLIB_SHIM_H
#define CARDIGAN_CZLIB_SHIM_H
#include <zlib.h>

/* deflateInit2 is a macro, which Swift cannot call. */
static inline int cardigan_deflate_init(z_streamp stream, int level) {
    return deflateInit(stream, level);
}
#endif
