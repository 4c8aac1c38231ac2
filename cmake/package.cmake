# `make package` (cpack in the build directory): a Debian package of exactly
# what `cmake --install` puts under the prefix (cmake/install.cmake) — the
# command, its manual page, the library with its headers, ladderc.pc and the
# CMake package, and whatever other install rules add — installed under /usr.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME ladderc)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "the ladderc authors")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "career-ladder compiler: checks, lints and publishes YAML career ladders")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
  "ladderc reads a career ladder written in YAML (tracks, levels, competencies,
roles and promotion criteria), checks and lints it, renders it as Markdown,
HTML, CSV, text or JSON, builds a static site from it and diffs two versions.
The package also holds libladderc for C and C++ programs.")
set(CPACK_PACKAGE_CONTACT "ladderc maintainers <ladderc@example.org>")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${CPACK_PACKAGE_CONTACT}")
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_PACKAGE_DIRECTORY ${PROJECT_BINARY_DIR}/package)
# The runtime dependency on libyaml's package: dpkg-shlibdeps reads it off the
# binary where it is installed (with the version the build saw); elsewhere it
# is named by hand.
find_program(LADDERC_DPKG_SHLIBDEPS dpkg-shlibdeps)
if(LADDERC_DPKG_SHLIBDEPS)
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
else()
  set(CPACK_DEBIAN_PACKAGE_DEPENDS "libyaml-0-2, libc6")
endif()
include(CPack)
