#include "concord_icu.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/udat.h>
#include <unicode/unum.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/uregex.h>
#include <unicode/uscript.h>
#include <unicode/uset.h>
#include <unicode/utf16.h>
#include <unicode/ustring.h>
#include <unicode/uversion.h>

_Static_assert(CONCORD_ILLEGAL_ARGUMENT == U_ILLEGAL_ARGUMENT_ERROR, "status numbers are ICU's");
_Static_assert(CONCORD_INPUT_TOO_LONG == U_INPUT_TOO_LONG_ERROR, "status numbers are ICU's");
_Static_assert(CONCORD_MAX_UNITS == INT32_MAX, "ICU counts UTF-16 units in int32_t");

/* Sets *status (when there is one) and returns nonzero when a length cannot go to ICU: a
 * negative one is a caller's bug, a longer one than int32_t is refused rather than cut. */
static int bad_length(int64_t length, int32_t *status) {
    if (length < 0) { if (status) *status = U_ILLEGAL_ARGUMENT_ERROR; return 1; }
    if (length > INT32_MAX) { if (status) *status = U_INPUT_TOO_LONG_ERROR; return 1; }
    return 0;
}

/* A NULL text is fine only when it is empty (Swift passes NULL for an empty array). */
static int bad_text(const void *text, int64_t length, int32_t *status) {
    if (!text && length != 0) { if (status) *status = U_ILLEGAL_ARGUMENT_ERROR; return 1; }
    return bad_length(length, status);
}

static const UChar empty_text[1] = {0};

/* Characters dropped from the matching view: bidi controls (UN Arabic text carries them
 * around Latin symbols), zero-width characters, the soft hyphen, a stray BOM, and the Arabic
 * tatweel (U+0640), which only stretches a word (الفــرع ثانيــا is الفرع ثانيا): NFKC keeps
 * it, and a keyword or number word written with it would not match. */
static int is_dropped(UChar32 c) {
    switch (c) {
    case 0x00AD: case 0x061C: case 0x0640: case 0x200B: case 0x200C: case 0x200D: case 0x200E:
    case 0x200F: case 0x2060: case 0xFEFF:
        return 1;
    default:
        return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }
}

static UChar32 fold_char(UChar32 c) {
    if (c >= 0x0660 && c <= 0x0669) return '0' + (c - 0x0660); /* Arabic-Indic digits */
    if (c >= 0x06F0 && c <= 0x06F9) return '0' + (c - 0x06F0); /* Eastern Arabic-Indic */
    switch (c) {
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
    case 0x2212: case 0xFE58: case 0xFE63: case 0xFF0D: case 0x2E3A: case 0x2E3B:
        return '-';
    case 0x0009:
        return ' ';
    default:
        break;
    }
    /* Every space separator (Zs) lies in these ranges: ask ICU only there. */
    if ((c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x3000)) && u_charType(c) == U_SPACE_SEPARATOR) return ' ';
    return c;
}

/* Appends c (after folding) to output, recording the source segment of each unit. */
static void emit(UChar32 c, int32_t seg_start, int32_t seg_end, uint16_t *output,
                 int32_t capacity, int32_t *source_start, int32_t *source_end, int64_t *n) {
    if (is_dropped(c)) return;
    c = fold_char(c);
    UChar units[2];
    int32_t count = 0;
    UBool error = 0;
    U16_APPEND(units, count, 2, c, error);
    (void)error;  /* cannot fail: c came from U16_NEXT, and two units always have room */
    for (int32_t k = 0; k < count; k++) {
        if (*n < capacity) {
            output[*n] = units[k];
            source_start[*n] = seg_start;
            source_end[*n] = seg_end;
        }
        (*n)++;
    }
}

