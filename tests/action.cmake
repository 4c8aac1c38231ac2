# The GitHub Action's steps, run as the runner runs them (tests/action_test.sh).
find_program(LADDERC_BASH bash)
find_program(LADDERC_PYTHON3 python3)
if(LADDERC_BASH AND LADDERC_PYTHON3)
  add_test(NAME ci/github-action COMMAND ${LADDERC_BASH} ${CMAKE_CURRENT_SOURCE_DIR}/action_test.sh
    ${PROJECT_SOURCE_DIR} $<TARGET_FILE:ladderc>)
  set_tests_properties(ci/github-action PROPERTIES LABELS ci TIMEOUT 120 SKIP_RETURN_CODE 77)
endif()
