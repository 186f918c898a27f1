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

#define CONCORD_PDF_OK 0
#define CONCORD_PDF_DAMAGED 1     /* poppler could not open it: not a PDF, truncated, broken */
#define CONCORD_PDF_ENCRYPTED 2   /* it needs a password */
#define CONCORD_PDF_INVALID (-1)  /* a NULL pointer or a bad length or page index */
#define CONCORD_PDF_NO_MEMORY (-3)

/* The layout of the types and functions below. This library is opened with dlopen by
 * Sources/CPdfLoader, which repeats them (concord_pdf_loader.h) and checks this number: change
 * both, and the number in both, together. */
#define CONCORD_PDF_ABI 1
int32_t concord_pdf_abi(void);

typedef struct concord_pdf concord_pdf;

/* One word of a page as poppler's text layout gives it (`poppler::page::text_list`), in
 * poppler's reading order: blocks, their lines top to bottom, each line's words from left to
 * right (for right-to-left text too). Its box in points from the page's top-left corner,
 * the size of its font, whether poppler saw a space after it (on its line), its rotation
 * (0, 1, 2, 3: quarter turns), and its characters: `char_count` of them from `first_char`
 * in the page's array of characters, in the order poppler stored them, which is the order
 * they were drawn in (left to right for the right-to-left words LibreOffice and most
 * producers draw; a ligature glyph that stands for several characters, Arabic lam-alef,
 * gives them in their logical order, the glyph's box split among them). */
typedef struct {
    float x1, y1, x2, y2;
    float font_size;
    int32_t space_after;
    int32_t rotation;
    int64_t first_char;
    int64_t char_count;
} concord_pdf_word;

/* A character of a word, with its box. */
typedef struct {
    uint32_t scalar;
    float x1, y1, x2, y2;
} concord_pdf_char;

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