int32_t concord_fold(const uint16_t *source, int64_t length_in, uint16_t *output, int32_t capacity,
                     int32_t *source_start, int32_t *source_end, int32_t *status) {
    if (!status) return -1;
    if (bad_text(source, length_in, status)) return -1;
    if (capacity < 0 || (capacity > 0 && (!output || !source_start || !source_end))) {
        *status = U_ILLEGAL_ARGUMENT_ERROR;
        return -1;
    }
    int32_t length = (int32_t)length_in;
    UErrorCode err = U_ZERO_ERROR;
    const UNormalizer2 *nfkc = unorm2_getNFKCInstance(&err);
    if (U_FAILURE(err)) { *status = err; return -1; }
    const UChar *src = (const UChar *)source;
    /* 64-bit: NFKC can make the output longer than the input (U+FDFA is 18 units). */
    int64_t n = 0;
    int32_t i = 0;
    UChar scratch[256];
    /* Text up to yes_end is already NFKC (ICU's quick check): its segments are copied, not
     * normalized one by one, with the same segment map. */
    int32_t yes_end = 0;
    while (i < length) {
        /* A run of ASCII units each followed by ASCII: each its own segment, already NFKC,
         * never dropped, folded only for the tab (what emit does, unit by unit, without the
         * calls: half the time of a mostly Latin text went there). The last unit before
         * other text takes the general way below, as combining marks may follow it. */
        while (i + 1 < length && src[i] < 0x80 && src[i + 1] < 0x80) {
            if (n < capacity) {
                output[n] = src[i] == 0x09 ? 0x20 : src[i];
                source_start[n] = i;
                source_end[n] = i + 1;
            }
            n++;
            i++;
        }
        if (i >= length) break;
        int32_t seg_start = i;
        if (seg_start >= yes_end) {
            UErrorCode qerr = U_ZERO_ERROR;
            int32_t span = unorm2_spanQuickCheckYes(nfkc, src + seg_start, length - seg_start, &qerr);
            yes_end = U_SUCCESS(qerr) ? seg_start + span : seg_start;
        }
        UChar32 c;
        U16_NEXT(src, i, length, c);
        /* ASCII followed by ASCII (or the end) is its own segment and already NFKC. */
        if (c < 0x80 && (i >= length || src[i] < 0x80)) {
            emit(c, seg_start, i, output, capacity, source_start, source_end, &n);
            continue;
        }
        /* Extend the segment up to the next NFKC boundary. */
        while (i < length) {
            int32_t j = i;
            UChar32 next;
            U16_NEXT(src, j, length, next);
            if (unorm2_hasBoundaryBefore(nfkc, next)) break;
            i = j;
        }
        int32_t seg_len = i - seg_start;
        if (seg_len == 1 && c < 0x80) {
            emit(c, seg_start, i, output, capacity, source_start, source_end, &n);
            continue;
        }
        if (i <= yes_end) {
            for (int32_t k = seg_start; k < i;) {
                UChar32 d;
                U16_NEXT(src, k, i, d);
                emit(d, seg_start, i, output, capacity, source_start, source_end, &n);
            }
            continue;
        }
        UErrorCode nerr = U_ZERO_ERROR;
        int32_t out_len;
        if (seg_len <= 64) {
            out_len = unorm2_normalize(nfkc, src + seg_start, seg_len, scratch, 256, &nerr);
        } else {
            out_len = -1;
        }
        if (out_len < 0 || U_FAILURE(nerr)) {
            /* A very long segment (a run of combining marks): fold it unnormalized rather
             * than fail; each unit still maps to the whole segment. */
            for (int32_t k = seg_start; k < i;) {
                UChar32 d;
                U16_NEXT(src, k, i, d);
                emit(d, seg_start, i, output, capacity, source_start, source_end, &n);
            }
            continue;
        }
        for (int32_t k = 0; k < out_len;) {
            UChar32 d;
            U16_NEXT(scratch, k, out_len, d);
            emit(d, seg_start, i, output, capacity, source_start, source_end, &n);
        }
    }
    if (n > INT32_MAX) { *status = U_INPUT_TOO_LONG_ERROR; return -1; }
    *status = U_ZERO_ERROR;
    return (int32_t)n;
}

void *concord_break_open(int32_t kind, const char *locale, int32_t *status) {
    if (!status) return NULL;
    if (!locale || (kind != 0 && kind != 1)) { *status = U_ILLEGAL_ARGUMENT_ERROR; return NULL; }
    UErrorCode err = U_ZERO_ERROR;
    UBreakIterator *bi = ubrk_open(kind == 0 ? UBRK_WORD : UBRK_SENTENCE, locale, NULL, 0, &err);
    *status = err;
    if (U_FAILURE(err)) return NULL;
    return bi;
}

void concord_break_close(void *iterator) {
    if (iterator) ubrk_close((UBreakIterator *)iterator);
}

