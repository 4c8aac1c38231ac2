# ladderc assess -o: atomic, mode 0600, nothing written on invalid input (tests/assess.sh).
add_test(NAME assess COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/assess.sh $<TARGET_FILE:ladderc> ${PROJECT_SOURCE_DIR})
set_tests_properties(assess PROPERTIES TIMEOUT 60)
