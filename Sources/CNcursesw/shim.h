// The only C the project sees. Swift 6 refuses C globals as "not concurrency-safe", and
// SwiftPM drops pkg-config's -D flags, so the wide-char macros and accessors live here.
#ifndef RENKEI_CNCURSESW_SHIM_H
#define RENKEI_CNCURSESW_SHIM_H
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

static inline WINDOW *renkei_stdscr(void) { return stdscr; }
static inline int renkei_cols(void) { return COLS; }
static inline int renkei_lines(void) { return LINES; }
static inline int renkei_color_pair(int n) { return COLOR_PAIR(n); }
static inline int renkei_wcwidth(wchar_t c) { return wcwidth(c); }
#endif
