/*
 * The C types shared by libConcordPDF.so (Sources/CPopplerCppShim, concord_pdf.h) and the
 * loader that opens it with dlopen (concord_pdf_loader.h): one definition, included by both
 * (the shim by a relative path, since the library must not link the loader nor the loader
 * the library).
 */
#ifndef CONCORD_PDF_TYPES_H
#define CONCORD_PDF_TYPES_H

#include <stdint.h>

#define CONCORD_PDF_OK 0
#define CONCORD_PDF_DAMAGED 1     /* poppler could not open it: not a PDF, truncated, broken */
#define CONCORD_PDF_ENCRYPTED 2   /* it needs a password */
#define CONCORD_PDF_INVALID (-1)  /* a NULL pointer or a bad length or page index */
#define CONCORD_PDF_NO_MEMORY (-3)

/* The layout of the types below and of the library's functions (concord_pdf.h): the
 * library's concord_pdf_abi() returns it and the loader checks it. Change it with them. */
#define CONCORD_PDF_ABI 1

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

#endif
