# Every HTML page of the bundled and hostile ladders through tidy (tests/html_tidy.sh);
# skipped when tidy is not installed.
add_test(NAME html/tidy COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/html_tidy.sh $<TARGET_FILE:ladderc>
  ${PROJECT_SOURCE_DIR})
set_tests_properties(html/tidy PROPERTIES TIMEOUT 120 SKIP_RETURN_CODE 77)
