# The pathological suite: every tests/pathological/cases/*.case is one test
# (label "pathological"; cases with big=1 also get the label "big"). The
# runner generates the input in the build tree and enforces the case's own
# time limit; TIMEOUT here is a backstop that includes generating the input.
file(GLOB LADDERC_PATHOLOGICAL_CASES CONFIGURE_DEPENDS
  ${CMAKE_CURRENT_SOURCE_DIR}/pathological/cases/*.case)
list(SORT LADDERC_PATHOLOGICAL_CASES)
set(LADDERC_PATHOLOGICAL_ENV "")
if(LADDERC_SANITIZE)
  # ASan reserves terabytes of address space (no ulimit -v) and runs slower.
  list(APPEND LADDERC_PATHOLOGICAL_ENV LADDERC_NO_VMLIMIT=1 LADDERC_TIME_SCALE=4)
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
  set_tests_properties(pathological/${name} PROPERTIES TIMEOUT 60 LABELS "${labels}"
    SKIP_RETURN_CODE 77 ENVIRONMENT "${LADDERC_PATHOLOGICAL_ENV}")
endforeach()
