# ladderc build: files, reproducibility, atomicity (tests/build_test.sh).
add_test(NAME build/site COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/build_test.sh $<TARGET_FILE:ladderc>
  ${PROJECT_SOURCE_DIR})
set_tests_properties(build/site PROPERTIES TIMEOUT 120)

# Golden sites: every tests/site-golden/CASE/cmd is one test (tests/site_golden.sh).
file(GLOB LADDERC_SITE_GOLDEN_CMDS CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/site-golden/*/cmd)
list(SORT LADDERC_SITE_GOLDEN_CMDS)
foreach(cmd ${LADDERC_SITE_GOLDEN_CMDS})
  get_filename_component(case_dir ${cmd} DIRECTORY)
  get_filename_component(case ${case_dir} NAME)
  add_test(NAME site-golden/${case}
           COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/site_golden.sh $<TARGET_FILE:ladderc> ${case_dir})
  set_tests_properties(site-golden/${case} PROPERTIES TIMEOUT 30)
endforeach()
