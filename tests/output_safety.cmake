# Hostile text rendered in every format and view, parsed back
# (tests/output_safety.py; skipped without python3).
find_program(LADDERC_PYTHON3 python3)
if(LADDERC_PYTHON3)
  add_test(NAME output/safety COMMAND ${LADDERC_PYTHON3} ${CMAKE_CURRENT_SOURCE_DIR}/output_safety.py
    $<TARGET_FILE:ladderc>)
  set_tests_properties(output/safety PROPERTIES TIMEOUT 900 LABELS output)
endif()
