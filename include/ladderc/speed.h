/* ladderc — one switch for every speed-only path.
 *
 * The library's plain path is serial: file -> events -> tree -> model ->
 * output, as libyaml and cmark are. For big inputs it also has paths that
 * only make it faster (a second parse thread, streaming roles, giving pages
 * back, lint and HTML worker threads, removing an old site on several
 * threads); each lives in a file of its own (src/NAME_threads.c, src/stream*.c,
 * src/source_file.c) and produces the same bytes as the plain path.
 *
 * lc_set_serial(1) switches all of them off at once, so that the plain path
 * runs alone: the fuzzer compares the two, and a user who suspects a speed
 * path can rule it out (the command line reads LADDERC_SERIAL=1). */
#ifndef LADDERC_SPEED_H
#define LADDERC_SPEED_H

#ifdef __cplusplus
extern "C" {
#endif

/* Process-wide; set it before any other ladderc call, not while one runs. */
void lc_set_serial(int serial);
/* 1 when every speed-only path is off. */
int lc_serial(void);

#ifdef __cplusplus
}
#endif

#endif
