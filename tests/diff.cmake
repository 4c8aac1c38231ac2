# ladderc diff: every tests/diff/CASE directory is one golden test over all
# four formats (tests/diff.sh). The git driver test is in diff_git.cmake.
file(GLOB LADDERC_DIFF_CASES CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/diff/*/expected.exit)
list(SORT LADDERC_DIFF_CASES)
foreach(marker ${LADDERC_DIFF_CASES})
  get_filename_component(case_dir ${marker} DIRECTORY)
  get_filename_component(name ${case_dir} NAME)
  add_test(NAME diff/${name} COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/diff.sh $<TARGET_FILE:ladderc> ${case_dir})
  set_tests_properties(diff/${name} PROPERTIES TIMEOUT 30)
endforeach()
