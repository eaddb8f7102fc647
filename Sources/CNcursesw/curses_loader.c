// See CNcursesw.h: every curses call goes through a pointer dlsym found in libncursesw.
#define _XOPEN_SOURCE 700   // wcwidth
#include "CNcursesw.h"
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

// Member names carry f_/v_ because curses.h defines many of these names as macros too.
static struct {
    WINDOW *(*f_initscr)(void);
    int (*f_endwin)(void);
    int (*f_raw)(void);
    int (*f_noecho)(void);
    int (*f_nonl)(void);
    int (*f_keypad)(WINDOW *, bool);
    int (*f_intrflush)(WINDOW *, bool);
    bool (*f_has_colors)(void);
    int (*f_start_color)(void);
    int (*f_use_default_colors)(void);
    int (*f_mouseinterval)(int);
    mmask_t (*f_mousemask)(mmask_t, mmask_t *);
    int (*f_curs_set)(int);
    int (*f_set_escdelay)(int);
    int (*f_resizeterm)(int, int);
    void (*f_wtimeout)(WINDOW *, int);
    int (*f_wget_wch)(WINDOW *, wint_t *);
    int (*f_getmouse)(MEVENT *);
    int (*f_werase)(WINDOW *);
    int (*f_wmove)(WINDOW *, int, int);
    int (*f_wnoutrefresh)(WINDOW *);
    int (*f_doupdate)(void);
    int (*f_clearok)(WINDOW *, bool);
    int (*f_init_pair)(short, short, short);
    int (*f_setcchar)(cchar_t *, const wchar_t *, attr_t, short, const void *);
    int (*f_mvwadd_wch)(WINDOW *, int, int, const cchar_t *);
    int (*f_mvwins_wch)(WINDOW *, int, int, const cchar_t *);
    WINDOW **v_stdscr;
    int *v_cols, *v_lines, *v_colors, *v_color_pairs;
} nc;
static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static char load_failure[512];

static void *find(void *lib, const char *symbol) {
    void *p = dlsym(lib, symbol);
    if (!p && !load_failure[0]) snprintf(load_failure, sizeof load_failure, "libncursesw has no %s", symbol);
    return p;
}

static void load(void) {
    const char *names[] = { "libncursesw.so.6", "libncursesw.so" };
    void *lib = NULL;
    for (size_t i = 0; i < sizeof names / sizeof *names && !lib; i++) lib = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
    if (!lib) {
        const char *why = dlerror();
        snprintf(load_failure, sizeof load_failure, "%s", why ? why : "libncursesw.so.6 not found");
        return;
    }
#define LOAD(member, symbol) *(void **)&nc.member = find(lib, symbol)
    LOAD(f_initscr, "initscr"); LOAD(f_endwin, "endwin"); LOAD(f_raw, "raw"); LOAD(f_noecho, "noecho");
    LOAD(f_nonl, "nonl"); LOAD(f_keypad, "keypad"); LOAD(f_intrflush, "intrflush");
    LOAD(f_has_colors, "has_colors"); LOAD(f_start_color, "start_color");
    LOAD(f_use_default_colors, "use_default_colors"); LOAD(f_mouseinterval, "mouseinterval");
    LOAD(f_mousemask, "mousemask"); LOAD(f_curs_set, "curs_set"); LOAD(f_set_escdelay, "set_escdelay");
    LOAD(f_resizeterm, "resizeterm"); LOAD(f_wtimeout, "wtimeout"); LOAD(f_wget_wch, "wget_wch");
    LOAD(f_getmouse, "getmouse"); LOAD(f_werase, "werase"); LOAD(f_wmove, "wmove");
    LOAD(f_wnoutrefresh, "wnoutrefresh"); LOAD(f_doupdate, "doupdate"); LOAD(f_clearok, "clearok");
    LOAD(f_init_pair, "init_pair"); LOAD(f_setcchar, "setcchar"); LOAD(f_mvwadd_wch, "mvwadd_wch");
    LOAD(f_mvwins_wch, "mvwins_wch");
    LOAD(v_stdscr, "stdscr"); LOAD(v_cols, "COLS"); LOAD(v_lines, "LINES"); LOAD(v_colors, "COLORS");
    LOAD(v_color_pairs, "COLOR_PAIRS");
#undef LOAD
    if (load_failure[0]) memset(&nc, 0, sizeof nc);
}

int renkei_curses_load(char *reason, size_t size) {
    pthread_once(&load_once, load);
    if (nc.f_initscr) return 0;
    if (reason && size) snprintf(reason, size, "%s", load_failure);
    return -1;
}

// Everything below runs only after renkei_curses_load succeeded (Terminal's initialiser).
WINDOW *renkei_initscr(void) { return nc.f_initscr(); }
int renkei_endwin(void) { return nc.f_endwin(); }
void renkei_raw_keys(void) {
    nc.f_raw();        // Ctrl-C, Ctrl-S, Ctrl-Q arrive as keys
    nc.f_noecho();
    nc.f_nonl();       // Enter is CR (13); Ctrl-J stays 10
    nc.f_keypad(*nc.v_stdscr, TRUE);
    nc.f_intrflush(*nc.v_stdscr, FALSE);
}
int renkei_has_colors(void) { return nc.f_has_colors(); }
void renkei_start_default_colors(void) { nc.f_start_color(); nc.f_use_default_colors(); }
void renkei_enable_mouse(void) {
    nc.f_mouseinterval(0);
    nc.f_mousemask(BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
}
int renkei_curs_set(int visibility) { return nc.f_curs_set(visibility); }
void renkei_set_escdelay(int ms) { nc.f_set_escdelay(ms); }
int renkei_resizeterm(int lines, int columns) { return nc.f_resizeterm(lines, columns); }
void renkei_timeout(int ms) { nc.f_wtimeout(*nc.v_stdscr, ms); }
int renkei_get_wch(wint_t *wch) { return nc.f_wget_wch(*nc.v_stdscr, wch); }
int renkei_getmouse(MEVENT *event) { return nc.f_getmouse(event); }
void renkei_erase(void) { nc.f_werase(*nc.v_stdscr); }
void renkei_move(int y, int x) { nc.f_wmove(*nc.v_stdscr, y, x); }
void renkei_refresh(void) { nc.f_wnoutrefresh(*nc.v_stdscr); nc.f_doupdate(); }
void renkei_clear_on_next_refresh(void) { nc.f_clearok(*nc.v_stdscr, TRUE); }
int renkei_init_pair(short pair, short fg, short bg) { return nc.f_init_pair(pair, fg, bg); }
int renkei_setcchar(cchar_t *cell, const wchar_t *chars, attr_t attrs, short pair) {
    return nc.f_setcchar(cell, chars, attrs, pair, NULL);
}
void renkei_put(int y, int x, const cchar_t *cell, int insert) {
    if (insert) nc.f_mvwins_wch(*nc.v_stdscr, y, x, cell);
    else nc.f_mvwadd_wch(*nc.v_stdscr, y, x, cell);
}
int renkei_wcwidth(wchar_t c) { return wcwidth(c); }
int renkei_cols(void) { return nc.v_cols ? *nc.v_cols : 0; }
int renkei_lines(void) { return nc.v_lines ? *nc.v_lines : 0; }
int renkei_colors(void) { return *nc.v_colors; }
int renkei_color_pairs(void) { return *nc.v_color_pairs; }
