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
 *
 * Every pointer is checked (NULL: CONCORD_ILLEGAL_ARGUMENT) and every buffer comes with its
 * capacity. Text lengths are 64-bit: ICU's C API counts UTF-16 units in int32_t, so a
 * function that has to hand the whole text to ICU at once refuses a longer text with
 * CONCORD_INPUT_TOO_LONG (never a silent cut); one that can work piece by piece exactly
 * takes any length. Each function says which.
 */
#ifndef CONCORD_ICU_H
#define CONCORD_ICU_H

#include <stdint.h>

/* ICU's U_ILLEGAL_ARGUMENT_ERROR and U_INPUT_TOO_LONG_ERROR (checked in shim.c). */
#define CONCORD_ILLEGAL_ARGUMENT 1
#define CONCORD_INPUT_TOO_LONG 31
/* The longest text (UTF-16 units) that ICU's int32_t lengths can take: INT32_MAX. */
#define CONCORD_MAX_UNITS 2147483647

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
 * output, source_start and source_end each hold capacity elements. Returns the output
 * length. If it is larger than capacity, nothing useful was written: call again with
 * buffers at least that large. Returns -1 and sets *status on an ICU error, a NULL
 * pointer, or a text (or its folded form) longer than CONCORD_MAX_UNITS: the offsets are
 * int32_t, and chunking would not make them fit.
 */