int32_t concord_break_segments(void *iterator, int32_t words_only, const uint16_t *text,
                               int64_t length, int32_t *pairs, int32_t pair_capacity,
                               int32_t *status) {
    if (!status) return -1;
    if (bad_text(text, length, status)) return -1;
    if (!iterator || pair_capacity < 0 || (pair_capacity > 0 && !pairs)) {
        *status = U_ILLEGAL_ARGUMENT_ERROR;
        return -1;
    }
    UBreakIterator *bi = (UBreakIterator *)iterator;
    UErrorCode err = U_ZERO_ERROR;
    ubrk_setText(bi, text ? (const UChar *)text : empty_text, (int32_t)length, &err);
    if (U_FAILURE(err)) { *status = err; return -1; }
    int32_t count = 0;
    int32_t start = ubrk_first(bi);
    for (int32_t end = ubrk_next(bi); end != UBRK_DONE; start = end, end = ubrk_next(bi)) {
        /* For a word iterator the status of the boundary at the end of a segment tells
         * its kind: 0..99 is spaces and punctuation, which are not words. */
        if (words_only) {
            int32_t tag = ubrk_getRuleStatus(bi);
            if (tag >= UBRK_WORD_NONE && tag < UBRK_WORD_NONE_LIMIT) continue;
        }
        if (count < pair_capacity) {
            pairs[2 * (int64_t)count] = start;
            pairs[2 * (int64_t)count + 1] = end;
        }
        count++;  /* at most one segment per unit: stays within int32_t */
    }
    /* Leave the iterator holding no pointer to the caller's buffer. */
    ubrk_setText(bi, empty_text, 0, &err);
    if (U_FAILURE(err)) { *status = err; return -1; }
    *status = U_ZERO_ERROR;
    return count;
}

/* The class of one code point: 0 Latin, 1 Cyrillic, 2 Arabic, 3 Han, 4 another script, 255
 * not a letter; ICU's answer (u_isalpha, uscript_getScript). */
static uint8_t script_class_icu(UChar32 c) {
    if (c < 0x41 || !u_isalpha(c)) return 255;
    UErrorCode err = U_ZERO_ERROR;
    UScriptCode script = uscript_getScript(c, &err);
    if (U_FAILURE(err)) return 255;
    switch (script) {
    case USCRIPT_LATIN: return 0;
    case USCRIPT_CYRILLIC: return 1;
    case USCRIPT_ARABIC: return 2;
    case USCRIPT_HAN: return 3;
    default: return 4;
    }
}

/* An ASCII unit's class: 0 for a Latin letter, 255 else (script_class's first line, and
 * the class of each unit of an ASCII group below). */
static inline uint8_t ascii_class(uint16_t c) {
    return (uint16_t)((c | 0x20) - 'a') < 26 ? 0 : 255;
}

/* script_class_icu's answer, with the letters UN text is mostly made of given without
 * asking ICU (two property look-ups per letter were most of the language decision's time):
 * ASCII and Latin-1, the basic Cyrillic and Arabic letters, the CJK unified ideographs.
 * ShimLimitsTests compares both over every code point. */
static inline uint8_t script_class(UChar32 c) {
    if (c < 0x80) return ascii_class((uint16_t)c);
    if (c >= 0xC0 && c <= 0xFF) return (c == 0xD7 || c == 0xF7) ? 255 : 0;
    if (c >= 0x410 && c <= 0x44F) return 1;
    if ((c >= 0x621 && c <= 0x63A) || (c >= 0x641 && c <= 0x64A)) return 2;
    if (c >= 0x4E00 && c <= 0x9FFF) return 3;
    return script_class_icu(c);
}

int32_t concord_script_class(int32_t c, int32_t fast) {
    if (c < 0 || c > 0x10FFFF) return -1;
    return fast ? script_class(c) : script_class_icu(c);
}

/* Whether the eight units at `src` are all ASCII (their bits above the seventh all zero). */
static inline int ascii8(const uint16_t *src) {
    uint16_t any = 0;
    for (int j = 0; j < 8; j++) any |= src[j];
    return any < 0x80;
}

