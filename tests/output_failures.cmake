# Failed writes (a full disk, a closed stdout, a closed pipe, a killed build):
# tests/output_failures.sh.
find_program(LADDERC_BASH bash)
if(LADDERC_BASH)
  add_test(NAME output/failures COMMAND ${LADDERC_BASH} ${CMAKE_CURRENT_SOURCE_DIR}/output_failures.sh
    $<TARGET_FILE:ladderc> ${CMAKE_CURRENT_BINARY_DIR}/output_failures)
  set_tests_properties(output/failures PROPERTIES TIMEOUT 600 LABELS output)
endif()
