/*
 * Raw deflate for Word packages, through the system zlib (zlib1g-dev). Kept apart from the
 * ICU shim so that each C target links one library and can be read on its own.
 */
#ifndef CONCORD_ZLIB_H
#define CONCORD_ZLIB_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define CONCORD_INFLATE_OK 0           /* the stream ended; *out holds it */
#define CONCORD_INFLATE_TOO_LARGE 1    /* the output would exceed cap bytes */
#define CONCORD_INFLATE_DAMAGED (-1)   /* damaged or truncated stream */
#define CONCORD_INFLATE_INVALID (-2)   /* a NULL pointer or a negative length or cap */
#define CONCORD_INFLATE_NO_MEMORY (-3) /* malloc/realloc, or zlib's own state, failed */

/*
 * Inflates a raw deflate stream (a zip entry), deterministically: returns
 * CONCORD_INFLATE_OK and a malloc'd buffer in *out (free with concord_zlib_free) when the
 * stream ends, else one of the other codes above with *out NULL. Lengths are 64-bit and
 * the stream is fed to zlib in pieces, so parts past 4 GiB inflate right.
 */
int32_t concord_inflate_raw(const uint8_t *in, int64_t in_length, int64_t cap,
                            uint8_t **out, int64_t *out_length);
void concord_zlib_free(void *pointer);

#ifdef __cplusplus
}
#endif

#endif
