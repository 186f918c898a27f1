/* The floor under Concord's throughput (issue 15): what a reader built on ICU must at least
 * do over every byte of the resolution corpus, each stage timed on its own, as MB/s of the
 * corpus's UTF-8 bytes. Compiled and run by scripts/bench (not part of the build):
 *
 *   cc -O2 scripts/bench-floor.c Sources/CICUShim/shim.c -ISources/CICUShim/include \
 *      $(pkg-config --cflags --libs icu-uc icu-i18n) -o floor
 *   floor RUNS FILE...
 *
 * Stages (each the best of RUNS passes over all files, the files already in memory but for
 * the first):
 *   read      open + read + close of every file (from the page cache: the kernel's copy)
 *   utf16     UTF-8 -> UTF-16 (ICU's u_strFromUTF8; Concord has its own transcoder of the
 *             same kind, SourceDecoder.transcode)
 *   nfkc      Concord's own matching view, concord_fold of Sources/CICUShim/shim.c (NFKC with
 *             the offset map of every unit, the folds of NormalizedText), over each line
 *   nfkc-icu  ICU's NFKC alone over each line (unorm2_normalize: no offset map, no folds)
 *   utf8      UTF-16 -> UTF-8 of the normalized text (what the Hyperscan pass scans)
 *   words     ICU word-break iteration over each line (ubrk, "en" locale; Concord does NOT
 *             run it in `check`: Segmenter has no caller there)
 *   sentences ICU sentence-break iteration over each line (not run by Concord either)
 *   regex     one ICU regex search of one typical rule over each normalized line (en.paragraph
 *             of Rules/languages/en.yml, its placeholders written out; case-insensitive, as
 *             Concord compiles it). Concord does NOT search every unit with every rule: its
 *             pre-filter (Hyperscan, or the literal pre-scan) finds candidate places and ICU
 *             is tried there only; this is the cost of one rule when that is not done.
 * A line is Concord's unit of a plain-text file closely enough (a paragraph is a line in the
 * corpus's text and Markdown files); .docx files are left out (their XML is not text).
 */
#include "concord_icu.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/stat.h>
#include <unicode/ubrk.h>
#include <unicode/unorm2.h>
#include <unicode/uregex.h>
#include <unicode/ustring.h>

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

typedef struct {
    const char *path;
    char *bytes;
    int32_t size;
    UChar *units;   /* UTF-16 */
    int32_t count;
    UChar *norm;    /* concord_fold's output, lines kept apart by their \n */
    int32_t norm_count;
} File;

static File *files;
static int file_count;
static volatile long sink;

static char *read_file(const char *path, int32_t *size) {
    int fd = open(path, O_RDONLY);
    if (fd < 0) { perror(path); exit(2); }
    struct stat st;
    if (fstat(fd, &st) != 0) { perror(path); exit(2); }
    char *buffer = malloc((size_t)st.st_size + 1);
    ssize_t got = 0;
    while (got < st.st_size) {
        ssize_t n = read(fd, buffer + got, (size_t)(st.st_size - got));
        if (n <= 0) { perror(path); exit(2); }
        got += n;
    }
    close(fd);
    *size = (int32_t)got;
    return buffer;
}

static void stage_read(void) {
    for (int f = 0; f < file_count; f++) {
        int32_t size;
        char *bytes = read_file(files[f].path, &size);
        sink += bytes[0];
        free(bytes);
    }
}

static void stage_utf16(void) {
    for (int f = 0; f < file_count; f++) {
        File *file = &files[f];
        UErrorCode err = U_ZERO_ERROR;
        int32_t n = 0;
        free(file->units);
        file->units = malloc(sizeof(UChar) * ((size_t)file->size + 1));
        u_strFromUTF8(file->units, file->size + 1, &n, file->bytes, file->size, &err);
        if (U_FAILURE(err)) { fprintf(stderr, "bench-floor: %s: not UTF-8 (%s)\n", file->path, u_errorName(err)); exit(2); }
        file->count = n;
    }
}

