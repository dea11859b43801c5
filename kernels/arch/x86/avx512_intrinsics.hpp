#pragma once
// <immintrin.h> for the AVX-512 translation units, included before xsimd (whose
// own include of it is then a no-op). GCC 12's AVX-512 intrinsics initialise
// their "undefined" vectors from themselves, which -Wuninitialized reports
// wherever they inline (GCC bug 105593, fixed in GCC 13); these pragmas
// silence it for that header only.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wuninitialized"
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <immintrin.h>
#pragma GCC diagnostic pop
