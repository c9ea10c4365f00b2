#ifndef LABELDESK_CSQLITE_SHIM_H
#define LABELDESK_CSQLITE_SHIM_H
/* SQLite's C API for Interchange's GeoPackage writer and Store's process-wide setting (the system libsqlite3-dev). */
#include <sqlite3.h>

/* SQLITE_TRANSIENT is a cast macro Swift cannot import: copy bound text and blobs. */
static inline sqlite3_destructor_type labeldesk_sqlite_transient(void) { return SQLITE_TRANSIENT; }

/* sqlite3_config is variadic, which Swift cannot call. Memory statistics off: with them on,
   every allocation SQLite makes takes one process-wide mutex, which two connections busy at
   once (a sync writing, the lead's refresh reading) then wait on. Only before SQLite's first
   use; later it returns SQLITE_MISUSE and changes nothing. */
static inline int labeldesk_sqlite_without_memory_statistics(void) { return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); }
#endif
