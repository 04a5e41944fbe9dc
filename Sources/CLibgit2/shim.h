#ifndef CARDIGAN_CLIBGIT2_SHIM_H
#define CARDIGAN_CLIBGIT2_SHIM_H
#include <git2.h>
#include <git2/sys/refs.h>
#endif
