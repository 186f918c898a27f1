/*
 * PDF text through poppler's C++ interface (libpoppler-cpp-dev): the only code that calls
 * poppler. This header is plain C (the shim is C++ behind extern "C"), so the Swift side
 * never sees C++ or poppler.
 */
#ifndef CONCORD_PDF_H
#define CONCORD_PDF_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#include "../../CPdfLoader/include/concord_pdf_types.h"

/* The layout of the types and functions: CONCORD_PDF_ABI, checked by the loader. */
int32_t concord_pdf_abi(void);

/* Opens a PDF held in memory (the bytes are copied). On failure *doc is NULL and, when
 * message is not NULL, poppler's last message is written there (NUL-terminated, cut to
 * capacity). Poppler's messages are never printed. */
int32_t concord_pdf_open(const uint8_t *data, int64_t length, concord_pdf **doc,
                         char *message, int64_t message_capacity);
void concord_pdf_close(concord_pdf *doc);
int32_t concord_pdf_page_count(const concord_pdf *doc);
/* The page's size in points (its crop box, as the words are placed in). */
int32_t concord_pdf_page_size(const concord_pdf *doc, int32_t page, double *width, double *height);
/* The words of a page (0-based index) and their characters: malloc'd arrays (free each with
 * concord_pdf_free), their lengths in *word_count and *char_count (0 for a page without
 * text; the pointers are then NULL). */
int32_t concord_pdf_page_words(const concord_pdf *doc, int32_t page,
                               concord_pdf_word **words, int64_t *word_count,
                               concord_pdf_char **chars, int64_t *char_count);
void concord_pdf_free(void *pointer);

#ifdef __cplusplus
}
#endif

#endif
