#include "concord_pdf.h"

#include <poppler.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>

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

static void set_box(concord_pdf_glyph *glyph, const PopplerRectangle *rect) {
    glyph->x1 = (float)rect->x1;
    glyph->y1 = (float)rect->y1;
    glyph->x2 = (float)rect->x2;
    glyph->y2 = (float)rect->y2;
}

/* LRE, RLE, PDF, LRO, RLO: poppler's text marks its right-to-left words with them. */
static int is_embedding_mark(gunichar c) { return c >= 0x202A && c <= 0x202E; }

static int is_alef(gunichar c) { return c == 0x0622 || c == 0x0623 || c == 0x0625 || c == 0x0627; }

/*
 * Poppler's text (poppler_page_get_text) and its boxes (poppler_page_get_text_layout) do not
 * follow one another on a page with right-to-left text. The boxes are one per character in
 * the order poppler stored the characters of each word (the order they were drawn: left to
 * right for the right-to-left words LibreOffice and most producers draw), then one for the
 * space or line break after it. The text writes each word through poppler's reorderText: on a
 * page that reads right to left, a word is RLE … PDF with its right-to-left runs reversed and
 * its left-to-right runs (digits, Latin) kept in order inside LRE … PDF; on a page that reads
 * left to right, the left-to-right characters stand as they are and each right-to-left run is
 * RLE … PDF, reversed. So the marks tell exactly which characters were reversed: in a group
 * opened by RLE the items (characters, and nested groups as wholes) are in the reverse of the
 * stored order, in one opened by LRE in the same order. The text's characters (marks left
 * out) are given in the text's order, each with the box of its stored character.
 *
 * A ligature glyph that stands for several characters (lam-alef, which Arabic fonts must use
 * for lam followed by alef) is stored as those characters in their logical order, with the
 * glyph's width split among them; reversing its word puts alef before lam (`لأمم` read as
 * `ألمم`). Neither the boxes nor the text tell such a pair from a lam and an alef drawn apart
 * (`بالمخدرات` has a lam and an alef of exactly the same widths as the halves of a ligature),
 * so only the one case the text itself settles is put back: after the article's alef, an
 * alef, hamza-alef or madda-alef followed by lam (`االتفاقية`, `األمم`, never written in Arabic)
 * is the ligature of the article's lam with the word's first alef (`الاتفاقية`, `الأمم`).
 * Other lam-alef ligatures (`لاتفاقية`, `كاملا`) stay reversed: a known limit of reading
 * Arabic through poppler's text.
 */

/* Fills order[0..count) with the stored offsets (from the group's first stored character)
 * of the group's characters in text order; returns the number of characters. */
static glong group_order(const gunichar *s, glong start, glong end, glong *order, int depth) {
    int reversed = s[start] == 0x202B || s[start] == 0x202E;
    /* Items: single characters or nested groups, in text order. */
    glong count = 0;
    glong capacity = end - start > 0 ? end - start : 1;
    glong *item_starts = malloc((size_t)capacity * sizeof *item_starts);
    glong *item_sizes = malloc((size_t)capacity * sizeof *item_sizes);
    glong n_items = 0;
    glong k = start + 1;
    while (k < end) {
        /* Poppler nests two deep; marks deeper than that are the PDF's own: skipped. */
        if (depth < 4 && (s[k] == 0x202A || s[k] == 0x202B || s[k] == 0x202D || s[k] == 0x202E)) {
            int level = 1;
            glong j = k + 1;
            while (j < end && level > 0) {
                if (s[j] == 0x202C) level--;
                else if (is_embedding_mark(s[j])) level++;
                if (level > 0) j++;
            }
            glong size = group_order(s, k, j, order + count, depth + 1);
            if (item_starts != NULL && item_sizes != NULL) { item_starts[n_items] = count; item_sizes[n_items] = size; n_items++; }
            count += size;
            k = j + 1;
        } else if (is_embedding_mark(s[k])) {
            k++;
        } else {
            order[count] = 0;
            if (item_starts != NULL && item_sizes != NULL) { item_starts[n_items] = count; item_sizes[n_items] = 1; n_items++; }
            count++;
            k++;
        }
    }
    /* Stored offset of each item: the items in stored order are the text's items, reversed
     * when the group is. (Out of memory: every character at the group's first box.) */
    glong offset = 0;
    for (glong i = 0; i < n_items; i++) {
        glong item = reversed ? n_items - 1 - i : i;
        for (glong j = 0; j < item_sizes[item]; j++) order[item_starts[item] + j] += offset;
        offset += item_sizes[item];
    }
    free(item_starts);
    free(item_sizes);
    return count;
}