/* Calls fn on each line (without its \n) of units. */
#define EACH_LINE(units, count, body) do { \
    int32_t start_ = 0; \
    for (int32_t i_ = 0; i_ <= (count); i_++) { \
        if (i_ == (count) || (units)[i_] == 0x0A) { \
            const UChar *line = (units) + start_; int32_t length = i_ - start_; \
            body; \
            start_ = i_ + 1; \
        } \
    } \
} while (0)

static void stage_nfkc(void) {
    for (int f = 0; f < file_count; f++) {
        File *file = &files[f];
        int32_t capacity = file->count + file->count / 4 + 16;
        free(file->norm);
        file->norm = malloc(sizeof(UChar) * (size_t)capacity);
        int32_t *starts = malloc(sizeof(int32_t) * (size_t)capacity);
        int32_t *ends = malloc(sizeof(int32_t) * (size_t)capacity);
        int32_t out = 0;
        EACH_LINE(file->units, file->count, {
            int32_t status = 0;
            int32_t n = concord_fold(line, length, file->norm + out, capacity - out, starts + out, ends + out, &status);
            if (n < 0 || out + n + 1 > capacity) { fprintf(stderr, "bench-floor: %s: fold failed\n", file->path); exit(2); }
            out += n;
            file->norm[out++] = 0x0A;
        });
        file->norm_count = out > 0 ? out - 1 : 0;
        free(starts);
        free(ends);
    }
}

/* ICU's NFKC alone (unorm2_normalize over each line, no offset map, none of the folds): the
 * part of nfkc that any ICU-based reader pays. */
static void stage_nfkc_icu(void) {
    UErrorCode err = U_ZERO_ERROR;
    const UNormalizer2 *nfkc = unorm2_getNFKCInstance(&err);
    for (int f = 0; f < file_count; f++) {
        File *file = &files[f];
        int32_t capacity = file->count * 3 + 16;
        UChar *out = malloc(sizeof(UChar) * (size_t)capacity);
        EACH_LINE(file->units, file->count, {
            UErrorCode nerr = U_ZERO_ERROR;
            sink += unorm2_normalize(nfkc, line, length, out, capacity, &nerr);
        });
        free(out);
    }
}

static void stage_utf8(void) {
    for (int f = 0; f < file_count; f++) {
        File *file = &files[f];
        size_t capacity = (size_t)file->norm_count * 3 + 1;
        char *out = malloc(capacity);
        UErrorCode err = U_ZERO_ERROR;
        int32_t n = 0;
        u_strToUTF8(out, (int32_t)capacity, &n, file->norm, file->norm_count, &err);
        sink += n;
        free(out);
    }
}

static UBreakIterator *word_breaks, *sentence_breaks;

static void breaks(UBreakIterator *bi, const UChar *units, int32_t count) {
    EACH_LINE(units, count, {
        if (length == 0) continue;
        UErrorCode err = U_ZERO_ERROR;
        ubrk_setText(bi, line, length, &err);
        for (int32_t b = ubrk_first(bi); b != UBRK_DONE; b = ubrk_next(bi)) sink += ubrk_getRuleStatus(bi);
    });
}

static void stage_words(void) {
    for (int f = 0; f < file_count; f++) breaks(word_breaks, files[f].units, files[f].count);
}

static void stage_sentences(void) {
    for (int f = 0; f < file_count; f++) breaks(sentence_breaks, files[f].units, files[f].count);
}

static URegularExpression *rule;

static void stage_regex(void) {
    for (int f = 0; f < file_count; f++) {
        File *file = &files[f];
        EACH_LINE(file->norm, file->norm_count, {
            if (length == 0) continue;
            UErrorCode err = U_ZERO_ERROR;
            uregex_setText(rule, line, length, &err);
            while (uregex_findNext(rule, &err) && U_SUCCESS(err)) sink += uregex_start(rule, 0, &err);
        });
    }
}

/* en.paragraph of Rules/languages/en.yml with {paragraph}, {parnums} (and {parnum}, {and},
 * {to}), {selfref} and {preceding} written out as Concord expands words and fragments. */
