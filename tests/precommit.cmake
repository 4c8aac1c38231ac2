# The pre-commit hook (.pre-commit-hooks.yaml), run as pre-commit runs it.
add_test(NAME precommit COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/precommit.sh $<TARGET_FILE:ladderc> ${PROJECT_SOURCE_DIR})
set_tests_properties(precommit PROPERTIES TIMEOUT 60 SKIP_RETURN_CODE 77)
