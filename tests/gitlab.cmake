# The GitLab CI template's jobs and the Code Quality report (tests/gitlab_test.sh).
find_program(LADDERC_BASH bash)
find_program(LADDERC_PYTHON3 python3)
if(LADDERC_BASH AND LADDERC_PYTHON3)
  add_test(NAME ci/gitlab-template COMMAND ${LADDERC_BASH} ${CMAKE_CURRENT_SOURCE_DIR}/gitlab_test.sh
    ${PROJECT_SOURCE_DIR} $<TARGET_FILE:ladderc>)
  set_tests_properties(ci/gitlab-template PROPERTIES LABELS ci TIMEOUT 120 SKIP_RETURN_CODE 77)
endif()
