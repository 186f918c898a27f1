#include "concord_hyperscan.h"

#include <dlfcn.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Hyperscan's types and prototypes, declared here (hs.h is not needed to build Concord). */
typedef int hs_error_t;
typedef struct hs_compile_error {
    char *message;
    int expression;
} hs_compile_error_t;
typedef struct hs_expr_info {
    unsigned int min_width;
    unsigned int max_width;
    char unordered_matches;
    char matches_at_eod;
    char matches_only_at_eod;
} hs_expr_info_t;
typedef int (*match_event_handler)(unsigned int id, unsigned long long from,
                                   unsigned long long to, unsigned int flags, void *context);
#define HS_SUCCESS 0
#define HS_MODE_BLOCK 1u
#define HS_UNBOUNDED_WIDTH UINT_MAX

static struct {
    const char *(*version)(void);
    hs_error_t (*valid_platform)(void);
    hs_error_t (*compile_multi)(const char *const *, const unsigned int *, const unsigned int *,
                                unsigned int, unsigned int, const void *, void **,
                                hs_compile_error_t **);
    hs_error_t (*free_compile_error)(hs_compile_error_t *);
    hs_error_t (*expression_info)(const char *, unsigned int, hs_expr_info_t **,
                                  hs_compile_error_t **);
    hs_error_t (*free_database)(void *);
    hs_error_t (*serialize_database)(const void *, char **, size_t *);
    hs_error_t (*deserialize_database)(const char *, size_t, void **);
    hs_error_t (*alloc_scratch)(const void *, void **);
    hs_error_t (*free_scratch)(void *);
    hs_error_t (*scan)(const void *, const char *, unsigned int, unsigned int, void *,
                       match_event_handler, void *);
} hs;

static pthread_once_t once = PTHREAD_ONCE_INIT;
static const char *requested_name;
static int loaded;
static char load_error[512];

static void load(void) {
    const char *name = requested_name ? requested_name : "libhs.so.5";
    void *library = dlopen(name, RTLD_NOW | RTLD_LOCAL);
    if (!library) {
        const char *why = dlerror();
        snprintf(load_error, sizeof load_error, "%s", why ? why : name);
        return;
    }
#define RESOLVE(field, symbol)                                                          \
    do {                                                                                \
        *(void **)(&hs.field) = dlsym(library, symbol);                                 \
        if (!hs.field) {                                                                \
            snprintf(load_error, sizeof load_error, "%s has no %s", name, symbol);      \
            return;                                                                     \
        }                                                                               \
    } while (0)
    RESOLVE(version, "hs_version");
    RESOLVE(valid_platform, "hs_valid_platform");
    RESOLVE(compile_multi, "hs_compile_multi");
    RESOLVE(free_compile_error, "hs_free_compile_error");
    RESOLVE(expression_info, "hs_expression_info");
    RESOLVE(free_database, "hs_free_database");
    RESOLVE(serialize_database, "hs_serialize_database");
    RESOLVE(deserialize_database, "hs_deserialize_database");
    RESOLVE(alloc_scratch, "hs_alloc_scratch");
    RESOLVE(free_scratch, "hs_free_scratch");
    RESOLVE(scan, "hs_scan");
#undef RESOLVE
    if (hs.valid_platform() != HS_SUCCESS) {
        snprintf(load_error, sizeof load_error, "%s cannot run on this processor", name);
        return;
    }
    loaded = 1;
}

int concord_hs_load(const char *name) {
    if (name && *name) {
        /* Only the first call's name is used (pthread_once runs load once). */
        static char copy[4096];
        if (!requested_name) {
            snprintf(copy, sizeof copy, "%s", name);
            requested_name = copy;
        }
    }
    pthread_once(&once, load);
    return loaded;
}

const char *concord_hs_version(void) { return loaded ? hs.version() : ""; }

const char *concord_hs_load_error(void) { return load_error; }

void *concord_hs_compile(const char *const *patterns, const unsigned int *flags,
                         const unsigned int *ids, unsigned int count,
                         int *failed, char *message, int capacity) {
    if (failed) *failed = -1;
    if (message && capacity > 0) message[0] = 0;
    if (!loaded || !patterns || !flags || !ids || count == 0) return NULL;
    void *database = NULL;
    hs_compile_error_t *error = NULL;
    if (hs.compile_multi(patterns, flags, ids, count, HS_MODE_BLOCK, NULL, &database, &error) ==
        HS_SUCCESS) {
        return database;
    }
    if (error) {
        if (failed) *failed = error->expression;
        if (message && capacity > 0) snprintf(message, (size_t)capacity, "%s", error->message);
        hs.free_compile_error(error);
    }
    return NULL;
}

int64_t concord_hs_max_width(const char *pattern, unsigned int flags) {
    if (!loaded || !pattern) return -1;
    hs_expr_info_t *info = NULL;
    hs_compile_error_t *error = NULL;
    if (hs.expression_info(pattern, flags, &info, &error) != HS_SUCCESS) {
        if (error) hs.free_compile_error(error);
        return -1;
    }
    int64_t width = info->max_width == HS_UNBOUNDED_WIDTH ? (int64_t)UINT32_MAX : info->max_width;
    free(info); /* allocated with the misc allocator, malloc by default */
    return width;
}

void concord_hs_free_database(void *database) {
    if (loaded && database) hs.free_database(database);
}

int concord_hs_serialize(const void *database, char **bytes, size_t *length) {
    if (!loaded || !database || !bytes || !length) return -1;
    return hs.serialize_database(database, bytes, length) == HS_SUCCESS ? 0 : -1;
}

void *concord_hs_deserialize(const char *bytes, size_t length) {
    if (!loaded || !bytes) return NULL;
    void *database = NULL;
    if (hs.deserialize_database(bytes, length, &database) != HS_SUCCESS) return NULL;
    return database;
}

void *concord_hs_alloc_scratch(const void *database) {
    if (!loaded || !database) return NULL;
    void *scratch = NULL;
    if (hs.alloc_scratch(database, &scratch) != HS_SUCCESS) return NULL;
    return scratch;
}

void concord_hs_free_scratch(void *scratch) {
    if (loaded && scratch) hs.free_scratch(scratch);
}

typedef struct {
    uint32_t *matches;
    int64_t capacity;
    int64_t count;
} collected;

static int on_match(unsigned int id, unsigned long long from, unsigned long long to,
                    unsigned int flags, void *context) {
    (void)from;
    (void)flags;
    collected *c = context;
    if (c->count < c->capacity) {
        c->matches[2 * c->count] = id;
        c->matches[2 * c->count + 1] = (uint32_t)to;
    }
    c->count += 1;
    return 0;
}

int64_t concord_hs_scan(const void *database, void *scratch, const char *text, size_t length,
                        uint32_t *matches, int64_t capacity) {
    if (!loaded || !database || !scratch || (!text && length > 0) || length > UINT_MAX) return -1;
    if (!matches) capacity = 0;
    collected c = {matches, capacity, 0};
    if (hs.scan(database, text ? text : "", (unsigned int)length, 0, scratch, on_match, &c) !=
        HS_SUCCESS) {
        return -1;
    }
    return c.count;
}