int32_t concord_script_counts(const uint16_t *text, int64_t length, int64_t *counts, int32_t count) {
    if (!counts || count < 5 || length < 0 || (!text && length > 0)) return -1;
    memset(counts, 0, 5 * sizeof(int64_t));
    const UChar *src = (const UChar *)text;
    /* A 64-bit index: ICU sees one code point at a time, so any length counts exactly.
     * Eight ASCII units at a time are counted without a call per unit (code point by code
     * point, this loop was 1.5 % of a 10 MB check's instructions). */
    for (int64_t i = 0; i < length;) {
        if (i + 8 <= length && ascii8(text + i)) {
            int64_t letters = 0;
            for (int j = 0; j < 8; j++) letters += ascii_class(text[i + j]) == 0;
            counts[0] += letters;
            i += 8;
            continue;
        }
        UChar32 c;
        U16_NEXT(src, i, length, c);
        uint8_t value = script_class(c);
        if (value != 255) counts[value]++;
    }
    return 0;
}

int32_t concord_unit_scripts(const uint16_t *text, int64_t length, uint8_t *scripts) {
    if (length < 0 || (!text && length > 0) || (!scripts && length > 0)) return -1;
    const UChar *src = (const UChar *)text;
    for (int64_t i = 0; i < length;) {
        if (i + 8 <= length && ascii8(text + i)) {
            for (int j = 0; j < 8; j++) scripts[i + j] = ascii_class(text[i + j]);
            i += 8;
            continue;
        }
        int64_t start = i;
        UChar32 c;
        U16_NEXT(src, i, length, c);
        uint8_t value = script_class(c);
        for (int64_t k = start; k < i; k++) scripts[k] = value;
    }
    return 0;
}

void concord_icu_version(char *buffer, int32_t capacity) {
    UVersionInfo info;
    char text[U_MAX_VERSION_STRING_LENGTH];
    u_getVersion(info);
    u_versionToString(info, text);
    if (buffer && capacity > 0) {
        strncpy(buffer, text, (size_t)capacity - 1);
        buffer[capacity - 1] = 0;
    }
}

const char *concord_error_name(int32_t status) {
    return u_errorName((UErrorCode)status);
}

void *concord_regex_open(const uint16_t *pattern, int64_t length, int32_t flags,
                         int32_t *status, int32_t *error_offset) {
    if (!status || !error_offset) return NULL;
    *error_offset = -1;
    /* A pattern is compiled whole; pieces of one mean nothing. */
    if (bad_text(pattern, length, status)) return NULL;
    if (!pattern) pattern = empty_text;
    UErrorCode err = U_ZERO_ERROR;
    UParseError parse;
    memset(&parse, 0, sizeof parse);
    uint32_t icu_flags = 0;
    if (flags & 1) icu_flags |= UREGEX_CASE_INSENSITIVE;
    URegularExpression *re = uregex_open((const UChar *)pattern, (int32_t)length, icu_flags, &parse, &err);
    *status = err;
    *error_offset = parse.offset;
    if (U_FAILURE(err)) {
        if (re) uregex_close(re);
        return NULL;
    }
    return re;
}

int32_t concord_sets_equal(const uint16_t *a, int64_t a_length, const uint16_t *b, int64_t b_length,
                           int32_t *status) {
    if (!status) return -1;
    if (bad_text(a, a_length, status) || bad_text(b, b_length, status)) return -1;
    if (!a || !b || a_length == 0 || b_length == 0) { *status = U_ILLEGAL_ARGUMENT_ERROR; return -1; }
    UErrorCode err = U_ZERO_ERROR;
    USet *first = uset_openPattern((const UChar *)a, (int32_t)a_length, &err);
    USet *second = U_SUCCESS(err) ? uset_openPattern((const UChar *)b, (int32_t)b_length, &err) : NULL;
    int32_t result = -1;
    if (U_SUCCESS(err)) result = uset_equals(first, second) ? 1 : 0;
    *status = err;
    if (first) uset_close(first);
    if (second) uset_close(second);
    return result;
}

