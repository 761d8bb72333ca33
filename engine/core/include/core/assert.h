#pragma once
/// Programmer errors abort with the condition, file and line; bad input uses Result instead.
#include <cstdio>
#include <cstdlib>

#define CD_ASSERT(cond, msg)                                                                  \
    do {                                                                                      \
        if (!(cond)) {                                                                        \
            std::fprintf(stderr, "%s:%d: assertion failed: %s (%s)\n", __FILE__, __LINE__,  \
                         #cond, msg);                                                         \
            std::abort();                                                                     \
        }                                                                                     \
    } while (0)
