#include "concord_pdf.h"

#include <poppler.h>
#include <stdlib.h>
#include <string.h>

struct concord_pdf {
    PopplerDocument *document;
    GBytes *bytes;
};

static void copy_message(const char *text, char *message, int64_t capacity) {
    if (message == NULL || capacity <= 0) return;
    size_t n = strlen(text);
    if ((int64_t)n >= capacity) n = (size_t)(capacity - 1);
    memcpy(message, text, n);
    message[n] = 0;
}

int32_t concord_pdf_open(const uint8_t *data, int64_t length, concord_pdf **doc,
                         char *message, int64_t message_capacity) {
    if (doc == NULL) return CONCORD_PDF_INVALID;
    *doc = NULL;
    if (data == NULL || length <= 0) {
        copy_message("the file is empty", message, message_capacity);
        return CONCORD_PDF_DAMAGED;
    }
    concord_pdf *result = calloc(1, sizeof *result);
    if (result == NULL) return CONCORD_PDF_NO_MEMORY;
    result->bytes = g_bytes_new(data, (gsize)length);
    GError *error = NULL;
    result->document = poppler_document_new_from_bytes(result->bytes, NULL, &error);
    if (result->document == NULL) {
        int32_t code = CONCORD_PDF_DAMAGED;
        if (error != NULL && error->domain == POPPLER_ERROR && error->code == POPPLER_ERROR_ENCRYPTED) {
            code = CONCORD_PDF_ENCRYPTED;
        }
        copy_message(error != NULL && error->message != NULL ? error->message : "poppler could not open it",
                     message, message_capacity);
        if (error != NULL) g_error_free(error);
        g_bytes_unref(result->bytes);
        free(result);
        return code;
    }
    *doc = result;
    return CONCORD_PDF_OK;
}

void concord_pdf_close(concord_pdf *doc) {
    if (doc == NULL) return;
    g_object_unref(doc->document);
    g_bytes_unref(doc->bytes);
    free(doc);
}

int32_t concord_pdf_page_count(const concord_pdf *doc) {
    if (doc == NULL) return 0;
    int n = poppler_document_get_n_pages(doc->document);
    return n < 0 ? 0 : n;
}

int32_t concord_pdf_page_size(const concord_pdf *doc, int32_t page, double *width, double *height) {
    if (doc == NULL || width == NULL || height == NULL) return CONCORD_PDF_INVALID;
    if (page < 0 || page >= poppler_document_get_n_pages(doc->document)) return CONCORD_PDF_INVALID;
    PopplerPage *p = poppler_document_get_page(doc->document, page);
    if (p == NULL) return CONCORD_PDF_DAMAGED;
    poppler_page_get_size(p, width, height);
    g_object_unref(p);
    return CONCORD_PDF_OK;
}

int32_t concord_pdf_page_glyphs(const concord_pdf *doc, int32_t page,
                                concord_pdf_glyph **glyphs, int64_t *count) {
    if (doc == NULL || glyphs == NULL || count == NULL) return CONCORD_PDF_INVALID;
    *glyphs = NULL;
    *count = 0;
    if (page < 0 || page >= poppler_document_get_n_pages(doc->document)) return CONCORD_PDF_INVALID;
    PopplerPage *p = poppler_document_get_page(doc->document, page);
    if (p == NULL) return CONCORD_PDF_DAMAGED;

    char *text = poppler_page_get_text(p);
    PopplerRectangle *rects = NULL;
    guint n_rects = 0;
    if (text == NULL || !poppler_page_get_text_layout(p, &rects, &n_rects)) {
        g_free(text);
        g_free(rects);
        g_object_unref(p);
        return CONCORD_PDF_OK;  /* no text on this page */
    }
    if (!g_utf8_validate(text, -1, NULL)) {
        g_free(text);
        g_free(rects);
        g_object_unref(p);
        return CONCORD_PDF_DAMAGED;
    }
    glong n_chars = g_utf8_strlen(text, -1);
    /* poppler gives one rectangle per character of the text; should they ever disagree,
     * only the characters that have one are given. */
    glong n = n_chars < (glong)n_rects ? n_chars : (glong)n_rects;
    if (n <= 0) {
        g_free(text);
        g_free(rects);
        g_object_unref(p);
        return CONCORD_PDF_OK;
    }
    concord_pdf_glyph *out = calloc((size_t)n, sizeof *out);
    if (out == NULL) {
        g_free(text);
        g_free(rects);
        g_object_unref(p);
        return CONCORD_PDF_NO_MEMORY;
    }
    const char *cursor = text;
    for (glong i = 0; i < n; i++) {
        out[i].scalar = (uint32_t)g_utf8_get_char(cursor);
        cursor = g_utf8_next_char(cursor);
        out[i].x1 = (float)rects[i].x1;
        out[i].y1 = (float)rects[i].y1;
        out[i].x2 = (float)rects[i].x2;
        out[i].y2 = (float)rects[i].y2;
    }
    /* Font sizes by runs of characters (start and end offsets, both included). */
    GList *attributes = poppler_page_get_text_attributes(p);
    for (GList *item = attributes; item != NULL; item = item->next) {
        PopplerTextAttributes *a = item->data;
        if (a == NULL) continue;
        for (gint k = a->start_index; k <= a->end_index && k < n; k++) {
            if (k >= 0) out[k].font_size = (float)a->font_size;
        }
    }
    poppler_page_free_text_attributes(attributes);

    g_free(text);
    g_free(rects);
    g_object_unref(p);
    *glyphs = out;
    *count = n;
    return CONCORD_PDF_OK;
}

void concord_pdf_free(void *pointer) { free(pointer); }
