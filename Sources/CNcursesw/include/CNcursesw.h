// ncursesw for the terminal adapter, loaded with dlopen when the workbench starts.
//
// Why: a linked libncursesw (and libtinfo) is loaded and relocated at every start of renkei,
// although only the full-screen workbench draws with it — ~0.5 M instructions and ~35 page
// faults of each `renkei list` (issue 19's fixed cost). So the header gives curses' types and
// constants (cchar_t, MEVENT, KEY_*) and every function RenkeiTerminal calls as a renkei_ wrapper
// over a pointer found with dlsym; nothing links against ncurses, so a direct call to a curses
// function does not link — the adapter cannot slip back into loading it at start. Swift 6
// refuses C globals (stdscr, COLS …), and SwiftPM drops pkg-config's -D flags, which is why the
// wide-char macros and the accessors live here too.
#ifndef RENKEI_CNCURSESW_H
#define RENKEI_CNCURSESW_H
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <stddef.h>
#include <wchar.h>
#include <ncursesw/curses.h>

/// Loads libncursesw once. 0 when it is there; otherwise -1 with the loader's reason in `reason`.
int renkei_curses_load(char *reason, size_t size);

WINDOW *renkei_initscr(void);
int renkei_endwin(void);
void renkei_raw_keys(void);            // raw(), noecho(), nonl(), keypad and intrflush on stdscr
int renkei_has_colors(void);
void renkei_start_default_colors(void); // start_color() and use_default_colors()
void renkei_enable_mouse(void);         // mouseinterval(0) and the buttons renkei_mouse_kind reads
int renkei_curs_set(int visibility);
void renkei_set_escdelay(int ms);
int renkei_resizeterm(int lines, int columns);
void renkei_timeout(int ms);
int renkei_get_wch(wint_t *wch);
int renkei_getmouse(MEVENT *event);
void renkei_erase(void);
void renkei_move(int y, int x);
void renkei_refresh(void);              // wnoutrefresh(stdscr) and doupdate()
void renkei_clear_on_next_refresh(void);
int renkei_init_pair(short pair, short fg, short bg);
int renkei_setcchar(cchar_t *cell, const wchar_t *chars, attr_t attrs, short pair);
/// Puts a cell at (y, x); `insert` for the bottom-right corner, where adding would scroll.
void renkei_put(int y, int x, const cchar_t *cell, int insert);

int renkei_cols(void);
int renkei_lines(void);
int renkei_colors(void);
int renkei_color_pairs(void);

int renkei_wcwidth(wchar_t c);
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
static inline int renkei_mouse_kind(mmask_t b) {
    if (b & BUTTON4_PRESSED) return 2;
    if (b & BUTTON5_PRESSED) return 3;
    if (b & (BUTTON1_PRESSED | BUTTON1_CLICKED)) return 1;
    return 0;
}
#endif
