# The Debian package from `make package`, unpacked and run
# (tests/package_test.sh). Label "install": it packs the build (cpack), which
# compresses a few megabytes. RESOURCE_LOCK: one test at a time installs from
# the build directory (cpack, make install).
find_program(LADDERC_BASH bash)
if(LADDERC_BASH)
  add_test(NAME install/package COMMAND ${LADDERC_BASH} ${CMAKE_CURRENT_SOURCE_DIR}/package_test.sh
    ${PROJECT_SOURCE_DIR} ${PROJECT_BINARY_DIR})
  set_tests_properties(install/package PROPERTIES LABELS install TIMEOUT 300 SKIP_RETURN_CODE 77
    RESOURCE_LOCK ladderc-build-dir)
endif()