int32_t concord_set_ranges(const uint16_t *pattern, int64_t length, int32_t *ranges, int32_t capacity,
                           int32_t *status) {
    if (!status) return -1;
    if (bad_text(pattern, length, status)) return -1;
    if (!pattern || length == 0 || capacity < 0 || (capacity > 0 && !ranges)) { *status = U_ILLEGAL_ARGUMENT_ERROR; return -1; }
    UErrorCode err = U_ZERO_ERROR;
    USet *set = uset_openPattern((const UChar *)pattern, (int32_t)length, &err);
    if (U_FAILURE(err)) { *status = err; if (set) uset_close(set); return -1; }
    int32_t count = uset_getRangeCount(set);
    if (uset_getItemCount(set) != count) {
        /* Strings in the set: not a list of ranges. */
        uset_close(set);
        *status = U_UNSUPPORTED_ERROR;
        return -1;
    }
    for (int32_t i = 0; i < count && 2 * i + 1 < capacity; i++) {
        UChar32 start = 0, end = 0;
        err = U_ZERO_ERROR;
        uset_getItem(set, i, &start, &end, NULL, 0, &err);
        if (U_FAILURE(err)) { *status = err; uset_close(set); return -1; }
        ranges[2 * i] = start;
        ranges[2 * i + 1] = end;
    }
    uset_close(set);
    *status = U_ZERO_ERROR;
    return count;
}

void concord_regex_close(void *regex) {
    if (regex) uregex_close((URegularExpression *)regex);
}

void *concord_regex_clone(void *regex, int32_t *status) {
    if (!status) return NULL;
    if (!regex) { *status = U_ILLEGAL_ARGUMENT_ERROR; return NULL; }
    UErrorCode err = U_ZERO_ERROR;
    URegularExpression *copy = uregex_clone((const URegularExpression *)regex, &err);
    *status = err;
    return U_FAILURE(err) ? NULL : copy;
}

int32_t concord_regex_group_count(void *regex, int32_t *status) {
    if (!status) return -1;
    if (!regex) { *status = U_ILLEGAL_ARGUMENT_ERROR; return -1; }
    UErrorCode err = U_ZERO_ERROR;
    int32_t n = uregex_groupCount((URegularExpression *)regex, &err);
    *status = err;
    return U_FAILURE(err) ? -1 : n;
}

int32_t concord_regex_group_number(void *regex, const char *name) {
    if (!regex || !name) return -1;
    UErrorCode err = U_ZERO_ERROR;
    UChar uname[64];
    int32_t n = 0;
    while (name[n] && n < 63) { uname[n] = (UChar)(unsigned char)name[n]; n++; }
    /* A longer name would be cut, and could then name another group. */
    if (name[n]) return -1;
    int32_t number = uregex_groupNumberFromName((URegularExpression *)regex, uname, n, &err);
    return U_FAILURE(err) ? -1 : number;
}

/* Writes match `count` (all its groups) into spans if there is room. */
static void record_match(URegularExpression *re, int32_t groups, int32_t count, int32_t *spans, int32_t match_capacity) {
    if (count >= match_capacity) return;
    for (int32_t g = 0; g < groups; g++) {
        UErrorCode gerr = U_ZERO_ERROR;
        int32_t start = uregex_start(re, g, &gerr);
        int32_t end = uregex_end(re, g, &gerr);
        /* 64-bit: matches × groups × 2 can pass int32_t on a long text. */
        int64_t at = ((int64_t)count * groups + g) * 2;
        spans[at] = U_FAILURE(gerr) ? -1 : start;
        spans[at + 1] = U_FAILURE(gerr) ? -1 : end;
    }
}

