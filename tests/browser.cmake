# The published pages in headless Chromium (tests/browser/run.mjs, issue 8).
# Runs when node, tests/browser/node_modules (npm ci --prefix tests/browser)
# and /usr/bin/chromium are there; otherwise the test is reported as skipped,
# with the reason in its output (exit 77). One browser, pages in sequence:
# about a minute, so it runs on its own rather than beside other tests.
find_program(LADDERC_NODE node)
if(LADDERC_NODE)
  add_test(NAME browser
           COMMAND ${LADDERC_NODE} ${CMAKE_CURRENT_SOURCE_DIR}/browser/run.mjs
                   $<TARGET_FILE:ladderc> ${CMAKE_CURRENT_BINARY_DIR}/browser-site)
  # The checks themselves, on a page that breaks every one of them.
  add_test(NAME browser-selftest
           COMMAND ${LADDERC_NODE} ${CMAKE_CURRENT_SOURCE_DIR}/browser/run.mjs --self-test)
else()
  foreach(name browser browser-selftest)
    add_test(NAME ${name} COMMAND sh -c "echo 'SKIP: browser suite not run: node not found'; exit 77")
  endforeach()
endif()
set_tests_properties(browser browser-selftest PROPERTIES
                     SKIP_RETURN_CODE 77 TIMEOUT 900 RUN_SERIAL TRUE LABELS browser)
