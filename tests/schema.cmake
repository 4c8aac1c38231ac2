# The editor schema (src/schema.c): `ladderc schema` prints the committed
# docs/ladder.schema.json byte for byte (regenerate it with
# `ladderc schema > docs/ladder.schema.json`), and tests/schema_test.py checks
# it against the loader with a real validator (skipped without
# python3-jsonschema and python3-yaml).
add_test(NAME schema/committed
  COMMAND sh -c "\"$1\" schema | cmp - \"$2\"" sh $<TARGET_FILE:ladderc>
          ${PROJECT_SOURCE_DIR}/docs/ladder.schema.json)
set_tests_properties(schema/committed PROPERTIES TIMEOUT 60)
find_program(LADDERC_PYTHON3 python3)
if(LADDERC_PYTHON3)
  add_test(NAME schema/validate COMMAND ${LADDERC_PYTHON3} ${CMAKE_CURRENT_SOURCE_DIR}/schema_test.py
    $<TARGET_FILE:ladderc> ${PROJECT_SOURCE_DIR})
  set_tests_properties(schema/validate PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300)
endif()