/* Every match, found by the search (starts == NULL) or tried at the given places only. */
static int32_t find_matches(void *regex, const uint16_t *text, int64_t length_in,
                            const int32_t *starts, int64_t start_count, int32_t continues,
                            int32_t *spans, int32_t match_capacity, int32_t *status) {
    if (!status) return -1;
    if (bad_text(text, length_in, status)) return -1;
    if (!regex || start_count < 0 || match_capacity < 0 || (match_capacity > 0 && !spans)) {
        *status = U_ILLEGAL_ARGUMENT_ERROR;
        return -1;
    }
    int32_t length = (int32_t)length_in;
    URegularExpression *re = (URegularExpression *)regex;
    UErrorCode err = U_ZERO_ERROR;
    uregex_setText(re, text ? (const UChar *)text : empty_text, length, &err);
    if (U_FAILURE(err)) { *status = err; return -1; }
    int32_t groups = uregex_groupCount(re, &err) + 1;
    int32_t count = 0;  /* matches do not overlap and move on by one at least: <= length + 1 */
    if (!starts) {
        while (uregex_findNext(re, &err) && U_SUCCESS(err)) {
            record_match(re, groups, count, spans, match_capacity);
            count++;
        }
    } else {
        int32_t next = 0;  /* where the search would go on: the end of the last match */
        int32_t tried = -1;  /* the match end last tried as a continuation */
        if (continues) {
            /* Tried at a region's start, \G holds there (ICU: where the region starts, before
             * any match); transparent bounds let look-arounds and \b see the whole text, and
             * without anchoring bounds ^ and $ keep their places: the rest is matched as at
             * that place of the whole text. (Each uregex_lookingAt at a place resets the
             * region to the whole text.) */
            uregex_useTransparentBounds(re, 1, &err);
            uregex_useAnchoringBounds(re, 0, &err);
        }
        for (int64_t k = 0; k < start_count && U_SUCCESS(err); k++) {
            int32_t at = starts[k];
            if (at < next || at > length || at == tried) continue;
            if (!uregex_lookingAt(re, at, &err) || U_FAILURE(err)) continue;
            for (;;) {
                record_match(re, groups, count, spans, match_capacity);
                count++;
                int32_t end = uregex_end(re, 0, &err);
                next = end > at ? end : at + 1;  /* (after an empty match the search moves on by one) */
                /* The search's next step starts at a non-empty match's end, where \G holds. */
                if (!continues || end <= at || U_FAILURE(err)) break;
                tried = end;
                uregex_setRegion(re, end, length, &err);
                if (U_FAILURE(err) || !uregex_lookingAt(re, -1, &err) || U_FAILURE(err)) break;
                at = end;
            }
        }
        if (continues) {
            UErrorCode bounds = U_ZERO_ERROR;
            uregex_useTransparentBounds(re, 0, &bounds);
            uregex_useAnchoringBounds(re, 1, &bounds);
            if (U_SUCCESS(err) && U_FAILURE(bounds)) err = bounds;
        }
    }
    /* Leave no pointer to the caller's buffer behind. */
    UErrorCode reset = U_ZERO_ERROR;
    uregex_setText(re, empty_text, 0, &reset);
    if (U_FAILURE(err)) { *status = err; return -1; }
    if (U_FAILURE(reset)) { *status = reset; return -1; }
    *status = U_ZERO_ERROR;
    return count;
}

int32_t concord_regex_find_all(void *regex, const uint16_t *text, int64_t length,
                               int32_t *spans, int32_t match_capacity, int32_t *status) {
    return find_matches(regex, text, length, NULL, 0, 0, spans, match_capacity, status);
}

int32_t concord_regex_find_at(void *regex, const uint16_t *text, int64_t length,
                              const int32_t *starts, int64_t start_count, int32_t continues,
                              int32_t *spans, int32_t match_capacity, int32_t *status) {
    static const int32_t none[1] = {0};
    return find_matches(regex, text, length, starts ? starts : none, starts ? start_count : 0,
                        continues, spans, match_capacity, status);
}

int32_t concord_month_names(const char *locale, int32_t kind, uint16_t *buffer, int32_t capacity,
                            int32_t *status) {
    return concord_month_names_kinds(locale, kind, 1, buffer, capacity, status);
}

int32_t concord_month_names_kinds(const char *locale, int32_t first, int32_t count, uint16_t *buffer,
                                  int32_t capacity, int32_t *status) {
    if (!status) return -1;
    if (!locale || !buffer || capacity < 0 || first < 0 || count < 1 || first > 3 || count > 4 - first) {
        *status = U_ILLEGAL_ARGUMENT_ERROR;
        return -1;
    }
    UErrorCode err = U_ZERO_ERROR;
    UDateFormat *fmt = udat_open(UDAT_NONE, UDAT_LONG, locale, NULL, 0, NULL, 0, &err);
    if (U_FAILURE(err)) { *status = err; return -1; }
    int32_t written = 0;
    for (int32_t kind = first; kind < first + count; kind++) {
        UDateFormatSymbolType type = kind == 0 ? UDAT_MONTHS : kind == 1 ? UDAT_STANDALONE_MONTHS
                                   : kind == 2 ? UDAT_SHORT_MONTHS : UDAT_STANDALONE_SHORT_MONTHS;
        for (int32_t m = 0; m < 12; m++) {
            UErrorCode e = U_ZERO_ERROR;
            int32_t n = udat_getSymbols(fmt, type, m, (UChar *)buffer + written,
                                        capacity - written - 1 > 0 ? capacity - written - 1 : 0, &e);
            if (U_FAILURE(e) && e != U_BUFFER_OVERFLOW_ERROR) { udat_close(fmt); *status = e; return -1; }
            if ((int64_t)written + n + 1 > capacity) { udat_close(fmt); *status = U_BUFFER_OVERFLOW_ERROR; return -1; }
            written += n;
            buffer[written++] = 0;
        }
    }
    udat_close(fmt);
    *status = U_ZERO_ERROR;
    return written;
}

