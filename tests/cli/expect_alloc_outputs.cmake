# Runs EXE with ARGS (the alloc command and its options) into a fresh
# OUTPUT_DIR (removed first, so its creation is tested too) and checks: exit
# status 0, both reports written, the text report complete, the JSON versioned.
file(REMOVE_RECURSE "${OUTPUT_DIR}")
execute_process(COMMAND ${EXE} ${ARGS} --output-dir "${OUTPUT_DIR}"
                RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "expected exit status 0, got ${status}\nstderr: ${err}")
endif()
foreach(name allocation-profile.txt allocation-profile.json)
  if(NOT EXISTS "${OUTPUT_DIR}/${name}")
    message(FATAL_ERROR "${OUTPUT_DIR}/${name} was not written\nstderr: ${err}")
  endif()
endforeach()
file(READ "${OUTPUT_DIR}/allocation-profile.txt" text)
foreach(line "--- MatMul Backward Pass Allocation Profile ---" "--- Training Workload Allocation Profile ---"
             "=== Profiling Complete ===")
  string(FIND "${text}" "${line}" found)
  if(found EQUAL -1)
    message(FATAL_ERROR "allocation-profile.txt lacks '${line}':\n${text}")
  endif()
endforeach()
file(READ "${OUTPUT_DIR}/allocation-profile.json" json)
string(JSON version GET "${json}" schema_version)
if(NOT version EQUAL 1)
  message(FATAL_ERROR "allocation-profile.json has schema_version ${version}, expected 1")
endif()
