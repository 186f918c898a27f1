// PDF text through poppler's C++ interface: the words of each page with their boxes, font
// sizes and spaces, and each word's characters with theirs (see concord_pdf.h). Nothing here
// reorders or interprets the text: PdfFile (Swift) does that.
#include "concord_pdf.h"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <cstdlib>
#include <cstring>
#include <memory>
#include <mutex>
#include <new>
#include <string>
#include <vector>

struct concord_pdf {
    std::vector<char> bytes;  // poppler reads the document from them: kept as long as it is open
    std::unique_ptr<poppler::document> document;
};

namespace {

// Poppler's messages (by default written to standard error) go here instead: the last one of
// this thread is what a failure to open reports.
thread_local std::string last_message;

// Poppler's category (`error: `, `syntax error: `) left out: the caller says it is an error.
void keep_message(const std::string &message, void *) {
    size_t colon = message.find(": ");
    bool category = colon != std::string::npos && colon < 24 && message.compare(0, colon, "error") == 0;
    if (!category && colon != std::string::npos && colon >= 6 && colon < 24) {
        category = message.compare(colon - 6, 6, " error") == 0 && message.find_first_not_of("abcdefghijklmnopqrstuvwxyz ") >= colon;
    }
    last_message = category ? message.substr(colon + 2) : message;
}

void quiet_poppler() {
    static std::once_flag once;
    std::call_once(once, [] { poppler::set_debug_error_function(keep_message, nullptr); });
}

void copy_message(const std::string &text, char *message, int64_t capacity) {
    if (message == nullptr || capacity <= 0) return;
    size_t n = text.size();
    if (static_cast<int64_t>(n) >= capacity) n = static_cast<size_t>(capacity - 1);
    std::memcpy(message, text.data(), n);
    message[n] = 0;
}

// UTF-8 to scalars; a malformed sequence gives U+FFFD.
std::vector<uint32_t> scalars(const std::vector<char> &utf8) {
    std::vector<uint32_t> out;
    size_t i = 0;
    while (i < utf8.size()) {
        unsigned char b = static_cast<unsigned char>(utf8[i]);
        uint32_t c;
        size_t n;
        if (b < 0x80) { c = b; n = 1; }
        else if (b >= 0xC2 && b < 0xE0) { c = b & 0x1F; n = 2; }
        else if (b >= 0xE0 && b < 0xF0) { c = b & 0x0F; n = 3; }
        else if (b >= 0xF0 && b < 0xF5) { c = b & 0x07; n = 4; }
        else { out.push_back(0xFFFD); i++; continue; }
        bool ok = i + n <= utf8.size();
        for (size_t k = 1; ok && k < n; k++) {
            unsigned char t = static_cast<unsigned char>(utf8[i + k]);
            if ((t & 0xC0) != 0x80) ok = false; else c = (c << 6) | (t & 0x3F);
        }
        if (!ok) { out.push_back(0xFFFD); i++; continue; }
        out.push_back(c);
        i += n;
    }
    return out;
}

bool valid_page(const concord_pdf *doc, int32_t page) {
    return doc != nullptr && doc->document != nullptr && page >= 0 && page < doc->document->pages();
}

}  // namespace

extern "C" int32_t concord_pdf_open(const uint8_t *data, int64_t length, concord_pdf **doc,
                                    char *message, int64_t message_capacity) {
    if (doc == nullptr) return CONCORD_PDF_INVALID;
    *doc = nullptr;
    if (data == nullptr || length <= 0) {
        copy_message("the file is empty", message, message_capacity);
        return CONCORD_PDF_DAMAGED;
    }
    if (length > INT32_MAX) {
        copy_message("the file is larger than poppler reads (2 GiB)", message, message_capacity);
        return CONCORD_PDF_DAMAGED;
    }
    quiet_poppler();
    last_message.clear();
    try {
        std::unique_ptr<concord_pdf> result(new concord_pdf);
        result->bytes.assign(reinterpret_cast<const char *>(data), reinterpret_cast<const char *>(data) + length);
        result->document.reset(poppler::document::load_from_raw_data(result->bytes.data(), static_cast<int>(length)));
        if (result->document == nullptr) {
            copy_message(last_message.empty() ? "poppler could not open it" : last_message, message, message_capacity);
            return CONCORD_PDF_DAMAGED;
        }
        if (result->document->is_locked()) {
            copy_message("the document is encrypted", message, message_capacity);
            return CONCORD_PDF_ENCRYPTED;
        }
        *doc = result.release();
        return CONCORD_PDF_OK;
    } catch (const std::bad_alloc &) {
        return CONCORD_PDF_NO_MEMORY;
    } catch (...) {
        copy_message("poppler could not open it", message, message_capacity);
        return CONCORD_PDF_DAMAGED;
    }
}

extern "C" void concord_pdf_close(concord_pdf *doc) { delete doc; }

