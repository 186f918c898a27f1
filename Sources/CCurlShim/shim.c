#include "concord_curl.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

/* libcurl's few prototypes and option numbers, declared here (curl.h is not needed to build
   Concord; these numbers are part of libcurl's stable ABI). */
typedef int CURLcode;
#define CURLE_OK 0
#define CURLOPT_WRITEFUNCTION 20011
#define CURLOPT_URL 10002
#define CURLOPT_FOLLOWLOCATION 52
#define CURLOPT_MAXREDIRS 68
#define CURLOPT_NOSIGNAL 99
#define CURLOPT_TIMEOUT_MS 155
#define CURLOPT_CONNECTTIMEOUT_MS 156
#define CURLOPT_HTTPGET 80
#define CURLINFO_RESPONSE_CODE 0x200002
#define CURL_GLOBAL_DEFAULT 3L

static struct {
    CURLcode (*global_init)(long);
    void *(*easy_init)(void);
    CURLcode (*easy_setopt)(void *, int, ...);
    CURLcode (*easy_perform)(void *);
    CURLcode (*easy_getinfo)(void *, int, ...);
    void (*easy_cleanup)(void *);
    const char *(*easy_strerror)(CURLcode);
} curl;

static pthread_once_t once = PTHREAD_ONCE_INIT;
static int loaded;
static char load_error[512];

/* libcurl is opened only when a symbol is looked up online: linked into the binary, it (and
   the TLS, Kerberos and LDAP libraries it needs) cost every run of concord several
   milliseconds of start-up in the dynamic loader. */
static void load(void) {
    static const char *names[] = {"libcurl.so.4", "libcurl-gnutls.so.4", "libcurl-nss.so.4"};
    void *library = NULL;
    for (size_t i = 0; i < sizeof names / sizeof names[0] && !library; i++) {
        library = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
    }
    if (!library) {
        const char *why = dlerror();
        snprintf(load_error, sizeof load_error, "libcurl cannot be loaded (%s)", why ? why : "libcurl.so.4");
        return;
    }
#define RESOLVE(field, symbol)                                                          \
    if (!(*(void **)&curl.field = dlsym(library, symbol))) {                            \
        snprintf(load_error, sizeof load_error, "libcurl lacks %s", symbol);            \
        return;                                                                          \
    }
    RESOLVE(global_init, "curl_global_init")
    RESOLVE(easy_init, "curl_easy_init")
    RESOLVE(easy_setopt, "curl_easy_setopt")
    RESOLVE(easy_perform, "curl_easy_perform")
    RESOLVE(easy_getinfo, "curl_easy_getinfo")
    RESOLVE(easy_cleanup, "curl_easy_cleanup")
    RESOLVE(easy_strerror, "curl_easy_strerror")
#undef RESOLVE
    /* Once, before any request (libcurl's global state is not set up thread-safely). */
    if (curl.global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
        snprintf(load_error, sizeof load_error, "libcurl could not be initialized");
        return;
    }
    loaded = 1;
}

static size_t discard(char *data, size_t size, size_t count, void *context) {
    (void)data;
    (void)context;
    return size * count;
}

int concord_http_get_status(const char *url, long timeout_ms, long *status, char *message, size_t capacity) {
    pthread_once(&once, load);
    if (capacity > 0) message[0] = 0;
    if (!loaded) {
        if (capacity > 0) snprintf(message, capacity, "%s", load_error);
        return CONCORD_HTTP_NO_LIBRARY;
    }
    void *handle = curl.easy_init();
    if (!handle) {
        if (capacity > 0) snprintf(message, capacity, "libcurl could not start a request");
        return CONCORD_HTTP_NO_LIBRARY;
    }
    curl.easy_setopt(handle, CURLOPT_URL, url);
    curl.easy_setopt(handle, CURLOPT_HTTPGET, 1L);
    curl.easy_setopt(handle, CURLOPT_FOLLOWLOCATION, 1L);
    curl.easy_setopt(handle, CURLOPT_MAXREDIRS, 16L);
    curl.easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);  /* requests run on several threads */
    curl.easy_setopt(handle, CURLOPT_TIMEOUT_MS, timeout_ms);
    curl.easy_setopt(handle, CURLOPT_CONNECTTIMEOUT_MS, timeout_ms);
    curl.easy_setopt(handle, CURLOPT_WRITEFUNCTION, discard);
    CURLcode code = curl.easy_perform(handle);
    if (code == CURLE_OK) {
        long answer = 0;
        curl.easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &answer);
        *status = answer;
    } else if (capacity > 0) {
        const char *text = curl.easy_strerror(code);
        snprintf(message, capacity, "%s", text ? text : "no answer");
    }
    curl.easy_cleanup(handle);
    return code;
}
