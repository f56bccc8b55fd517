#ifndef CSQLITE_SHIM_H
#define CSQLITE_SHIM_H
#include <sqlite3.h>

// SQLITE_TRANSIENT is a macro casting -1 to a function pointer, which Swift
// cannot import; this gives it a name Swift can call.
static inline sqlite3_destructor_type csqlite_transient(void) {
    return SQLITE_TRANSIENT;
}
// sqlite3_db_config is variadic, which Swift cannot call; this passes one flag.
static inline int csqlite_db_config_flag(sqlite3 *db, int op, int value) {
    return sqlite3_db_config(db, op, value, (int *)0);
}
// sqlite3_config is variadic too; this passes one int (SQLITE_CONFIG_MEMSTATUS).
static inline int csqlite_config_int(int op, int value) {
    return sqlite3_config(op, value);
}
#endif