int32_t concord_fold(const uint16_t *source, int64_t length,
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
 * larger than pair_capacity (then call again with more room); pairs holds 2 * pair_capacity
 * elements. A text longer than CONCORD_MAX_UNITS is refused: a boundary depends on the
 * text around it, so pieces would not break exactly as the whole.
 */
int32_t concord_break_segments(void *iterator, int32_t words_only, const uint16_t *text,
                               int64_t length, int32_t *pairs, int32_t pair_capacity,
                               int32_t *status);

/*
 * ICU regular expressions (uregex). flags: 1 = case-insensitive. On a syntax error, returns
 * NULL, sets *status and *error_offset (the UTF-16 offset in the pattern, or -1).
 */
void *concord_regex_open(const uint16_t *pattern, int64_t length, int32_t flags,
                         int32_t *status, int32_t *error_offset);
void concord_regex_close(void *regex);
/*
 * Whether two ICU set patterns (UnicodeSet syntax: `[\p{L}\p{N}]`, `[[\p{ID_Start}]-[\x{2118}]]`)
 * hold the same code points and strings: 1 yes, 0 no, -1 (with *status set) when one does not
 * parse.
 */
int32_t concord_sets_equal(const uint16_t *a, int64_t a_length, const uint16_t *b, int64_t b_length,
                           int32_t *status);
/* The code point ranges of the set an ICU set pattern describes (`[\p{Latin}]`): the number of
 * ranges, with the first `capacity / 2` of them written as start, end pairs (inclusive) into
 * `ranges`; call again with room for more when the number is larger. -1 (with *status set) when
 * the pattern does not parse or its set holds strings. */
int32_t concord_set_ranges(const uint16_t *pattern, int64_t length, int32_t *ranges, int32_t capacity,
                           int32_t *status);
/* A copy of a compiled regex that can match on another thread (ICU shares the pattern). */
void *concord_regex_clone(void *regex, int32_t *status);
/* The number of capture groups, or -1 (with *status set) on a NULL regex or an ICU error. */
int32_t concord_regex_group_count(void *regex, int32_t *status);
/* The number of the named group `name` (ASCII, at most 63 characters), or -1. */
int32_t concord_regex_group_number(void *regex, const char *name);
/*
 * Finds every match in text. For each match, writes (group_count + 1) pairs (start, end) —
 * group 0 first, -1 for a group that did not take part. Returns the number of matches, which
 * may be larger than match_capacity (then call again with more room); spans holds
 * match_capacity * (group_count + 1) * 2 elements. A regex object is not thread-safe: the
 * caller serializes calls on one object. A text longer than CONCORD_MAX_UNITS is refused:
 * a match may span any piece boundary.
 */
int32_t concord_regex_find_all(void *regex, const uint16_t *text, int64_t length,
                               int32_t *spans, int32_t match_capacity, int32_t *status);

/*
 * The same matches as concord_regex_find_all, for a pattern whose matches can only start at
 * the given positions (ascending): the pattern is tried at each of them (anchored there,
 * the whole text visible to look-behinds) instead of at every position, skipping those
 * inside the previous match, as the search does. There \G holds at the start of the text
 * only. With `continues` (a pattern with \G), the end of each non-empty match is tried
 * first as well, with \G holding there, as the search's next step does: for a pattern
 * whose matches start at the given positions or where the previous match ended.
 */
int32_t concord_regex_find_at(void *regex, const uint16_t *text, int64_t length,
                              const int32_t *starts, int64_t start_count, int32_t continues,
                              int32_t *spans, int32_t match_capacity, int32_t *status);

/*
 * Month names from ICU's locale data. kind: 0 = format wide (октября), 1 = stand-alone wide
 * (октябрь), 2 = format abbreviated, 3 = stand-alone abbreviated. Writes the twelve names
 * one after another into buffer (capacity units), each followed by a 0 unit. Returns the
 * units written, or -1 (with *status set; U_BUFFER_OVERFLOW_ERROR when buffer is too small).
 */
int32_t concord_month_names(const char *locale, int32_t kind, uint16_t *buffer, int32_t capacity,
                            int32_t *status);

/*
 * The same for kinds first ..< first + count (0 <= first, first + count <= 4), one after
 * another, with one date format opened for all of them (opening one is most of the cost:
 * about 300,000 instructions).
 */
int32_t concord_month_names_kinds(const char *locale, int32_t first, int32_t count, uint16_t *buffer,
                                  int32_t capacity, int32_t *status);

/*
 * Numbers spelled out in words (二十八, seventy-third, seventy-three), parsed with ICU's
 * rule-based number format for the locale, which reads with every public rule set of the
 * locale (cardinal, ordinal, gendered, year) and keeps the longest reading: one parser reads
 * ordinals and cardinals. Open once, reuse (not thread-safe); open returns NULL and sets
 * *status on failure. parse returns 1 and sets *value when the whole text parsed, 0 when
 * it did not, -1 on a NULL pointer or a text longer than CONCORD_MAX_UNITS (which no number
 * spelled out in words is: refused, not cut). It tries a strict parse first (5-10x faster)
 * and the lenient one (which collates: case, accents, inflected forms) only when the strict
 * one does not take the whole text; the lenient one is opened the first time it is needed.
 * The locale is an ICU locale id of at most 63 bytes.
 */
void *concord_spellout_open(const char *locale, int32_t *status);
void concord_spellout_close(void *parser);
int32_t concord_spellout_parse(void *parser, const uint16_t *text, int64_t length, int64_t *value);

/*
 * Script counts over a text, in this order: Latin, Cyrillic, Arabic, Han, Other letters,
 * into counts (count elements, at least 5). Any length: ICU is asked one code point at a
 * time. Returns 0, or -1 on a NULL pointer or too small a count.
 */
int32_t concord_script_counts(const uint16_t *text, int64_t length, int64_t *counts, int32_t count);

/*
 * The script of each UTF-16 unit that is (part of) a letter, in the order of
 * concord_script_counts (0 Latin, 1 Cyrillic, 2 Arabic, 3 Han, 4 another script), 255 for
 * a unit that is no letter; both units of a surrogate pair get their code point's script.
 * scripts holds length elements. Returns 0, or -1 on a NULL pointer.
 */
int32_t concord_unit_scripts(const uint16_t *text, int64_t length, uint8_t *scripts);

/*
 * The class of code point c as the two functions above count it (0-4, 255 no letter), with
 * their shortcuts for common letters (fast) or from ICU alone; -1 outside Unicode. For tests.
 */
int32_t concord_script_class(int32_t c, int32_t fast);

/*
 * Case folding for the literal pre-scan. concord_case_fold_table fills table (capacity
 * elements, at least 65536; returns -1 without writing otherwise, else 0): for each
 * BMP code unit, its full case folding when that is one unit, else 0xFFFF (ß -> ss, İ -> i̇,
 * and surrogates: the caller treats such text conservatively). concord_case_fold writes the
 * full case folding of a string and returns its length (or the needed capacity), or -1 on
 * an ICU error, a NULL pointer or a text longer than CONCORD_MAX_UNITS (refused: the
 * result's length has to fit ICU's int32_t too).
 */
int32_t concord_case_fold_table(uint16_t *table, int32_t capacity);

/* The general category (ICU's UCharCategory: 0 unassigned, 1 Lu, 2 Ll, …) of each BMP code
 * point: table must hold 0x10000 entries. 0 on success, -1 otherwise. The Hyperscan
 * pre-filter compares it with its library's, older, tables. */
int32_t concord_category_table(uint8_t *table, int32_t capacity);
/* table (capacity >= 65536, else -1) for BMP units: bit 1 for letters and numbers (general
 * categories L and N), bit 2 for decimal digits (Nd, what \d matches). */
int32_t concord_letter_number_table(uint8_t *table, int32_t capacity);
int32_t concord_case_fold(const uint16_t *text, int64_t length, uint16_t *output, int32_t capacity);

/* For each BMP unit, the first character of the canonical decomposition (NFD) of its full
 * lower-case mapping (lower) and of itself (same), or 0xFFFF when that is not one BMP starter
 * followed only by combining marks (surrogates, Hangul syllables, İ): the readers' word
 * filters treat such units conservatively. Both tables hold `capacity` entries (at least
 * 65,536). Returns 0, CONCORD_ILLEGAL_ARGUMENT for a NULL table, U_BUFFER_OVERFLOW_ERROR
 * (15) for a capacity that is too small, or ICU's error when NFD is unavailable. */
int32_t concord_base_letter_tables(uint16_t *lower, uint16_t *same, int64_t capacity);

/* ICU's version, e.g. "72.1". */
void concord_icu_version(char *buffer, int32_t capacity);

/* ICU's name for a UErrorCode, e.g. "U_ILLEGAL_ARGUMENT_ERROR". */
const char *concord_error_name(int32_t status);

#ifdef __cplusplus
}
#endif

#endif
