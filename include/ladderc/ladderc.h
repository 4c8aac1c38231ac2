/* ladderc — the whole public interface in one header.
 *
 *   #include <ladderc/ladderc.h>
 *
 * Build against it with `pkg-config --cflags --libs ladderc`, or in CMake with
 * find_package(ladderc) and the target ladderc::ladderc (docs/library.md).
 * Every name it declares starts with ladder (the model's type, ladder_ for the
 * rest) or lc_; constants and macros with LADDER_, LC_ or LADDERC_. */
#ifndef LADDERC_LADDERC_H
#define LADDERC_LADDERC_H

#ifdef __cplusplus
extern "C" {
#endif

#include "ladderc/arena.h"
#include "ladderc/assess.h"
#include "ladderc/buf.h"
#include "ladderc/diag.h"
#include "ladderc/diag_output.h"
#include "ladderc/diff.h"
#include "ladderc/emit.h"
#include "ladderc/import.h"
#include "ladderc/init.h"
#include "ladderc/ladder.h"
#include "ladderc/lint.h"
#include "ladderc/load.h"
#include "ladderc/site.h"
#include "ladderc/speed.h"
#include "ladderc/version.h"

#ifdef __cplusplus
}
#endif

#endif
