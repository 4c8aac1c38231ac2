# ladderc build --since: the changes pages and the marks (tests/build_since.sh).
add_test(NAME build/since COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/build_since.sh $<TARGET_FILE:ladderc>
  ${PROJECT_SOURCE_DIR})
set_tests_properties(build/since PROPERTIES TIMEOUT 60)