static const char *paragraph_rule =
    "\\b(?:(?:para\\.|paras\\.|paragraph|paragraphs|subparagraph|subparagraphs))\\s+"
    "(?<list>(?:\\d+(?:\\.\\d+)?(?:\\s?\\([a-z]{1,4}\\))*)(?:\\s*(?:,|(?:and)|(?:to)|-)\\s*"
    "(?:(?:\\d+(?:\\.\\d+)?(?:\\s?\\([a-z]{1,4}\\))*)|\\([a-z]{1,4}\\)))*)"
    "(?:\\s+(?<self>(?:above|below|of\\s+the\\s+present\\s+resolution|of\\s+this\\s+resolution)))?"
    "|(?<preceding>\\b(?:the\\s+preceding\\s+paragraph|the\\s+previous\\s+paragraph))";

typedef void (*Stage)(void);

int main(int argc, char **argv) {
    if (argc < 3) { fprintf(stderr, "usage: bench-floor RUNS FILE...\n"); return 2; }
    int runs = atoi(argv[1]);
    if (runs < 1) runs = 1;
    files = calloc((size_t)argc, sizeof(File));
    long total = 0;
    for (int i = 2; i < argc; i++) {
        size_t n = strlen(argv[i]);
        if (n > 5 && strcmp(argv[i] + n - 5, ".docx") == 0) continue;
        File *file = &files[file_count++];
        file->path = argv[i];
        file->bytes = read_file(argv[i], &file->size);
        total += file->size;
    }
    UErrorCode err = U_ZERO_ERROR;
    word_breaks = ubrk_open(UBRK_WORD, "en", NULL, 0, &err);
    sentence_breaks = ubrk_open(UBRK_SENTENCE, "en", NULL, 0, &err);
    UChar pattern[1024];
    u_uastrcpy(pattern, paragraph_rule);
    UParseError parse;
    rule = uregex_open(pattern, -1, UREGEX_CASE_INSENSITIVE, &parse, &err);
    if (U_FAILURE(err)) { fprintf(stderr, "bench-floor: ICU: %s\n", u_errorName(err)); return 2; }
    struct { const char *name; Stage run; const char *note; } stages[] = {
        {"read", stage_read, "run by Concord: every file read"},
        {"utf16", stage_utf16, "run: UTF-8 -> UTF-16 (ICU works in UTF-16; Concord's own transcoder)"},
        {"nfkc", stage_nfkc, "run: concord_fold, NFKC + offset map, every unit"},
        {"nfkc-icu", stage_nfkc_icu, "ICU's NFKC alone, no offset map (the part of nfkc any ICU reader pays)"},
        {"utf8", stage_utf8, "run with the Hyperscan pass (opt-in): the normalized unit as UTF-8"},
        {"words", stage_words, "NOT run by concord check (no word breaks)"},
        {"sentences", stage_sentences, "NOT run by concord check (no sentence breaks)"},
        {"regex", stage_regex, "NOT run over every unit: one rule's full ICU search (Concord pre-filters)"},
    };
    printf("floor: %d text or Markdown files, %ld bytes (.docx left out); best of %d passes\n", file_count, total, runs);
    double mandatory = 0;
    for (size_t s = 0; s < sizeof stages / sizeof stages[0]; s++) {
        double best = 1e30;
        for (int r = 0; r < runs; r++) {
            double t0 = now();
            stages[s].run();
            double t = now() - t0;
            if (t < best) best = t;
        }
        if (s < 3) mandatory += best;
        printf("floor %-10s %9.1f MB/s  (%7.2f ms)  target 50 MB/s  %s\n", stages[s].name, total / best / 1e6, best * 1e3, stages[s].note);
    }
    printf("floor %-10s %9.1f MB/s  (%7.2f ms)  target 50 MB/s  read + utf16 + nfkc, the stages every run does over every byte\n",
           "together", total / mandatory / 1e6, mandatory * 1e3);
    return (int)(sink & 0);
}
