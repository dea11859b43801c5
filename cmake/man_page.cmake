# Writes OUTPUT, the man page of EXE, with help2man: the tool's --help and
# --version, then a COMMANDS section holding each command's --help.
set(commands enhanced alloc compare ab run)
set(include_file ${WORK}/commands.h2m)
file(MAKE_DIRECTORY ${WORK})
file(WRITE ${include_file} "[COMMANDS]\n")
foreach(command IN LISTS commands)
  execute_process(COMMAND ${EXE} ${command} --help OUTPUT_VARIABLE help RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "${EXE} ${command} --help exited with ${status}")
  endif()
  # roff: a backslash starts an escape, and a line starting with a dot or a
  # quote would be read as a request.
  string(REPLACE "\\" "\\e" help "${help}")
  string(REGEX REPLACE "(^|\n)([.'])" "\\1\\\\&\\2" help "${help}")
  file(APPEND ${include_file} ".SS ${command}\n.nf\n${help}.fi\n")
endforeach()
execute_process(COMMAND ${HELP2MAN} --no-info --name "profiles a small GPT and its SIMD kernels, and gates regressions"
                        --include ${include_file} --output ${OUTPUT} ${EXE}
                RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "help2man failed on ${EXE} (status ${status})")
endif()
