/*
 * The C shim between Concord and the system ICU (libicu-dev).
 *
 * This header deliberately contains no ICU header and no ICU type: Foundation on Linux
 * carries its own private ICU as the Clang module _FoundationICU, and a Swift module that
 * imports Foundation while it can see the system ICU headers fails to compile. ICU also
 * renames its C functions with a version suffix through macros (unorm2_normalize ->
 * unorm2_normalize_72) that Swift cannot see; inside shim.c those macros just work, so no
 * ICU version is hard-coded anywhere.
 *
 * Text is passed as UTF-16 code units (uint16_t), ICU's native form. Status values are
 * ICU's UErrorCode numbers; 0 or negative means success.
 */
#ifndef CONCORD_ICU_H
#define CONCORD_ICU_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * The matching view of a text: NFKC, then bidi and other invisible format controls removed,
 * Arabic-Indic and Eastern Arabic-Indic digits folded to ASCII, every space separator
 * unified to U+0020 and every dash variant to U+002D.
 *
 * For each output unit i, source_start[i] and source_end[i] give the source range
 * [start, end) of the normalization segment it came from (a segment is the text between two
 * NFKC boundaries, e.g. "e" + U+0301 -> "é" maps to both source units).
 *
 * Returns the output length. If it is larger than capacity, nothing useful was written:
 * call again with a buffer at least that large. Returns -1 and sets *status on an ICU error.
 */
int32_t concord_fold(const uint16_t *source, int32_t length,
                     uint16_t *output, int32_t capacity,
                     int32_t *source_start, int32_t *source_end,
                     int32_t *status);

/* Break iterators. kind: 0 = word, 1 = sentence. Opened once and reused by the caller. */
void *concord_break_open(int32_t kind, const char *locale, int32_t *status);
void concord_break_close(void *iterator);

/*
 * Sets the text and writes segment boundaries as pairs (start, end). With words_only, only
 * segments that ICU tags as words (letters, numbers, kana, ideographs) are written; spaces
 * and punctuation are skipped. Returns the number of pairs, which may be
 * larger than pair_capacity (then call again with more room).
 */
int32_t concord_break_segments(void *iterator, int32_t words_only, const uint16_t *text,
                               int32_t length, int32_t *pairs, int32_t pair_capacity,
                               int32_t *status);

/*
 * ICU regular expressions (uregex). flags: 1 = case-insensitive. On a syntax error, returns
 * NULL, sets *status and *error_offset (the UTF-16 offset in the pattern, or -1).
 */
void *concord_regex_open(const uint16_t *pattern, int32_t length, int32_t flags,
                         int32_t *status, int32_t *error_offset);
void concord_regex_close(void *regex);
/* A copy of a compiled regex that can match on another thread (ICU shares the pattern). */
void *concord_regex_clone(void *regex, int32_t *status);
int32_t concord_regex_group_count(void *regex);
/* The number of the named group `name` (ASCII), or -1. */
int32_t concord_regex_group_number(void *regex, const char *name);
/*
 * Finds every match in text. For each match, writes (group_count + 1) pairs (start, end) —
 * group 0 first, -1 for a group that did not take part. Returns the number of matches, which
 * may be larger than match_capacity (then call again with more room). A regex object is not
 * thread-safe: the caller serializes calls on one object.
 */
int32_t concord_regex_find_all(void *regex, const uint16_t *text, int32_t length,
                               int32_t *spans, int32_t match_capacity, int32_t *status);

/*
 * The same matches as concord_regex_find_all, for a pattern whose matches can only start at
 * the given positions (ascending): the pattern is tried at each of them (anchored there,
 * the whole text visible to look-behinds) instead of at every position, skipping those
 * inside the previous match, as the search does. The pattern must not use \G.
 */
int32_t concord_regex_find_at(void *regex, const uint16_t *text, int32_t length,
                              const int32_t *starts, int32_t start_count,
                              int32_t *spans, int32_t match_capacity, int32_t *status);

/*
 * Month names from ICU's locale data. kind: 0 = format wide (октября), 1 = stand-alone wide
 * (октябрь), 2 = format abbreviated, 3 = stand-alone abbreviated. Writes the twelve names
 * one after another into buffer, each followed by a 0 unit. Returns the units written, or -1.
 */
int32_t concord_month_names(const char *locale, int32_t kind, uint16_t *buffer, int32_t capacity);

/*
 * Numbers spelled out in words (二十八, seventy-third), parsed with ICU's rule-based number
 * format for the locale; ordinal selects the ordinal rule set where the locale has one.
 * Open once, reuse (not thread-safe). parse returns 1 and sets *value when the whole text
 * parsed, else 0. It tries a strict parse first (5-10x faster) and the lenient one (which
 * collates: case, accents, inflected forms) only when the strict one does not take the
 * whole text.
 */
void *concord_spellout_open(const char *locale, int32_t ordinal);
void concord_spellout_close(void *parser);
int32_t concord_spellout_parse(void *parser, const uint16_t *text, int32_t length, int64_t *value);

/*
 * Inflates a raw deflate stream (a zip entry), deterministically: returns 0 and a malloc'd
 * buffer in *out (free with concord_free) when the stream ends, 1 when the output would
 * exceed cap bytes, -1 when the stream is damaged or truncated.
 */
int32_t concord_inflate_raw(const uint8_t *in, int64_t in_length, int64_t cap,
                            uint8_t **out, int64_t *out_length);
void concord_free(void *pointer);

/* Script counts over a text, in this order: Latin, Cyrillic, Arabic, Han, Other letters. */
void concord_script_counts(const uint16_t *text, int32_t length, int64_t counts[5]);

/*
 * Case folding for the literal pre-scan. concord_case_fold_table fills table[65536]: for each
 * BMP code unit, its full case folding when that is one unit, else 0xFFFF (ß -> ss, İ -> i̇,
 * and surrogates: the caller treats such text conservatively). concord_case_fold writes the
 * full case folding of a string and returns its length (or the needed capacity).
 */
void concord_case_fold_table(uint16_t *table);
/* table[65536] for BMP units: bit 1 for letters and numbers (general categories L and N),
 * bit 2 for decimal digits (Nd, what \d matches). */
void concord_letter_number_table(uint8_t *table);
int32_t concord_case_fold(const uint16_t *text, int32_t length, uint16_t *output, int32_t capacity);

/* For each BMP unit, the first character of the canonical decomposition (NFD) of its full
 * lower-case mapping (lower) and of itself (same), or 0xFFFF when that is not one BMP starter
 * followed only by combining marks (surrogates, Hangul syllables, İ): the readers' word
 * filters treat such units conservatively. */
void concord_base_letter_tables(uint16_t *lower, uint16_t *same);

/* ICU's version, e.g. "72.1". */
void concord_icu_version(char *buffer, int32_t capacity);

/* ICU's name for a UErrorCode, e.g. "U_ILLEGAL_ARGUMENT_ERROR". */
const char *concord_error_name(int32_t status);

#ifdef __cplusplus
}
#endif

#endif