/* A strict and a lenient formatter for one locale; the lenient one is opened when a text
 * first needs it (opening one costs up to 12 ms, for Russian). No rule set is chosen: ICU's
 * rule-based parse tries every public rule set of the locale (cardinal, ordinal, masculine,
 * feminine, year, ...) and keeps the longest reading, whatever rule set formats. */
typedef struct {
    UNumberFormat *strict;
    UNumberFormat *lenient;
    char locale[64];
    int lenient_failed;
} Spellout;

static UNumberFormat *spellout_open(const char *locale, int lenient, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    UNumberFormat *fmt = unum_open(UNUM_SPELLOUT, NULL, 0, locale, NULL, &err);
    if (U_FAILURE(err)) { if (fmt) unum_close(fmt); *status = err; return NULL; }
    if (lenient) unum_setAttribute(fmt, UNUM_LENIENT_PARSE, 1);  /* (no status: cannot fail) */
    return fmt;
}

void *concord_spellout_open(const char *locale, int32_t *status) {
    if (!status) return NULL;
    if (!locale) { *status = U_ILLEGAL_ARGUMENT_ERROR; return NULL; }
    Spellout *s = calloc(1, sizeof *s);
    if (!s) { *status = U_MEMORY_ALLOCATION_ERROR; return NULL; }
    *status = U_ZERO_ERROR;
    if (strlen(locale) >= sizeof s->locale) { free(s); *status = U_ILLEGAL_ARGUMENT_ERROR; return NULL; }
    strcpy(s->locale, locale);
    s->strict = spellout_open(locale, 0, status);
    if (!s->strict) { concord_spellout_close(s); return NULL; }
    return s;
}

void concord_spellout_close(void *parser) {
    Spellout *s = parser;
    if (!s) return;
    if (s->strict) unum_close(s->strict);
    if (s->lenient) unum_close(s->lenient);
    free(s);
}

static int spellout_parse(UNumberFormat *fmt, const uint16_t *text, int32_t length, int64_t *value) {
    UErrorCode err = U_ZERO_ERROR;
    int32_t pos = 0;
    int64_t result = unum_parseInt64(fmt, (const UChar *)text, length, &pos, &err);
    if (U_FAILURE(err) || pos != length) return 0;
    *value = result;
    return 1;
}

int32_t concord_spellout_parse(void *parser, const uint16_t *text, int64_t length, int64_t *value) {
    Spellout *s = parser;
    /* No piece of a text is a number spelled out if the text is not: refuse a long one. */
    if (!s || !value || bad_text(text, length, NULL)) return -1;
    if (!text) text = empty_text;
    if (spellout_parse(s->strict, text, (int32_t)length, value)) return 1;
    if (!s->lenient && !s->lenient_failed) {
        int32_t status = U_ZERO_ERROR;
        s->lenient = spellout_open(s->locale, 1, &status);
        /* The strict one opened for this locale, so this one should too; if it cannot (out
         * of memory), the texts the strict one refuses stay unread. */
        if (!s->lenient) s->lenient_failed = 1;
    }
    return s->lenient ? spellout_parse(s->lenient, text, (int32_t)length, value) : 0;
}

