# `cmake --install`: the executable, the baselines `run` defaults to (found
# beside the executable, see app/outputs/install_layout.hpp) and, when
# help2man is present, a man page generated from the tool's own --help.
install(TARGETS smallmind-prof RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY ${CMAKE_SOURCE_DIR}/baselines/ DESTINATION ${CMAKE_INSTALL_DATADIR}/smallmind-prof/baselines)

find_program(HELP2MAN help2man)
if(HELP2MAN)
  set(man_page ${CMAKE_BINARY_DIR}/smallmind-prof.1)
  add_custom_command(OUTPUT ${man_page}
    COMMAND ${CMAKE_COMMAND} -DEXE=$<TARGET_FILE:smallmind-prof> -DHELP2MAN=${HELP2MAN} -DOUTPUT=${man_page}
            -DWORK=${CMAKE_BINARY_DIR}/man -P ${CMAKE_SOURCE_DIR}/cmake/man_page.cmake
    DEPENDS smallmind-prof ${CMAKE_SOURCE_DIR}/cmake/man_page.cmake
    COMMENT "Generating the smallmind-prof(1) man page from --help")
  add_custom_target(man ALL DEPENDS ${man_page})
  install(FILES ${man_page} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
else()
  message(STATUS "help2man not found: the man page is not built or installed (apt-get install help2man to add it)")
endif()
