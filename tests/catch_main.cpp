// Catch2's main, built from its header. Debian's prebuilt Catch2WithMain is a
// static library of the host's architecture only, so a cross build (aarch64)
// could not link it.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