static concord_pdf_glyph *logical_boxes(const gunichar *s, glong n_text, const PopplerRectangle *rects,
                                        glong n_rects, glong *stored, glong *count) {
    concord_pdf_glyph *out = calloc((size_t)(n_rects > 0 ? n_rects : 1), sizeof *out);
    glong *order = calloc((size_t)(n_rects > 0 ? n_rects : 1), sizeof *order);
    if (out == NULL || order == NULL) {
        free(out);
        free(order);
        *count = 0;
        return NULL;
    }
    glong n = 0;     /* glyphs given */
    glong base = 0;  /* the next stored character's box */
    glong k = 0;
    while (k < n_text && n < n_rects) {
        gunichar c = s[k];
        if (c == 0x202A || c == 0x202B || c == 0x202D || c == 0x202E) {
            int depth = 1;
            glong j = k + 1;
            while (j < n_text && depth > 0) {
                if (s[j] == 0x202C) depth--;
                else if (is_embedding_mark(s[j])) depth++;
                if (depth > 0) j++;
            }
            glong size = group_order(s, k, j, order, 1);
            if (base + size > n_rects) size = n_rects - base;
            /* The group's characters in text order, marks left out. */
            glong t = 0;
            for (glong i = k + 1; i < j && t < size; i++) {
                if (is_embedding_mark(s[i])) continue;
                if (order[t] >= size) order[t] = size - 1;  /* never past the group's boxes */
                out[n + t].scalar = (uint32_t)s[i];
                set_box(&out[n + t], &rects[base + order[t]]);
                stored[n + t] = base + order[t];
                t++;
            }
            /* Lam-alef ligatures put back where the text shows it: see above. */
            if (s[k] == 0x202B || s[k] == 0x202E) {
                for (glong i = 1; i + 1 < t; i++) {
                    if (out[n + i - 1].scalar == 0x0627 && is_alef(out[n + i].scalar) && out[n + i + 1].scalar == 0x0644
                        && order[i] == order[i + 1] + 1) {
                        uint32_t a = out[n + i].scalar;
                        out[n + i].scalar = 0x0644;
                        out[n + i + 1].scalar = a;
                    }
                }
            }
            n += t;
            base += size;
            k = j + 1;
        } else if (c == 0x202C) {
            k++;  /* a stray PDF */
        } else {
            out[n].scalar = (uint32_t)c;
            set_box(&out[n], &rects[base]);
            stored[n] = base;
            n++;
            base++;
            k++;
        }
    }
    free(order);
    *count = n;
    return out;
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

/* The characters poppler-glib selects in an area of a page, in its order, with their boxes
 * and font sizes (see logical_boxes). */
static int32_t selection_glyphs(PopplerPage *p, PopplerRectangle *area, concord_pdf_glyph **glyphs, glong *count) {
    *glyphs = NULL;
    *count = 0;
    char *text = poppler_page_get_text_for_area(p, area);
    PopplerRectangle *rects = NULL;
    guint n_rects = 0;
    if (text == NULL || !poppler_page_get_text_layout_for_area(p, area, &rects, &n_rects)) {
        g_free(text);
        g_free(rects);
        return CONCORD_PDF_OK;  /* no text on this page */
    }
    if (!g_utf8_validate(text, -1, NULL)) {
        g_free(text);
        g_free(rects);
        return CONCORD_PDF_DAMAGED;
    }
    /* The text as scalars, and its directional embedding marks (see logical_boxes). */
    glong n_text = 0;
    gunichar *scalars = g_utf8_to_ucs4_fast(text, -1, &n_text);
    glong n_marks = 0;
    for (glong i = 0; i < n_text; i++) {
        if (is_embedding_mark(scalars[i])) n_marks++;
    }
    concord_pdf_glyph *out = NULL;
    glong n = 0;
    /* For each glyph given, the index of its box in poppler's order (that of the font sizes). */
    glong *stored = calloc((size_t)(n_rects > 0 ? n_rects : 1), sizeof *stored);
    if (stored != NULL && n_marks > 0 && n_text - n_marks == (glong)n_rects) {
        out = logical_boxes(scalars, n_text, rects, (glong)n_rects, stored, &n);
    } else if (stored != NULL) {
        /* poppler gives one rectangle per character of the text; should they ever disagree,
         * only the characters that have one are given. */
        n = n_text < (glong)n_rects ? n_text : (glong)n_rects;
        if (n > 0) out = calloc((size_t)n, sizeof *out);
        for (glong i = 0; out != NULL && i < n; i++) {
            out[i].scalar = (uint32_t)scalars[i];
            set_box(&out[i], &rects[i]);
            stored[i] = i;
        }
    }
    g_free(scalars);
    if (n <= 0 || out == NULL) {
        free(out);
        free(stored);
        g_free(text);
        g_free(rects);
        return n <= 0 ? CONCORD_PDF_OK : CONCORD_PDF_NO_MEMORY;
    }
    /* Font sizes by runs of characters (start and end offsets, both included). */
    float *sizes = calloc((size_t)n_rects, sizeof *sizes);
    GList *attributes = poppler_page_get_text_attributes_for_area(p, area);
    for (GList *item = attributes; sizes != NULL && item != NULL; item = item->next) {
        PopplerTextAttributes *a = item->data;
        if (a == NULL) continue;
        for (gint k = a->start_index; k <= a->end_index && k < (gint)n_rects; k++) {
            if (k >= 0) sizes[k] = (float)a->font_size;
        }
    }
    poppler_page_free_text_attributes(attributes);
    for (glong i = 0; sizes != NULL && i < n; i++) out[i].font_size = sizes[stored[i]];
    free(sizes);
    free(stored);

    g_free(text);
    g_free(rects);
    *glyphs = out;
    *count = n;
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
    double width = 0, height = 0;
    poppler_page_get_size(p, &width, &height);
    /* poppler-glib gives text only through a selection, from a start point to an end point
     * (poppler_page_get_text selects from the top-left corner to the bottom-right one), and
     * the selection's first and last lines are cut at those points in the lines' own
     * direction: on a right-to-left page it leaves out the first lines of the page (and of
     * its first block) that pdftotext reads. A second selection from the top-right corner
     * down the right edge gives those; its characters that the first did not give (the same
     * character in the same box) follow, as lines of their own, which PdfLine puts in their
     * places. The last line of a right-to-left page's last block is left out by both (no
     * start and end points found select it whole): a known limit. */
    PopplerRectangle whole = {0, 0, width, height};
    PopplerRectangle right = {width, 0, width, height};
    concord_pdf_glyph *first = NULL, *second = NULL;
    glong n_first = 0, n_second = 0;
    int32_t status = selection_glyphs(p, &whole, &first, &n_first);
    if (status == CONCORD_PDF_OK) status = selection_glyphs(p, &right, &second, &n_second);
    g_object_unref(p);
    if (status != CONCORD_PDF_OK) {
        free(first);
        free(second);
        return status;
    }
    /* The second selection's new characters. */
    GHashTable *seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    for (glong i = 0; i < n_first; i++) {
        if (first[i].scalar == 10 || first[i].scalar == 32) continue;
        g_hash_table_add(seen, g_strdup_printf("%u %.3f %.3f %.3f %.3f", first[i].scalar, first[i].x1, first[i].y1, first[i].x2, first[i].y2));
    }
    concord_pdf_glyph *out = calloc((size_t)(n_first + 2 * n_second + 1), sizeof *out);
    if (out == NULL) {
        g_hash_table_destroy(seen);
        free(first);
        free(second);
        return CONCORD_PDF_NO_MEMORY;
    }
    glong n = n_first;
    if (n_first > 0) memcpy(out, first, (size_t)n_first * sizeof *out);
    int last_new = 0;  /* the last character given from the second selection is a new one */
    for (glong i = 0; i < n_second; i++) {
        concord_pdf_glyph g = second[i];
        int is_break = g.scalar == 10, is_space = g.scalar == 32;
        int is_new = 0;
        if (!is_break && !is_space) {
            char *key = g_strdup_printf("%u %.3f %.3f %.3f %.3f", g.scalar, g.x1, g.y1, g.x2, g.y2);
            is_new = !g_hash_table_contains(seen, key);
            g_free(key);
        }
        if (is_new) {
            if (!last_new && n > 0 && out[n - 1].scalar != 10) {
                out[n] = g;
                out[n].scalar = 10;  /* a line of its own */
                n++;
            }
            out[n++] = g;
            last_new = 1;
        } else if (is_space && last_new) {
            out[n++] = g;
        } else {
            last_new = 0;
        }
    }
    g_hash_table_destroy(seen);
    free(first);
    free(second);
    if (n == 0) {
        free(out);
        return CONCORD_PDF_OK;
    }
    *glyphs = out;
    *count = n;
    return CONCORD_PDF_OK;
}

void concord_pdf_free(void *pointer) { free(pointer); }
