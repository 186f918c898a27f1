#define _GNU_SOURCE
#include "concord_pdf_loader.h"

#include <dlfcn.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#ifdef __APPLE__
#include <mach-o/dyld.h>
#endif

#ifdef __APPLE__
#define LIBRARY_NAME "libConcordPDF.dylib"
#else
#define LIBRARY_NAME "libConcordPDF.so"
#endif

static pthread_once_t once = PTHREAD_ONCE_INIT;
static concord_pdf_api api;
static int loaded;
static char load_error[1024];

const char *concord_pdf_library_name(void) { return LIBRARY_NAME; }

/* The folder of `path` (resolved through symbolic links) joined with the library's name;
   0 when it does not fit or cannot be resolved. */
static int beside(const char *path, char *out, size_t capacity) {
    char resolved[PATH_MAX];
    if (!path || !realpath(path, resolved)) return 0;
    char *slash = strrchr(resolved, '/');
    if (!slash) return 0;
    slash[1] = 0;
    int n = snprintf(out, capacity, "%s%s", resolved, LIBRARY_NAME);
    return n > 0 && (size_t)n < capacity;
}

static void *try_open(const char *path, char *tried, size_t capacity) {
    void *library = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (!library) {
        const char *why = dlerror();
        size_t used = strlen(tried);
        if (used < capacity) snprintf(tried + used, capacity - used, "%s%s", used ? "; " : "", why ? why : path);
    }
    return library;
}

static void load(void) {
    char tried[sizeof load_error] = "";
    char path[PATH_MAX + 64];
    void *library = NULL;
    const char *named = getenv("CONCORD_PDF_LIBRARY");
    if (named && *named) {
        library = try_open(named, tried, sizeof tried);
    } else {
#ifdef __APPLE__
        char executable[PATH_MAX];
        uint32_t size = sizeof executable;
        const char *self = _NSGetExecutablePath(executable, &size) == 0 ? executable : NULL;
#else
        const char *self = "/proc/self/exe";
#endif
        if (beside(self, path, sizeof path)) library = try_open(path, tried, sizeof tried);
        Dl_info info;
        char other[PATH_MAX + 64];
        if (!library && dladdr((void *)&concord_pdf_load, &info) && info.dli_fname
            && beside(info.dli_fname, other, sizeof other) && strcmp(other, path) != 0) {
            library = try_open(other, tried, sizeof tried);
        }
        if (!library) library = try_open(LIBRARY_NAME, tried, sizeof tried);
    }
    if (!library) {
        snprintf(load_error, sizeof load_error, "%s", tried);
        return;
    }
    int32_t (*abi)(void);
    *(void **)&abi = dlsym(library, "concord_pdf_abi");
    if (!abi || abi() != CONCORD_PDF_ABI) {
        snprintf(load_error, sizeof load_error, "%s is from another build of Concord (ABI %d, %d expected)",
                 LIBRARY_NAME, abi ? (int)abi() : 0, CONCORD_PDF_ABI);
        return;
    }
#define RESOLVE(field, symbol)                                                            \
    if (!(*(void **)&api.field = dlsym(library, symbol))) {                               \
        snprintf(load_error, sizeof load_error, "%s lacks %s", LIBRARY_NAME, symbol);     \
        return;                                                                            \
    }
    RESOLVE(open, "concord_pdf_open")
    RESOLVE(close, "concord_pdf_close")
    RESOLVE(page_count, "concord_pdf_page_count")
    RESOLVE(page_size, "concord_pdf_page_size")
    RESOLVE(page_words, "concord_pdf_page_words")
    RESOLVE(free, "concord_pdf_free")
#undef RESOLVE
    loaded = 1;
}

const concord_pdf_api *concord_pdf_load(char *message, int64_t capacity) {
    pthread_once(&once, load);
    if (message && capacity > 0) message[0] = 0;
    if (loaded) return &api;
    if (message && capacity > 0) snprintf(message, (size_t)capacity, "%s", load_error);
    return NULL;
}
