# ladderc as a real git diff driver: a temporary repository with a committed
# ladder, a change to it, `git diff` with diff.ladder.command configured, and
# the output compared with tests/diff/git/expected.gitdiff. Skipped (77)
# without git.
add_test(NAME diff/git-driver
  COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/diff_git.sh $<TARGET_FILE:ladderc> ${CMAKE_CURRENT_SOURCE_DIR}/diff/git)
set_tests_properties(diff/git-driver PROPERTIES TIMEOUT 60 SKIP_RETURN_CODE 77)
