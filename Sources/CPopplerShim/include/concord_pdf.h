/*
 * PDF text through poppler-glib (libpoppler-glib-dev). The only code that calls poppler or
 * glib; this header exposes plain C types only, so the Swift side never sees glib.
 */
#ifndef CONCORD_PDF_H
#define CONCORD_PDF_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define CONCORD_PDF_OK 0
#define CONCORD_PDF_DAMAGED 1     /* poppler could not open it: not a PDF, truncated, broken */
#define CONCORD_PDF_ENCRYPTED 2   /* it needs a password */
#define CONCORD_PDF_INVALID (-1)  /* a NULL pointer or a bad length or page index */
#define CONCORD_PDF_NO_MEMORY (-3)

typedef struct concord_pdf concord_pdf;

/* One character of a page's text in poppler's reading order, with its box in points from
 * the page's top-left corner and the size of its font. A line break of poppler's text is
 * a character too (scalar 10), with the box poppler gives it. */
typedef struct {
    uint32_t scalar;
    float x1, y1, x2, y2;
    float font_size;
} concord_pdf_glyph;

/* Opens a PDF held in memory (the bytes are copied). On failure *doc is NULL and, when
 * message is not NULL, poppler's message is written there (NUL-terminated, cut to
 * capacity). */
int32_t concord_pdf_open(const uint8_t *data, int64_t length, concord_pdf **doc,
                         char *message, int64_t message_capacity);
void concord_pdf_close(concord_pdf *doc);
int32_t concord_pdf_page_count(const concord_pdf *doc);
/* The page's size in points. */
int32_t concord_pdf_page_size(const concord_pdf *doc, int32_t page, double *width, double *height);
/* The characters of a page (0-based index): a malloc'd array in *glyphs (free with
 * concord_pdf_free), its length in *count (0 for a page without text). */
int32_t concord_pdf_page_glyphs(const concord_pdf *doc, int32_t page,
                                concord_pdf_glyph **glyphs, int64_t *count);
void concord_pdf_free(void *pointer);

#ifdef __cplusplus
}
#endif

#endif
