/*
 * PDF text through poppler, opened with dlopen the first time a PDF is read: poppler's C++
 * interface (and the 23 libraries it loads: NSS, freetype, fontconfig, image codecs) is
 * linked only into libConcordPDF.so (Sources/CPopplerCppShim, a dynamic library product of
 * its own), which neither the concord executable nor the Concord library links, so a run
 * without PDF input never loads it. Plain C; the types are in concord_pdf_types.h, which the
 * library's header includes too, and are checked at load time through the library's ABI number.
 */
#ifndef CONCORD_PDF_LOADER_H
#define CONCORD_PDF_LOADER_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#include "concord_pdf_types.h"

/* The library's functions (see concord_pdf.h for what each does). */
typedef struct {
    int32_t (*open)(const uint8_t *data, int64_t length, concord_pdf **doc, char *message, int64_t message_capacity);
    void (*close)(concord_pdf *doc);
    int32_t (*page_count)(const concord_pdf *doc);
    int32_t (*page_size)(const concord_pdf *doc, int32_t page, double *width, double *height);
    int32_t (*page_words)(const concord_pdf *doc, int32_t page, concord_pdf_word **words, int64_t *word_count,
                          concord_pdf_char **chars, int64_t *char_count);
    void (*free)(void *pointer);
} concord_pdf_api;

/* The library's file name: libConcordPDF.so (libConcordPDF.dylib on macOS). */
const char *concord_pdf_library_name(void);

/* Opens the library once (thread-safe) and returns its functions, or NULL with the reason in
 * `message` (NUL-terminated, cut to `capacity`). Looked for, in order: the file
 * CONCORD_PDF_LIBRARY names; next to the running executable (/proc/self/exe's folder: the
 * concord binary, or the test runner in .build/<config>); next to the binary that holds this
 * code (the Concord library loaded by another program); the dynamic loader's own search
 * (LD_LIBRARY_PATH, the system's library folders). */
const concord_pdf_api *concord_pdf_load(char *message, int64_t capacity);

#ifdef __cplusplus
}
#endif

#endif
