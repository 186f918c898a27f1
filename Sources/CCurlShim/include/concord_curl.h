#ifndef CONCORD_CURL_H
#define CONCORD_CURL_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/// The error code of an answer that did not come within the timeout (libcurl's
/// CURLE_OPERATION_TIMEDOUT).
#define CONCORD_HTTP_TIMED_OUT 28
/// The error code when libcurl cannot be loaded (the message says why).
#define CONCORD_HTTP_NO_LIBRARY -1

/// GET `url` (redirects followed, the body read and dropped) with libcurl, opened with
/// dlopen on first use. 0: `*status` is the final HTTP status. Otherwise libcurl's error
/// code (or CONCORD_HTTP_NO_LIBRARY), and its message in `message` (NUL-terminated, cut to
/// `capacity`). `timeout_ms` bounds the whole request, connection included.
int concord_http_get_status(const char *url, long timeout_ms, long *status, char *message, size_t capacity);

#ifdef __cplusplus
}
#endif

#endif
