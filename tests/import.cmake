# ladderc import: the Sequence table from spreadsheet and wiki exports, round
# trips through render -f csv, and -o (tests/import.sh; needs python3).
find_program(LADDERC_IMPORT_PYTHON3 python3)
if(LADDERC_IMPORT_PYTHON3)
  add_test(NAME import COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/import.sh $<TARGET_FILE:ladderc> ${PROJECT_SOURCE_DIR})
  set_tests_properties(import PROPERTIES TIMEOUT 120)
endif()
