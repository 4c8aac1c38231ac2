# ladderc build: files, reproducibility, atomicity (tests/build_test.sh).
add_test(NAME build/site COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/build_test.sh $<TARGET_FILE:ladderc>
  ${PROJECT_SOURCE_DIR})
set_tests_properties(build/site PROPERTIES TIMEOUT 120)
