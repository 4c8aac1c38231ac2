# What `cmake --install` puts under the prefix: the command and its manual
# page, and the library for C and C++ programs (docs/library.md): the public
# headers, ladderc.pc for pkg-config, and a CMake package for
# find_package(ladderc) that gives the target ladderc::ladderc.
include(CMakePackageConfigHelpers)

install(TARGETS ladderc RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES ${PROJECT_SOURCE_DIR}/docs/ladderc.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)

# The public headers, named one by one: any other header (src/*.h) is internal.
set(LADDERC_PUBLIC_HEADERS arena.h assess.h buf.h diag.h diag_output.h diff.h emit.h import.h init.h ladder.h ladderc.h
  lint.h load.h site.h speed.h)
list(TRANSFORM LADDERC_PUBLIC_HEADERS PREPEND ${PROJECT_SOURCE_DIR}/include/ladderc/)
list(APPEND LADDERC_PUBLIC_HEADERS ${PROJECT_BINARY_DIR}/include/ladderc/version.h)
install(FILES ${LADDERC_PUBLIC_HEADERS} DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/ladderc)

install(TARGETS libladderc EXPORT ladderc-targets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

# The CMake package. A static library hands libyaml, libm and threads on to
# the program's link, so its config file finds them (libyaml through
# pkg-config, as this build does); a shared library needs none of them.
set(LADDERC_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/ladderc)
if(BUILD_SHARED_LIBS)
  set(LADDERC_STATIC OFF)
else()
  set(LADDERC_STATIC ON)
endif()
install(EXPORT ladderc-targets NAMESPACE ladderc:: DESTINATION ${LADDERC_CMAKE_DIR})
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/ladderc-config.cmake.in
  ${PROJECT_BINARY_DIR}/ladderc-config.cmake INSTALL_DESTINATION ${LADDERC_CMAKE_DIR})
# Before 1.0 a new minor version may break programs: only the same MAJOR.MINOR matches.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/ladderc-config-version.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/ladderc-config.cmake
  ${PROJECT_BINARY_DIR}/ladderc-config-version.cmake DESTINATION ${LADDERC_CMAKE_DIR})

# ladderc.pc. Its prefix is found from where the file lies (${pcfiledir}), so
# `cmake --install BUILD --prefix DIR` gives a correct file for any DIR. A
# shared library names its own dependencies; a static one lists them for the
# program's link, so that `pkg-config --libs ladderc` links without --static.
set(LADDERC_PC_DIR ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
file(RELATIVE_PATH LADDERC_PC_TO_PREFIX /prefix/${LADDERC_PC_DIR} /prefix)
string(REGEX REPLACE "/$" "" LADDERC_PC_TO_PREFIX "${LADDERC_PC_TO_PREFIX}")
foreach(dir LIBDIR INCLUDEDIR)
  if(IS_ABSOLUTE "${CMAKE_INSTALL_${dir}}")
    set(LADDERC_PC_${dir} "${CMAKE_INSTALL_${dir}}")
  else()
    set(LADDERC_PC_${dir} "\${prefix}/${CMAKE_INSTALL_${dir}}")
  endif()
endforeach()
if(LADDERC_STATIC)
  set(LADDERC_PC_REQUIRES "Requires: yaml-0.1")
  set(LADDERC_PC_LIBS "Libs: -L\${libdir} -lladderc -pthread")
else()
  set(LADDERC_PC_REQUIRES "Requires.private: yaml-0.1")
  set(LADDERC_PC_LIBS "Libs: -L\${libdir} -lladderc\nLibs.private: -pthread")
endif()
configure_file(${PROJECT_SOURCE_DIR}/cmake/ladderc.pc.in ${PROJECT_BINARY_DIR}/ladderc.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/ladderc.pc DESTINATION ${LADDERC_PC_DIR})

# Shell completions, where bash-completion and zsh look for them.
install(FILES ${PROJECT_SOURCE_DIR}/completions/ladderc.bash
  DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME ladderc)
install(FILES ${PROJECT_SOURCE_DIR}/completions/_ladderc DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)
