# Every recipe of docs/ci.md, run (tests/ci_recipes_test.sh). Label "install":
# the install and .deb recipes install and pack the build.
find_program(LADDERC_BASH bash)
find_program(LADDERC_PYTHON3 python3)
if(LADDERC_BASH AND LADDERC_PYTHON3)
  add_test(NAME ci/recipes COMMAND ${LADDERC_BASH} ${CMAKE_CURRENT_SOURCE_DIR}/ci_recipes_test.sh
    ${PROJECT_SOURCE_DIR} ${PROJECT_BINARY_DIR} $<TARGET_FILE:ladderc>)
  set_tests_properties(ci/recipes PROPERTIES LABELS "ci;install" TIMEOUT 300 SKIP_RETURN_CODE 77
    RESOURCE_LOCK ladderc-build-dir)
endif()