int32_t concord_case_fold_table(uint16_t *table, int32_t capacity) {
    if (!table || capacity < 0x10000) return -1;
    for (int32_t c = 0; c < 0x10000; c++) {
        if (U16_IS_SURROGATE(c)) { table[c] = 0xFFFF; continue; }
        /* Most units have no case and fold to themselves: property look-ups say so without a
           string fold (64K of those were a millisecond of every start). Letters with case are
           folded whole (`ǰ` folds to two units though its decomposition does not change);
           ShimLimitsTests compares every unit. */
        if (!u_hasBinaryProperty(c, UCHAR_CASED) && !u_hasBinaryProperty(c, UCHAR_CHANGES_WHEN_CASEFOLDED)
            && u_foldCase(c, U_FOLD_CASE_DEFAULT) == c) {
            table[c] = (uint16_t)c;
            continue;
        }
        UChar in[1] = { (UChar)c }, out[4];
        UErrorCode err = U_ZERO_ERROR;
        int32_t n = u_strFoldCase(out, 4, in, 1, U_FOLD_CASE_DEFAULT, &err);
        table[c] = (U_SUCCESS(err) && n == 1) ? out[0] : 0xFFFF;
    }
    return 0;
}

int32_t concord_case_fold(const uint16_t *text, int64_t length, uint16_t *output, int32_t capacity) {
    if (bad_text(text, length, NULL) || capacity < 0 || (capacity > 0 && !output)) return -1;
    if (!text) text = empty_text;
    UErrorCode err = U_ZERO_ERROR;
    int32_t n = u_strFoldCase((UChar *)output, capacity, (const UChar *)text, (int32_t)length, U_FOLD_CASE_DEFAULT, &err);
    if (err == U_BUFFER_OVERFLOW_ERROR || U_SUCCESS(err)) return n;
    return -1;
}

int32_t concord_letter_number_table(uint8_t *table, int32_t capacity) {
    if (!table || capacity < 0x10000) return -1;
    for (int32_t c = 0; c < 0x10000; c++) {
        table[c] = ((U_GET_GC_MASK(c) & (U_GC_L_MASK | U_GC_N_MASK)) != 0 ? 1 : 0)
                 | ((U_GET_GC_MASK(c) & U_GC_ND_MASK) != 0 ? 2 : 0);
    }
    return 0;
}

int32_t concord_category_table(uint8_t *table, int32_t capacity) {
    if (!table || capacity < 0x10000) return -1;
    for (int32_t c = 0; c < 0x10000; c++) table[c] = (uint8_t)u_charType(c);
    return 0;
}

/* The first starter of NFD(c), or 0xFFFF when NFD(c) holds another starter, begins with a
 * combining mark or leaves the BMP. Most characters have no decomposition: one look-up. */
static uint16_t base_letter(UChar32 c, const UNormalizer2 *nfd) {
    if (c > 0xFFFF || u_getCombiningClass(c) != 0) return 0xFFFF;
    UChar out[32];
    UErrorCode err = U_ZERO_ERROR;
    int32_t n = unorm2_getDecomposition(nfd, c, out, 32, &err);
    if (n < 0) return (uint16_t)c;
    if (U_FAILURE(err) || n < 1 || U16_IS_SURROGATE(out[0]) || u_getCombiningClass(out[0]) != 0) return 0xFFFF;
    for (int32_t i = 1; i < n; i++) {
        if (U16_IS_SURROGATE(out[i]) || u_getCombiningClass(out[i]) == 0) return 0xFFFF;
    }
    return out[0];
}

int32_t concord_base_letter_tables(uint16_t *lower, uint16_t *same, int64_t capacity) {
    if (lower == NULL || same == NULL) return CONCORD_ILLEGAL_ARGUMENT;
    /* One entry per BMP unit: a smaller table would be written past its end. */
    if (capacity < 0x10000) return U_BUFFER_OVERFLOW_ERROR;
    UErrorCode err = U_ZERO_ERROR;
    const UNormalizer2 *nfd = unorm2_getNFDInstance(&err);
    if (U_FAILURE(err) || nfd == NULL) return U_FAILURE(err) ? err : U_INTERNAL_PROGRAM_ERROR;
    for (int32_t c = 0; c < 0x10000; c++) {
        if (U16_IS_SURROGATE(c)) { lower[c] = 0xFFFF; same[c] = 0xFFFF; continue; }
        same[c] = base_letter(c, nfd);
        /* The full lower-case mapping of a BMP character is its simple one but for İ (i and a
         * combining dot: base i, as u_tolower gives) and Σ, which lower-cases to σ or, at the
         * end of a word, ς: either may be what a text holds. */
        lower[c] = c == 0x03A3 ? 0xFFFF : base_letter(u_tolower(c), nfd);
    }
    return 0;
}
