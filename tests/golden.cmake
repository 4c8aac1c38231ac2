# Golden tests: every tests/golden/SUITE/CASE/cmd is one ctest test.
file(GLOB LADDERC_GOLDEN_CMDS CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/golden/*/*/cmd)
list(SORT LADDERC_GOLDEN_CMDS)
foreach(cmd ${LADDERC_GOLDEN_CMDS})
  get_filename_component(case_dir ${cmd} DIRECTORY)
  file(RELATIVE_PATH name ${CMAKE_CURRENT_SOURCE_DIR} ${case_dir})
  add_test(NAME ${name} COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/golden.sh $<TARGET_FILE:ladderc> ${case_dir})
  set_tests_properties(${name} PROPERTIES TIMEOUT 30)
endforeach()