extern "C" int32_t concord_pdf_page_count(const concord_pdf *doc) {
    if (doc == nullptr || doc->document == nullptr) return 0;
    int n = doc->document->pages();
    return n < 0 ? 0 : n;
}

extern "C" int32_t concord_pdf_page_size(const concord_pdf *doc, int32_t page, double *width, double *height) {
    if (!valid_page(doc, page) || width == nullptr || height == nullptr) return CONCORD_PDF_INVALID;
    try {
        std::unique_ptr<poppler::page> p(doc->document->create_page(page));
        if (p == nullptr) return CONCORD_PDF_DAMAGED;
        poppler::rectf box = p->page_rect(poppler::crop_box);
        // A page turned by a quarter (its /Rotate): poppler places its words on the turned page.
        bool turned = p->orientation() == poppler::page::landscape || p->orientation() == poppler::page::seascape;
        *width = turned ? box.height() : box.width();
        *height = turned ? box.width() : box.height();
        return CONCORD_PDF_OK;
    } catch (const std::bad_alloc &) {
        return CONCORD_PDF_NO_MEMORY;
    } catch (...) {
        return CONCORD_PDF_DAMAGED;
    }
}

extern "C" int32_t concord_pdf_page_words(const concord_pdf *doc, int32_t page,
                                          concord_pdf_word **words, int64_t *word_count,
                                          concord_pdf_char **chars, int64_t *char_count) {
    if (words == nullptr || word_count == nullptr || chars == nullptr || char_count == nullptr) return CONCORD_PDF_INVALID;
    *words = nullptr;
    *chars = nullptr;
    *word_count = 0;
    *char_count = 0;
    if (!valid_page(doc, page)) return CONCORD_PDF_INVALID;
    try {
        std::unique_ptr<poppler::page> p(doc->document->create_page(page));
        if (p == nullptr) return CONCORD_PDF_DAMAGED;
        std::vector<poppler::text_box> list = p->text_list(poppler::page::text_list_include_font);
        std::vector<concord_pdf_word> out_words;
        std::vector<concord_pdf_char> out_chars;
        out_words.reserve(list.size());
        for (const poppler::text_box &box : list) {
            std::vector<uint32_t> text = scalars(box.text().to_utf8());
            if (text.empty()) continue;
            poppler::rectf b = box.bbox();
            concord_pdf_word word;
            word.x1 = static_cast<float>(b.left());
            word.y1 = static_cast<float>(b.top());
            word.x2 = static_cast<float>(b.right());
            word.y2 = static_cast<float>(b.bottom());
            double size = box.get_font_size();
            word.font_size = size > 0 ? static_cast<float>(size) : 0;
            word.space_after = box.has_space_after() ? 1 : 0;
            word.rotation = box.rotation();
            word.first_char = static_cast<int64_t>(out_chars.size());
            word.char_count = static_cast<int64_t>(text.size());
            for (size_t i = 0; i < text.size(); i++) {
                // One box per character poppler stored; should the text have more characters
                // than boxes (poppler warns it may, in complex scripts), the word's box.
                poppler::rectf c = box.char_bbox(i);
                concord_pdf_char ch;
                ch.scalar = text[i];
                bool none = c.width() == 0 && c.height() == 0 && c.left() == 0 && c.top() == 0;
                ch.x1 = static_cast<float>(none ? b.left() : c.left());
                ch.y1 = static_cast<float>(none ? b.top() : c.top());
                ch.x2 = static_cast<float>(none ? b.right() : c.right());
                ch.y2 = static_cast<float>(none ? b.bottom() : c.bottom());
                out_chars.push_back(ch);
            }
            out_words.push_back(word);
        }
        if (out_words.empty()) return CONCORD_PDF_OK;
        auto *w = static_cast<concord_pdf_word *>(std::malloc(out_words.size() * sizeof(concord_pdf_word)));
        auto *c = static_cast<concord_pdf_char *>(std::malloc(out_chars.size() * sizeof(concord_pdf_char)));
        if (w == nullptr || c == nullptr) {
            std::free(w);
            std::free(c);
            return CONCORD_PDF_NO_MEMORY;
        }
        std::memcpy(w, out_words.data(), out_words.size() * sizeof(concord_pdf_word));
        std::memcpy(c, out_chars.data(), out_chars.size() * sizeof(concord_pdf_char));
        *words = w;
        *chars = c;
        *word_count = static_cast<int64_t>(out_words.size());
        *char_count = static_cast<int64_t>(out_chars.size());
        return CONCORD_PDF_OK;
    } catch (const std::bad_alloc &) {
        return CONCORD_PDF_NO_MEMORY;
    } catch (...) {
        return CONCORD_PDF_DAMAGED;
    }
}

extern "C" void concord_pdf_free(void *pointer) { std::free(pointer); }

extern "C" int32_t concord_pdf_abi(void) { return CONCORD_PDF_ABI; }
