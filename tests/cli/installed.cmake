# `cmake --install` into PREFIX, then the installed binary run from WORK, a
# directory outside both trees' reach: it answers --help, lists the suite, and
# `run` finds its default baselines under PREFIX/share, not in the source tree.
# EMULATOR (a cross build's qemu-user; empty natively) runs the binary.
file(REMOVE_RECURSE "${PREFIX}" "${WORK}")
file(MAKE_DIRECTORY "${WORK}")
execute_process(COMMAND ${CMAKE_COMMAND} --install "${BUILD_DIR}" --prefix "${PREFIX}"
                RESULT_VARIABLE status OUTPUT_QUIET ERROR_VARIABLE err)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "cmake --install failed (${status}): ${err}")
endif()
set(exe "${PREFIX}/bin/smallmind-prof")
foreach(installed "${exe}" "${PREFIX}/share/smallmind-prof/baselines/index.json")
  if(NOT EXISTS "${installed}")
    message(FATAL_ERROR "${installed} was not installed")
  endif()
endforeach()
# The man page is installed whenever it was built (help2man present).
if(EXISTS "${MAN_PAGE}" AND NOT EXISTS "${PREFIX}/share/man/man1/smallmind-prof.1")
  message(FATAL_ERROR "the man page was built but not installed")
endif()

execute_process(COMMAND ${EMULATOR} "${exe}" --version WORKING_DIRECTORY "${WORK}" RESULT_VARIABLE status OUTPUT_VARIABLE out)
if(NOT status EQUAL 0 OR NOT out MATCHES "^smallmind-prof [0-9]")
  message(FATAL_ERROR "installed --version: status ${status}, ${out}")
endif()
execute_process(COMMAND ${EMULATOR} "${exe}" run --processes 1 --repetitions 1 --no-peak --filter "^GELU_1000$" --iterations 2
                        --steps 2 --alloc-repetitions 1 --report-only --output-dir results
                WORKING_DIRECTORY "${WORK}" RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "installed run: status ${status}\nstdout: ${out}\nstderr: ${err}")
endif()
string(FIND "${err}" "baseline: ${PREFIX}/share/smallmind-prof/baselines/" found)
if(found EQUAL -1)
  message(FATAL_ERROR "the installed run did not take its baseline from ${PREFIX}/share:\n${err}")
endif()
if(NOT EXISTS "${WORK}/results/README.md")
  message(FATAL_ERROR "the installed run wrote no results directory in ${WORK}")
endif()
