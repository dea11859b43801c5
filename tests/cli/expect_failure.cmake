# Runs EXE with ARGS and checks a refused command: exit status EXPECT_STATUS,
# exactly one line on stderr containing EXPECT_STDERR, and (optionally) that
# FORBID_FILE was not created. The checks are expect_compare.cmake's.
if(DEFINED FORBID_FILE)
  set(FORBID_FILES "${FORBID_FILE}")
endif()
include(${CMAKE_CURRENT_LIST_DIR}/expect_compare.cmake)
