# Shell completions against the binary (tests/completion.sh); the zsh half
# skips where zsh is missing.
add_test(NAME completion COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/completion.sh $<TARGET_FILE:ladderc> ${PROJECT_SOURCE_DIR})
set_tests_properties(completion PROPERTIES TIMEOUT 60 SKIP_RETURN_CODE 77)
