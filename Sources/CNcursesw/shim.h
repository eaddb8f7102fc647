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
static inline int renkei_colors(void) { return COLORS; }
static inline int renkei_color_pairs(void) { return COLOR_PAIRS; }
static inline attr_t renkei_attrs(int bold, int reverse, int underline, int dim) {
    attr_t a = A_NORMAL;
    if (bold) a |= A_BOLD;
    if (reverse) a |= A_REVERSE;
    if (underline) a |= A_UNDERLINE;
    if (dim) a |= A_DIM;
    return a;
}
static inline int renkei_key_f(int n) { return KEY_F(n); }
/* Mouse: 1 click/press of button 1, 2 wheel up, 3 wheel down, 0 anything else. */
static inline mmask_t renkei_mouse_mask(void) { return BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED; }
static inline int renkei_mouse_kind(mmask_t b) {
    if (b & BUTTON4_PRESSED) return 2;
    if (b & BUTTON5_PRESSED) return 3;
    if (b & (BUTTON1_PRESSED | BUTTON1_CLICKED)) return 1;
    return 0;
}
#endif
