#ifndef LABELDESK_CSQLITE_SHIM_H
#define LABELDESK_CSQLITE_SHIM_H
/* SQLite's C API for Interchange's GeoPackage writer (the system libsqlite3-dev). */
#include <sqlite3.h>

/* SQLITE_TRANSIENT is a cast macro Swift cannot import: copy bound text and blobs. */
static inline sqlite3_destructor_type labeldesk_sqlite_transient(void) { return SQLITE_TRANSIENT; }
#endif
