# cmocka unit tests: every tests/unit/test_*.c is one executable and one test.
pkg_check_modules(CMOCKA REQUIRED IMPORTED_TARGET cmocka)
file(GLOB LADDERC_UNIT_TESTS CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/unit/test_*.c)
list(SORT LADDERC_UNIT_TESTS)
foreach(src ${LADDERC_UNIT_TESTS})
  get_filename_component(name ${src} NAME_WE)
  add_executable(${name} ${src})
  target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR}/src
    ${CMAKE_CURRENT_SOURCE_DIR}/unit)
  target_compile_options(${name} PRIVATE ${LADDERC_WARNINGS})
  target_compile_definitions(${name} PRIVATE _XOPEN_SOURCE=700
    LADDERC_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
  # the unit tests reach into src/, whose headers may include <yaml.h>
  target_link_libraries(${name} PRIVATE libladderc PkgConfig::YAML PkgConfig::CMOCKA)
  add_test(NAME unit/${name} COMMAND ${name})
  set_tests_properties(unit/${name} PROPERTIES TIMEOUT 60
    WORKING_DIRECTORY ${CMAKE_CURRENT_SOURCE_DIR})
endforeach()
