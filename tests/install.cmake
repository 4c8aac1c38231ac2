# The installed library used from outside the tree, as C and C++, with
# pkg-config and find_package (tests/install_test.sh). Label "install": it
# compiles a few small programs and configures a CMake project.
find_program(LADDERC_BASH bash)
if(LADDERC_BASH)
  # an instrumented library needs the sanitizer runtime in the program too
  set(LADDERC_INSTALL_TEST_FLAGS "")
  if(LADDERC_SANITIZE)
    set(LADDERC_INSTALL_TEST_FLAGS "-fsanitize=address,undefined")
  endif()
  add_test(NAME install/library COMMAND ${LADDERC_BASH} ${CMAKE_CURRENT_SOURCE_DIR}/install_test.sh
    ${PROJECT_SOURCE_DIR} ${PROJECT_BINARY_DIR} $<TARGET_FILE:ladderc> "${LADDERC_INSTALL_TEST_FLAGS}")
  set_tests_properties(install/library PROPERTIES LABELS install TIMEOUT 300 SKIP_RETURN_CODE 77)
endif()
