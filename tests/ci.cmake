# The CI integrations (docs/ci.md): the GitHub Action's steps run as the
# runner runs them, the GitLab template's jobs and its Code Quality report,
# and every recipe of docs/ci.md. ci/recipes also installs and packs the
# build (label "install"); RESOURCE_LOCK: one test at a time installs from
# the build directory (cpack, make install).
find_program(LADDERC_BASH bash)
find_program(LADDERC_PYTHON3 python3)
if(LADDERC_BASH AND LADDERC_PYTHON3)
  add_test(NAME ci/github-action COMMAND ${LADDERC_BASH} ${CMAKE_CURRENT_SOURCE_DIR}/action_test.sh
    ${PROJECT_SOURCE_DIR} $<TARGET_FILE:ladderc>)
  add_test(NAME ci/gitlab-template COMMAND ${LADDERC_BASH} ${CMAKE_CURRENT_SOURCE_DIR}/gitlab_test.sh
    ${PROJECT_SOURCE_DIR} $<TARGET_FILE:ladderc>)
  add_test(NAME ci/recipes COMMAND ${LADDERC_BASH} ${CMAKE_CURRENT_SOURCE_DIR}/ci_recipes_test.sh
    ${PROJECT_SOURCE_DIR} ${PROJECT_BINARY_DIR} $<TARGET_FILE:ladderc>)
  set_tests_properties(ci/github-action ci/gitlab-template PROPERTIES LABELS ci TIMEOUT 120
    SKIP_RETURN_CODE 77)
  set_tests_properties(ci/recipes PROPERTIES LABELS "ci;install" TIMEOUT 300 SKIP_RETURN_CODE 77
    RESOURCE_LOCK ladderc-build-dir)
endif()
