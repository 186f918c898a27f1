/*
 * PDF text through poppler, opened with dlopen the first time a PDF is read: poppler's C++
 * interface (and the 23 libraries it loads: NSS, freetype, fontconfig, image codecs) is
 * linked only into libConcordPDF.so (Sources/CPopplerCppShim, a dynamic library product of
 * its own), which neither the concord executable nor the Concord library links, so a run
 * without PDF input never loads it. Plain C; the types are those of concord_pdf.h (the
 * library's header), repeated here because this target must not depend on that one, and
 * checked at load time through the library's ABI number.
 */
#ifndef CONCORD_PDF_LOADER_H
#define CONCORD_PDF_LOADER_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define CONCORD_PDF_OK 0
#define CONCORD_PDF_DAMAGED 1     /* poppler could not open it: not a PDF, truncated, broken */
#define CONCORD_PDF_ENCRYPTED 2   /* it needs a password */
#define CONCORD_PDF_INVALID (-1)  /* a NULL pointer or a bad length or page index */
#define CONCORD_PDF_NO_MEMORY (-3)

/* The layout of the types below and of the functions' parameters: concord_pdf_abi() of the
 * library must return it. */
#define CONCORD_PDF_ABI 1

typedef struct concord_pdf concord_pdf;

/* As in concord_pdf.h. */
typedef struct {
    float x1, y1, x2, y2;
    float font_size;
    int32_t space_after;
    int32_t rotation;
    int64_t first_char;
    int64_t char_count;
} concord_pdf_word;

typedef struct {
    uint32_t scalar;
    float x1, y1, x2, y2;
} concord_pdf_char;

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
