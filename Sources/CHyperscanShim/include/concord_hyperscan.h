/*
 * The C shim between Concord and Hyperscan's C API (the library Vectorscan and Intel
 * Hyperscan both ship as libhs.so.5, with the same API).
 *
 * The library is not linked: it is opened with dlopen at run time and the few functions
 * used are looked up by name, with their prototypes declared in shim.c. So Concord builds on
 * a machine without the library (no header, no .so needed) and, where it cannot be loaded,
 * runs its ICU-only path (concord_hs_load returns 0).
 *
 * Every pointer is checked; every buffer comes with its capacity.
 */
#ifndef CONCORD_HYPERSCAN_H
#define CONCORD_HYPERSCAN_H

#include <stddef.h>
#include <stdint.h>

/* Hyperscan's pattern flags (hs_compile.h). */
#define CONCORD_HS_FLAG_CASELESS 1u
#define CONCORD_HS_FLAG_UTF8 32u
#define CONCORD_HS_FLAG_UCP 64u
#define CONCORD_HS_FLAG_PREFILTER 128u
#define CONCORD_HS_FLAG_SOM_LEFTMOST 256u

/* Opens the library (`name`: a file name or path for dlopen; NULL: libhs.so.5) once per
 * process and checks the machine can run it (hs_valid_platform). 1 when usable, 0 when not;
 * later calls return the first answer (the name of a later call is not used). */
int concord_hs_load(const char *name);

/* The library's version string ("5.4.9 2023-03-23"); "" when not loaded. */
const char *concord_hs_version(void);

/* Why the library could not be loaded (dlerror's text, or the missing function); "" when
 * it was. */
const char *concord_hs_load_error(void);

/* Compiles `count` NUL-terminated UTF-8 patterns, with their flags and ids, into one
 * block-mode database. On success returns the database and sets *failed to -1. On failure
 * returns NULL, sets *failed to the index of the pattern refused (-1 when the failure is not
 * one pattern's) and copies the message into `message` (capacity bytes, NUL-terminated). */
void *concord_hs_compile(const char *const *patterns, const unsigned int *flags,
                         const unsigned int *ids, unsigned int count,
                         int *failed, char *message, int capacity);

/* The longest match a pattern can have, in bytes (UINT32_MAX when unbounded), read with
 * hs_expression_info; -1 when the library refuses the pattern. */
int64_t concord_hs_max_width(const char *pattern, unsigned int flags);

void concord_hs_free_database(void *database);

/* Serializes a database into a malloc'ed buffer (*bytes, *length); freed with free().
 * 0 on success. */
int concord_hs_serialize(const void *database, char **bytes, size_t *length);

/* A database from serialized bytes; NULL when they are not one this library can run. */
void *concord_hs_deserialize(const char *bytes, size_t length);

/* Scratch space for scanning with a database (one per concurrent scan). NULL on failure. */
void *concord_hs_alloc_scratch(const void *database);
void concord_hs_free_scratch(void *scratch);

/* Scans `length` bytes of UTF-8 with a database and writes every match as (id, end offset)
 * pairs into `matches` (2 * capacity entries). Returns the number of matches (may exceed
 * capacity: then only the first capacity were written, call again with more room), or -1
 * on an error. */
int64_t concord_hs_scan(const void *database, void *scratch, const char *text, size_t length,
                        uint32_t *matches, int64_t capacity);

#endif
