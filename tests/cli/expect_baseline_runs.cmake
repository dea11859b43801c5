# run against a per-machine baselines directory BASELINES (removed first), in
# the order a new machine meets it: --save-baseline records this machine's
# entry and the index; a second run picks that entry; a copy whose only entry
# is made another machine's gives timings not compared (exit 0, a warning
# line naming this machine and --save-baseline), and --strict-env refuses it
# (exit 2, one line).
# ARGS are the small run options, SCRATCH a directory for the results.
file(REMOVE_RECURSE "${BASELINES}" "${SCRATCH}")

function(smp_run expected_status out_dir)
  execute_process(COMMAND ${EXE} -q run ${ARGS} --output-dir "${SCRATCH}/${out_dir}" ${ARGN}
                  RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT status EQUAL expected_status)
    message(FATAL_ERROR "run ${ARGN}: expected exit status ${expected_status}, got ${status}\nstderr: ${err}")
  endif()
  set(stderr "${err}" PARENT_SCOPE)
endfunction()

smp_run(0 saved --baselines-dir "${BASELINES}" --save-baseline --no-baseline)
file(READ "${BASELINES}/index.json" index)
string(JSON entries LENGTH "${index}" entries)
string(JSON folder GET "${index}" entries 0 folder)
if(NOT entries EQUAL 1)
  message(FATAL_ERROR "index.json lists ${entries} entries, expected 1:\n${index}")
endif()
foreach(name enhanced-profile-report.json enhanced-profile-report.md allocation-profile.json allocation-profile.txt)
  if(NOT EXISTS "${BASELINES}/${folder}/${name}")
    message(FATAL_ERROR "--save-baseline did not write ${folder}/${name}")
  endif()
endforeach()

smp_run(0 same_machine --baselines-dir "${BASELINES}" --report-only)
file(READ "${SCRATCH}/same_machine/README.md" readme)
string(FIND "${readme}" "this machine's entry `${folder}`" found)
if(found EQUAL -1 OR stderr MATCHES "no baseline for this machine")
  message(FATAL_ERROR "the second run did not pick this machine's entry:\n${readme}\nstderr: ${stderr}")
endif()

# Another machine's entry: the same reports, relabelled in the index and the profile alike.
set(other "${SCRATCH}/other-baselines")
file(COPY "${BASELINES}/" DESTINATION "${other}")
string(JSON index SET "${index}" entries 0 cpu_model "\"Another CPU\"")
file(WRITE "${other}/index.json" "${index}")
file(READ "${other}/${folder}/enhanced-profile-report.json" profile)
string(JSON profile SET "${profile}" context cpu_model "\"Another CPU\"")
file(WRITE "${other}/${folder}/enhanced-profile-report.json" "${profile}")

smp_run(0 other_machine --baselines-dir "${other}")
if(NOT stderr MATCHES "\\[warning\\] no baseline for this machine \\(.+\\) in [^\n]+--save-baseline")
  message(FATAL_ERROR "expected a warning line naming this machine and --save-baseline, got:\n${stderr}")
endif()
file(READ "${SCRATCH}/other_machine/current-vs-baseline-comparison.json" comparison)
string(JSON method GET "${comparison}" gate method)
if(NOT method STREQUAL "not_comparable")
  message(FATAL_ERROR "the gate's method is ${method}, expected not_comparable")
endif()

smp_run(2 strict --baselines-dir "${other}" --strict-env)
string(STRIP "${stderr}" stderr)
if(NOT stderr MATCHES "index.json: has no baseline for this machine" OR stderr MATCHES "\n"
   OR EXISTS "${SCRATCH}/strict")
  message(FATAL_ERROR "--strict-env did not refuse before writing: ${stderr}")
endif()
