# Runs EXE with ARGS in a fresh WORK directory and checks that each produced
# file in OUTPUTS is byte-identical to its expected copy in EXPECTED_DIR, and
# stdout to EXPECTED_DIR/NAME.stdout. A JSON output that differs in bytes
# passes when NEAR_TOOL finds the same values (its numbers to a relative
# 1e-12: platforms' maths libraries differ in the last bits). With
# SHAPE_TOOL, each output is first reduced to its JSON shape (for reports
# whose values are measured), less the lines in MACHINE_OPTIONAL (fields only
# some machines have).
# UPDATE=ON rewrites the expected files instead (after an intended change).
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")
execute_process(COMMAND ${EXE} ${ARGS} WORKING_DIRECTORY "${WORK}"
                RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT status EQUAL EXPECT_STATUS)
  message(FATAL_ERROR "expected exit status ${EXPECT_STATUS}, got ${status}\nstderr: ${err}")
endif()
set(actual_files "")
if(NOT SHAPE_TOOL)
  file(WRITE "${WORK}/${NAME}.stdout" "${out}")
  list(APPEND actual_files "${NAME}.stdout")
endif()
foreach(output IN LISTS OUTPUTS)
  if(NOT EXISTS "${WORK}/${output}")
    message(FATAL_ERROR "${output} was not written\nstderr: ${err}")
  endif()
  if(SHAPE_TOOL)
    execute_process(COMMAND ${SHAPE_TOOL} "${WORK}/${output}" OUTPUT_FILE "${WORK}/${output}.shape"
                    RESULT_VARIABLE shape_status)
    if(NOT shape_status EQUAL 0)
      message(FATAL_ERROR "${output} is not valid JSON")
    endif()
    file(READ "${WORK}/${output}.shape" shape)
    foreach(line IN LISTS MACHINE_OPTIONAL)
      string(REPLACE "${line}\n" "" shape "${shape}")
    endforeach()
    file(WRITE "${WORK}/${output}.shape" "${shape}")
    list(APPEND actual_files "${output}.shape")
  else()
    list(APPEND actual_files "${output}")
  endif()
endforeach()
foreach(file IN LISTS actual_files)
  set(expected "${EXPECTED_DIR}/${NAME}/${file}")
  if(UPDATE)
    file(MAKE_DIRECTORY "${EXPECTED_DIR}/${NAME}")
    file(COPY_FILE "${WORK}/${file}" "${expected}")
    continue()
  endif()
  execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files "${WORK}/${file}" "${expected}" RESULT_VARIABLE differs)
  if(differs AND file MATCHES "\\.json$")
    execute_process(COMMAND ${NEAR_TOOL} "${expected}" "${WORK}/${file}" RESULT_VARIABLE differs)
  endif()
  if(differs)
    execute_process(COMMAND diff -u "${expected}" "${WORK}/${file}" OUTPUT_VARIABLE delta)
    message(FATAL_ERROR "${file} differs from ${expected}:\n${delta}")
  endif()
endforeach()
