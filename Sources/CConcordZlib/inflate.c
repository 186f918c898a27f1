#include "concord_zlib.h"

#include <stdlib.h>
#include <string.h>
#include <zlib.h>

/* zlib counts input and output room in uInt (32 bits): larger buffers are handed over in
 * pieces of at most this size, or a part past 4 GiB would be silently cut. */
#define PIECE ((int64_t)1 << 30)

static int64_t min64(int64_t a, int64_t b) { return a < b ? a : b; }

int32_t concord_inflate_raw(const uint8_t *in, int64_t in_length, int64_t cap,
                            uint8_t **out, int64_t *out_length) {
    if (!out || !out_length) return CONCORD_INFLATE_INVALID;
    *out = NULL;
    *out_length = 0;
    if ((!in && in_length > 0) || in_length < 0 || cap < 0) return CONCORD_INFLATE_INVALID;
    /* One byte more than cap tells "exactly cap" from "more than cap"; cap + 1 and the
     * doubling below must not overflow, nor exceed what size_t can allocate. */
    if (cap > INT64_MAX / 4 || (uint64_t)cap >= (uint64_t)SIZE_MAX) return CONCORD_INFLATE_INVALID;
    z_stream stream;
    memset(&stream, 0, sizeof stream);
    int init = inflateInit2(&stream, -MAX_WBITS);
    if (init == Z_MEM_ERROR) return CONCORD_INFLATE_NO_MEMORY;
    if (init != Z_OK) return CONCORD_INFLATE_DAMAGED;
    int64_t size = in_length > (INT64_MAX - 65536) / 4 ? cap + 1 : min64(in_length * 4 + 65536, cap + 1);
    uint8_t *buffer = malloc((size_t)size);
    if (!buffer) { inflateEnd(&stream); return CONCORD_INFLATE_NO_MEMORY; }
    int64_t consumed = 0;   /* input handed to zlib and used */
    int64_t produced = 0;
    int32_t result = CONCORD_INFLATE_OK;
    for (;;) {
        uInt in_piece = (uInt)min64(in_length - consumed, PIECE);
        uInt out_piece = (uInt)min64(size - produced, PIECE);
        stream.next_in = (Bytef *)(in ? in + consumed : NULL);
        stream.avail_in = in_piece;
        stream.next_out = buffer + produced;
        stream.avail_out = out_piece;
        int ret = inflate(&stream, Z_NO_FLUSH);
        consumed += in_piece - stream.avail_in;
        produced += out_piece - stream.avail_out;
        if (ret == Z_STREAM_END) break;
        if (ret == Z_MEM_ERROR) { result = CONCORD_INFLATE_NO_MEMORY; break; }
        if (ret != Z_OK && ret != Z_BUF_ERROR) { result = CONCORD_INFLATE_DAMAGED; break; }
        if (produced == size) {
            if (size >= cap + 1) { result = CONCORD_INFLATE_TOO_LARGE; break; }
            int64_t bigger = min64(size * 2, cap + 1);
            uint8_t *grown = realloc(buffer, (size_t)bigger);
            if (!grown) { result = CONCORD_INFLATE_NO_MEMORY; break; }
            buffer = grown;
            size = bigger;
            continue;
        }
        if (ret == Z_BUF_ERROR && in_piece == stream.avail_in && out_piece == stream.avail_out) {
            /* No progress possible: all input used (a truncated stream) or nothing to do. */
            result = CONCORD_INFLATE_DAMAGED;
            break;
        }
        /* Output room left in this piece: zlib wants more input, and there is none. */
        if (stream.avail_out > 0 && consumed == in_length) { result = CONCORD_INFLATE_DAMAGED; break; }
    }
    inflateEnd(&stream);
    if (result == CONCORD_INFLATE_OK && produced > cap) result = CONCORD_INFLATE_TOO_LARGE;
    if (result != CONCORD_INFLATE_OK) { free(buffer); return result; }
    *out = buffer;
    *out_length = produced;
    return CONCORD_INFLATE_OK;
}

void concord_zlib_free(void *pointer) {
    free(pointer);
}
