# The pathological suite: every tests/pathological/cases/*.case is one test
# (label "pathological"; cases with big=1 also get the label "big"). The
# runner generates the input in the build tree and holds ladderc to the
# case's CPU-time limit (cpu_seconds, default 5), with a wall-clock hang guard
# of 10 times that limit (see run.sh). TIMEOUT here is a backstop above both
# that includes generating the input: a hang guard, not a performance limit.
set(LADDERC_TEST_TIME_SCALE "" CACHE STRING
  "multiplies the pathological suite's time limits in slow builds (empty: 4 under the sanitizers, else 1)")
if(NOT "${LADDERC_TEST_TIME_SCALE}" STREQUAL "")
  set(time_scale ${LADDERC_TEST_TIME_SCALE})
elseif(LADDERC_SANITIZE)
  set(time_scale 4)
else()
  set(time_scale 1)
endif()
file(GLOB LADDERC_PATHOLOGICAL_CASES CONFIGURE_DEPENDS
  ${CMAKE_CURRENT_SOURCE_DIR}/pathological/cases/*.case)
list(SORT LADDERC_PATHOLOGICAL_CASES)
set(LADDERC_PATHOLOGICAL_ENV LADDERC_TIME_SCALE=${time_scale})
if(LADDERC_SANITIZE)
  # ASan reserves terabytes of address space (no ulimit -v).
  list(APPEND LADDERC_PATHOLOGICAL_ENV LADDERC_NO_VMLIMIT=1)
endif()
foreach(case ${LADDERC_PATHOLOGICAL_CASES})
  get_filename_component(name ${case} NAME_WE)
  add_test(NAME pathological/${name}
    COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/pathological/run.sh $<TARGET_FILE:ladderc> ${case}
      ${CMAKE_CURRENT_BINARY_DIR}/pathological)
  file(STRINGS ${case} big REGEX "^big=1")
  if(big)
    set(labels "pathological;big")
  else()
    set(labels "pathological")
  endif()
  file(STRINGS ${case} cpu_seconds REGEX "^cpu_seconds=[0-9]+$")
  string(REGEX REPLACE "^cpu_seconds=" "" cpu_seconds "${cpu_seconds}")
  if(cpu_seconds STREQUAL "")
    set(cpu_seconds 5)
  endif()
  math(EXPR backstop "10 * ${cpu_seconds} * ${time_scale} + 60")
  set_tests_properties(pathological/${name} PROPERTIES TIMEOUT ${backstop} LABELS "${labels}"
    SKIP_RETURN_CODE 77 ENVIRONMENT "${LADDERC_PATHOLOGICAL_ENV}")
endforeach()
