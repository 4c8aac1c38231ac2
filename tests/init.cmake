# ladderc init: tests/init.sh runs the cases under tests/golden/init/.
add_test(NAME init COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/init.sh $<TARGET_FILE:ladderc> ${PROJECT_SOURCE_DIR})
set_tests_properties(init PROPERTIES TIMEOUT 60)
