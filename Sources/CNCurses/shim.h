#ifndef LABELDESK_CNCURSES_SHIM_H
#define LABELDESK_CNCURSES_SHIM_H

/* Wide-character functions (cchar_t, setcchar, mvadd_wch) exist only with this set. */
#define NCURSES_WIDECHAR 1
#include <ncursesw/curses.h>
#include <langinfo.h>
#include <wchar.h>
#include <stdio.h>
#include <sys/ioctl.h>

/*
 * Swift cannot see ncurses' macros and rejects its mutable globals ("not
 * concurrency-safe"), so each one the backend needs is wrapped in a function here.
 */

static inline WINDOW *ld_stdscr(void) { return stdscr; }
static inline int ld_lines(void) { return LINES; }
static inline int ld_cols(void) { return COLS; }
static inline int ld_colors(void) { return COLORS; }
static inline int ld_color_pairs(void) { return COLOR_PAIRS; }

static inline attr_t ld_attr_normal(void) { return A_NORMAL; }
static inline attr_t ld_attr_bold(void) { return A_BOLD; }
static inline attr_t ld_attr_dim(void) { return A_DIM; }
static inline attr_t ld_attr_underline(void) { return A_UNDERLINE; }
static inline attr_t ld_attr_reverse(void) { return A_REVERSE; }

/* How many wide characters one cell holds: a spacing character plus combining marks. */
static inline int ld_ccharw_max(void) { return CCHARW_MAX; }

/* Whether the current terminal's description can move the cursor anywhere (`cup`).
   tigetstr answers NULL when it is absent and (char *)-1 when it is not a string. */
static inline int ld_has_cursor_addressing(void) {
    char *cup = tigetstr("cup");
    return cup != NULL && cup != (char *)-1;
}

/* Columns the C library gives a character: ncurses moves its cursor by this. glibc
   declares wcwidth only under _XOPEN_SOURCE, so it is declared here as POSIX has it. */
int wcwidth(wchar_t character);
static inline int ld_wcwidth(wchar_t character) { return wcwidth(character); }

/* The character set of the locale in effect, such as "UTF-8" or "ANSI_X3.4-1968". */
static inline const char *ld_locale_codeset(void) { return nl_langinfo(CODESET); }

/* newterm instead of initscr: initscr exits the process when TERM is unknown. */
static inline SCREEN *ld_newterm_on_standard_streams(void) { return newterm(NULL, stdout, stdin); }

/* The window size the kernel reports for `fd`; 0 on success, -1 when unknown. */
static inline int ld_terminal_size(int fd, int *rows, int *columns) {
    struct winsize size;
    if (ioctl(fd, TIOCGWINSZ, &size) != 0 || size.ws_row == 0 || size.ws_col == 0) return -1;
    *rows = size.ws_row;
    *columns = size.ws_col;
    return 0;
}

#endif
