#!/usr/bin/env python3
"""Writes the Word (.docx) test documents of resolution 6/1 from the plain-text seed.

    python3 scripts/make-docx.py        (run from the repository root, or from anywhere)

Reads   Corpora/seed/res-6-1.{ar,en,es,fr,ru,zh}.txt
Writes  Corpora/docx/res-6-1.{ar,en,es,fr,ru,zh}.docx          the consistent set
        Corpora/docx-defects/res-6-1.{ar,en,es,fr,ru,zh}.docx  the same set with two defects
                                                               (see DEFECTS below and the
                                                               README.md written beside them)

Standard library only. The output is byte-identical on every run: fixed zip dates and
entry order, ids computed from counters, no clock, no randomness.

What a document looks like -- WordprocessingML as Word 2016+ writes it:

  * one w:p per paragraph of the text. A paragraph that the plain text cuts at a page
    break (preambular 8, operative 1, 8 and 14: the footnote bodies sit between the two
    halves) is ONE whole paragraph here; the bodies live in word/footnotes.xml;
  * title and subtitle in pStyle Title; chapeau and preambular paragraphs in Normal;
  * operative paragraphs in pStyle ListParagraph with w:numPr (ilvl 0, numId 1): their
    number is NOT in the text, Word draws it from word/numbering.xml (decimal, start 1,
    lvlText "%1." -- "%1 -" in the Arabic file);
  * *emphasis* of the seed -> italic runs (w:i; w:i + w:iCs in Arabic), asterisks dropped;
  * a superscript marker of the seed -> a w:footnoteReference run; the displayed number
    is the order of the references. In the English and Chinese files the w:id values are
    2,3,4,5,7,8,9,10 (as after deleting footnotes in Word), elsewhere 1-8;
  * Arabic: w:bidi on every paragraph (and in sectPr), w:rtl on every run.

and the noise a reader must see through (every file has every item; see decorate()):

  * runs split in the middle of words (with a different w:rsidR, as Word does when a
    word was typed in two editing sessions) and inside a document symbol
    (CTOC/COP/ + WG.4/2011/8 in footnote 5);
  * w:proofErr spellStart/spellEnd and gramStart/gramEnd;
  * w:bookmarkStart/w:bookmarkEnd (a _Ref bookmark around the Convention's name in the
    subtitle, and an empty _GoBack bookmark in operative paragraph 21);
  * w:lang on every run (the file's language; document symbols in en-US), w:noProof on
    document symbols, w:rFonts w:hint="eastAsia" on Chinese runs;
  * xml:space="preserve" on every w:t that starts or ends with a space (and only there);
  * a w:hyperlink around the symbol of footnote 8, whose r:id points to an external
    relationship (https://undocs.org/CTOC/COP/2012/7) in word/_rels/footnotes.xml.rels;
  * a simple field (w:fldSimple w:instr=" REF _Ref... \\h ") in preambular paragraph 2 and a
    complex field (w:fldChar begin / w:instrText / separate / result runs / end) in
    operative paragraph 3; in both the RESULT text is the real text of the paragraph;
  * a w:tab at the very start of the chapeau (indentation, never inside a citation);
  * a tracked insertion (w:ins) around the article citation of operative paragraph 4:
    its text belongs in the accepted text;
  * a tracked deletion (w:del / w:delText) of a duplicated word in operative paragraph 7:
    its text must NOT appear in the accepted text;
  * a w:softHyphen inside the longest word of operative paragraph 9, written inside one
    run between two w:t elements;
  * paragraph-mark run properties (w:pPr/w:rPr) in the Arabic file, w14:paraId/textId
    and w:rsid* attributes on paragraphs.

Accepted text = the w:t text of the runs (w:ins content kept, w:del/w:delText dropped,
w:instrText dropped, field results kept, w:softHyphen dropped, w:tab read as white space),
trimmed. For every paragraph and footnote it equals the seed's text without labels,
markers and asterisks; a paragraph that the seed cuts at a page break is joined with one
space (no space in Chinese, where the text runs on without spaces).
"""

import io
import os
import re
import zipfile
from xml.sax.saxutils import escape

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEED = os.path.join(ROOT, "Corpora", "seed")
OUT = os.path.join(ROOT, "Corpora", "docx")
OUT_DEFECTS = os.path.join(ROOT, "Corpora", "docx-defects")
LANGS = ["ar", "en", "es", "fr", "ru", "zh"]

ZIP_DATE = (2012, 10, 19, 0, 0, 0)
REVISION_AUTHOR = "Editor"
REVISION_DATE = "2012-10-18T00:00:00Z"
SUPERSCRIPTS = {"¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5",
                "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9", "⁰": "0"}
# rsids: the paragraphs' own, and the ones that split runs (editing sessions).
RSID_PARA = "00A31F5C"
RSID_SPLITS = ["00B7D2E1", "00C45A90", "00D1E3F7"]
RSID_ALL = sorted([RSID_PARA] + RSID_SPLITS)
REF_BOOKMARK = "_Ref337461201"

# Per-language settings.
#   lang:   w:lang attributes written on every run
#   ids:    w:id of footnotes 1-8, in reference order
#   conv:   the Convention's name as it reads in the subtitle, preambular 2 and operative 3
#           (bookmarked in the subtitle; REF field results in pp2 and op3)
#   art28:  the citation of article 28 in operative 4 (wrapped in a tracked insertion)
#   soft:   (word, index) where a soft hyphen goes in operative 9; None = longest word
#   lvl:    lvlText of the operative numbering
LANG = {
    "ar": dict(lang={"w:bidi": "ar-SA"}, ids=list(range(1, 9)), lvl="%1 -", bidi=True,
               conv="الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية والبروتوكولات الملحقة بها",
               art28="وفقا للمادة 28 من الاتفاقية", soft=None, join=" "),
    "en": dict(lang={"w:val": "en-GB"}, ids=[2, 3, 4, 5, 7, 8, 9, 10], lvl="%1.", bidi=False,
               conv="United Nations Convention against Transnational Organized Crime and the Protocols thereto",
               art28="in accordance with article 28 of the Convention", soft=None, join=" "),
    "es": dict(lang={"w:val": "es-ES"}, ids=list(range(1, 9)), lvl="%1.", bidi=False,
               conv="Convención de las Naciones Unidas contra la Delincuencia Organizada Transnacional y sus Protocolos",
               art28="de conformidad con el artículo 28 de la Convención", soft=None, join=" "),
    "fr": dict(lang={"w:val": "fr-FR"}, ids=list(range(1, 9)), lvl="%1.", bidi=False,
               conv="Convention des Nations Unies contre la criminalité transnationale organisée",
               art28="conformément à l'article 28 de la Convention", soft=None, join=" "),
    "ru": dict(lang={"w:val": "ru-RU"}, ids=list(range(1, 9)), lvl="%1.", bidi=False,
               conv="Конвенции Организации Объединенных Наций против транснациональной организованной преступности и протоколов к ней",
               art28="в соответствии со статьей 28 Конвенции", soft=None, join=" "),
    "zh": dict(lang={"w:val": "en-US", "w:eastAsia": "zh-CN"}, ids=[2, 3, 4, 5, 7, 8, 9, 10], lvl="%1.",
               bidi=False, conv="《联合国打击跨国有组织犯罪公约》及其各项议定书",
               art28="根据《公约》第二十八条", soft=("综合方案", 2), join=""),
}
SYMBOL_LANG = {"w:val": "en-US"}

# The two defects of Corpora/docx-defects (applied to the seed text before building).
DEFECTS_README = """# Word documents with two defects

`res-6-1.{ar,en,es,fr,ru,zh}.docx` here are the documents of `../docx/` (written by
`scripts/make-docx.py`) with two defects; the Arabic, English, Spanish and Chinese files are
byte-identical to those in `../docx/`.

| file | where | what changed |
|---|---|---|
| `res-6-1.ru.docx` | footnote 5 (`word/footnotes.xml`, the footnote with w:id 5) | cites CTOC/COP/WG.4/2011/**9** instead of CTOC/COP/WG.4/2011/8 (the report of the Working Group on Trafficking in Persons), which the other five versions cite. The symbol stays split over two runs (`CTOC/COP/` + `WG.4/2011/9`). |
| `res-6-1.fr.docx` | operative paragraphs 16 and 17 (`word/document.xml`) | the reference of footnote 8 (CTOC/COP/2012/7, the report on technical assistance) stands in operative paragraph 17, after “l'article 31 de la Convention”, instead of operative paragraph 16 (after “criminalité transnationale organisée”, before “, comme la cybercriminalité”), where the other versions have it. It is still the 8th reference, so Word still displays 8; the body of the footnote is unchanged. |

A reader of these files should find, in the Russian version, footnote 5 citing a symbol the
other versions do not cite, and in the French version footnote 8 attached to a different
operative paragraph (17 instead of 16) than in the other versions.
"""


def apply_defects(lang, paras, notes):
    """Returns the seed text of the defective set (lists of marked-up strings)."""
    paras, notes = list(paras), dict(notes)
    if lang == "ru":
        body = notes["5"]
        assert "CTOC/COP/WG.4/2011/8" in body
        notes["5"] = body.replace("CTOC/COP/WG.4/2011/8", "CTOC/COP/WG.4/2011/9")
    if lang == "fr":
        op16, op17 = 20 + 15, 20 + 16
        assert paras[op16].count("⁸") == 1
        paras[op16] = paras[op16].replace("⁸", "")
        anchor = "l'article 31 de la Convention"
        assert paras[op17].count(anchor) == 1
        paras[op17] = paras[op17].replace(anchor, anchor + "⁸")
    return paras, notes


# ---------------------------------------------------------------------------------------
# 1. The seed: paragraphs (marked-up strings: *emphasis*, superscript markers) and notes.
# ---------------------------------------------------------------------------------------

def read_seed(lang):
    """Returns (paragraphs, notes): 41 paragraphs -- title, subtitle, chapeau, 17
    preambular, 21 operative (operative numbers stripped) -- and {label: body}."""
    with open(os.path.join(SEED, "res-6-1.%s.txt" % lang), encoding="utf-8") as f:
        blocks = [" ".join(b.split("\n")).strip() for b in f.read().split("\n\n")]
    blocks = [b for b in blocks if b]
    paras, notes, after_note = [], {}, False
    for block in blocks:
        if block[0] in SUPERSCRIPTS:
            label, body = block.split(" ", 1)
            notes["".join(SUPERSCRIPTS[c] for c in label)] = body
            after_note = True
            continue
        # Text after footnote bodies continues the paragraph before when that one stopped
        # mid-sentence (the page broke there).
        if after_note and paras and paras[-1][-1] not in ",;.:،؛，；。":
            paras[-1] += LANG[lang]["join"] + block
        else:
            paras.append(block)
        after_note = False
    assert len(paras) == 41, (lang, len(paras))
    assert sorted(notes) == [str(n) for n in range(1, 9)], (lang, sorted(notes))
    numbered = re.compile(r"^(\d+)(?:\.| -) ")
    for i in range(20, 41):
        m = numbered.match(paras[i])
        assert m and int(m.group(1)) == i - 19, (lang, i, paras[i][:20])
        paras[i] = paras[i][m.end():]
    for i in range(20):
        assert not numbered.match(paras[i]), (lang, i)
    return paras, notes


class Inline:
    """A paragraph's accepted text with its italic ranges and marker positions."""

    def __init__(self, marked):
        text, italic, markers = [], [], []
        start = None
        for ch in marked:
            if ch == "*":
                if start is None:
                    start = len(text)
                else:
                    italic.append((start, len(text)))
                    start = None
            elif ch in SUPERSCRIPTS:
                if markers and markers[-1][0] == len(text) and markers[-1][2]:
                    markers[-1] = (len(text), markers[-1][1] + SUPERSCRIPTS[ch], True)
                else:
                    markers.append((len(text), SUPERSCRIPTS[ch], True))
            else:
                text.append(ch)
                if markers:
                    markers[-1] = markers[-1][:2] + (False,)
        assert start is None, marked
        self.text = "".join(text)
        self.italic = italic
        self.markers = [(pos, label) for pos, label, _ in markers]


# ---------------------------------------------------------------------------------------
# 2. A paragraph as text plus decorations, and its rendering into runs.
# ---------------------------------------------------------------------------------------

class Para:
    """A w:p to be: text, character properties by range, and the decorations (noise,
    fields, revisions, footnote references) that rendering turns into XML."""

    def __init__(self, inline, kind):
        self.text = inline.text
        self.kind = kind          # title | chapeau | pp | op | note
        self.ranges = []          # (start, end, kind, data): containers, bookmarks, props
        self.points = []          # (pos, kind, data): references, splits, tab, del, shy
        for a, b in inline.italic:
            self.ranges.append((a, b, "props", {"i": True}))
        self.markers = inline.markers

    def find(self, needle, after=0):
        pos = self.text.find(needle, after)
        assert pos >= 0, (needle, self.text[:60])
        return pos, pos + len(needle)

    def point(self, pos, kind, data=None):
        self.points.append((pos, kind, data))

    def span(self, a, b, kind, data=None):
        self.ranges.append((a, b, kind, data))


class Doc:
    """Counters shared by one .docx: w14:paraId values, annotation ids."""

    def __init__(self, lang):
        self.lang = lang
        self.cfg = LANG[lang]
        self.para_count = 0
        self.annotation_id = 100   # w:ins / w:del ids

    def para_id(self):
        self.para_count += 1
        return "%08X" % (0x2C1A0000 + self.para_count * 0x3B7), "%08X" % (0x5E000000 + self.para_count)

    def next_annotation(self):
        self.annotation_id += 1
        return self.annotation_id


def attrs(d):
    return "".join(' %s="%s"' % (k, escape(v, {'"': "&quot;"})) for k, v in d.items())


def t_elem(text, tag="w:t"):
    """w:t (or w:delText) with xml:space="preserve" exactly when Word writes it."""
    preserve = text[:1].isspace() or text[-1:].isspace()
    return "<%s%s>%s</%s>" % (tag, ' xml:space="preserve"' if preserve else "", escape(text), tag)


def rpr(doc, props):
    """Run properties in schema order: rStyle, rFonts, i, iCs, noProof, rtl, lang."""
    out = []
    if props.get("rStyle"):
        out.append('<w:rStyle w:val="%s"/>' % props["rStyle"])
    if doc.lang == "zh" and not props.get("symbol"):
        out.append('<w:rFonts w:hint="eastAsia"/>')
    if props.get("i"):
        out.append("<w:i/>")
        if doc.cfg["bidi"]:
            out.append("<w:iCs/>")
    if props.get("noProof"):
        out.append("<w:noProof/>")
    if doc.cfg["bidi"]:
        out.append("<w:rtl/>")
    lang = dict(doc.cfg["lang"])
    if props.get("symbol"):
        lang.update(SYMBOL_LANG)
    order = ["w:val", "w:eastAsia", "w:bidi"]
    out.append("<w:lang%s/>" % attrs({k: lang[k] for k in order if k in lang}))
    return "<w:rPr>%s</w:rPr>" % "".join(out)


def render_runs(doc, para, note_ids):
    """The paragraph's content (everything after w:pPr) as XML."""
    text = para.text
    n = len(text)
    starts = {i: [] for i in range(n + 1)}
    ends = {i: [] for i in range(n + 1)}
    points = {i: [] for i in range(n + 1)}
    char_props = [dict() for _ in range(n)]
    for a, b, kind, data in para.ranges:
        assert 0 <= a <= b <= n, (kind, a, b, n)
        if kind == "props":
            for i in range(a, b):
                char_props[i].update(data)
        else:
            starts[a].append((a, b, kind, data))
            ends[b].append((a, b, kind, data))
    for pos, label in para.markers:
        points[pos].append(("fnref", label))
    for pos, kind, data in para.points:
        points[pos].append((kind, data))

    out = []
    run = {"props": None, "parts": [], "rsid": RSID_PARA}
    rsid_cycle = [0]

    def flush():
        if run["parts"]:
            rsid_attr = ' w:rsidR="%s"' % run["rsid"] if run["rsid"] != RSID_PARA else ""
            content = "".join(t_elem(v) if k == "t" else v for k, v in run["parts"])
            out.append("<w:r%s>%s%s</w:r>" % (rsid_attr, rpr(doc, run["props"]), content))
        run["parts"] = []
        run["props"] = None

    def plain_run(content, props=None):
        out.append("<w:r>%s%s</w:r>" % (rpr(doc, props or {}), content))

    for pos in range(n + 1):
        # Ranges ending here, innermost (latest start) first.
        for a, b, kind, data in sorted(ends[pos], key=lambda r: -r[0]):
            if a == b:
                continue
            flush()
            if kind in ("ins", "hyperlink", "fldSimple"):
                out.append({"ins": "</w:ins>", "hyperlink": "</w:hyperlink>", "fldSimple": "</w:fldSimple>"}[kind])
            elif kind == "fldComplex":
                # Complex field, part 3: the end mark after the result runs.
                plain_run('<w:fldChar w:fldCharType="end"/>')
            elif kind == "bookmark":
                out.append('<w:bookmarkEnd w:id="%d"/>' % data[0])
            elif kind == "proof":
                out.append('<w:proofErr w:type="%sEnd"/>' % data)
        # Points, in the order they were added.
        for kind, data in points[pos]:
            if kind == "softHyphen":
                # Inside the current run: <w:t>…</w:t><w:softHyphen/><w:t>…</w:t>.
                if run["props"] is None:
                    run["props"] = char_props[pos]
                run["parts"].append(("x", "<w:softHyphen/>"))
                continue
            flush()
            if kind == "fnref":
                style = {"rStyle": "FootnoteReference"}
                plain_run('<w:footnoteReference w:id="%d"/>' % note_ids[data], style)
            elif kind == "split":
                # A new editing session: the rest of the word gets its own run and rsid.
                run["rsid"] = RSID_SPLITS[rsid_cycle[0] % len(RSID_SPLITS)]
                rsid_cycle[0] += 1
            elif kind == "tab":
                plain_run("<w:tab/>")
            elif kind == "del":
                # Tracked deletion: text that is NOT part of the accepted text.
                out.append('<w:del w:id="%d" w:author="%s" w:date="%s"><w:r>%s%s</w:r></w:del>'
                           % (doc.next_annotation(), REVISION_AUTHOR, REVISION_DATE, rpr(doc, {}),
                              t_elem(data, "w:delText")))
            elif kind == "bookmarkEmpty":
                out.append('<w:bookmarkStart w:id="%d" w:name="%s"/><w:bookmarkEnd w:id="%d"/>'
                           % (data[0], data[1], data[0]))
            else:
                raise ValueError(kind)
        # Ranges starting here, outermost (latest end) first.
        for a, b, kind, data in sorted(starts[pos], key=lambda r: -r[1]):
            if a == b:
                continue
            flush()
            if kind == "ins":
                # Tracked insertion: its runs ARE part of the accepted text.
                out.append('<w:ins w:id="%d" w:author="%s" w:date="%s">'
                           % (doc.next_annotation(), REVISION_AUTHOR, REVISION_DATE))
            elif kind == "hyperlink":
                out.append('<w:hyperlink r:id="%s" w:history="1">' % data)
            elif kind == "fldSimple":
                out.append('<w:fldSimple w:instr="%s">' % escape(data, {'"': "&quot;"}))
            elif kind == "fldComplex":
                # Complex field, parts 1-2: begin, instruction, separate; the result follows.
                plain_run('<w:fldChar w:fldCharType="begin"/>')
                plain_run('<w:instrText xml:space="preserve">%s</w:instrText>' % escape(data))
                plain_run('<w:fldChar w:fldCharType="separate"/>')
            elif kind == "bookmark":
                out.append('<w:bookmarkStart w:id="%d" w:name="%s"/>' % data)
            elif kind == "proof":
                out.append('<w:proofErr w:type="%sStart"/>' % data)
        if pos == n:
            break
        props = char_props[pos]
        if run["props"] is not None and run["props"] != props:
            rsid = run["rsid"]
            flush()
            run["rsid"] = rsid
        if run["props"] is None:
            run["props"] = props
        if run["parts"] and run["parts"][-1][0] == "t":
            run["parts"][-1] = ("t", run["parts"][-1][1] + text[pos])
        else:
            run["parts"].append(("t", text[pos]))
    flush()
    return "".join(out)


# ---------------------------------------------------------------------------------------
# 3. Where the noise goes. Every file gets every item; positions are found by rule or by
#    per-language anchors (LANG), so a reader of this script can find each one.
# ---------------------------------------------------------------------------------------

WORD = re.compile(r"\w+", re.UNICODE)
CJK = re.compile(r"[\u4e00-\u9fff]")


def split_points(para):
    """Positions in the middle of words where runs get split: one near 40 % of the text,
    and one near 75 % in long paragraphs (Chinese: between two ideographs)."""
    text = para.text
    targets = [0.4] + ([0.75] if len(text) > 250 else [])
    found = []
    for frac in targets:
        goal = int(len(text) * frac)
        best = None
        for m in WORD.finditer(text):
            w = m.group(0)
            if CJK.search(w):
                # Chinese has no spaces: any boundary between two ideographs near the goal.
                for i in range(m.start() + 1, m.end()):
                    if CJK.match(text[i - 1]) and CJK.match(text[i]):
                        d = abs(i - goal)
                        if best is None or d < best[0]:
                            best = (d, i)
            elif len(w) >= 6 and not w.isdigit():
                mid = m.start() + len(w) // 2
                d = abs(mid - goal)
                if best is None or d < best[0]:
                    best = (d, mid)
        if best:
            found.append(best[1])
    return found


def longest_word(para):
    words = [m for m in WORD.finditer(para.text) if not m.group(0).isdigit()]
    return max(words, key=lambda m: (len(m.group(0)), -m.start()))


def decorate(doc, paras, notes):
    """Adds the noise to the paragraphs (list of Para, seed order) and notes ({label: Para})."""
    cfg = doc.cfg
    sub, chapeau = paras[1], paras[2]
    pp = paras[3:20]
    op = paras[20:41]

    # Runs split in the middle of words, everywhere (Conven|tion, rat|ification, …).
    for p in paras + [notes[k] for k in sorted(notes)]:
        for pos in split_points(p):
            p.point(pos, "split")

    # Chapeau: a tab at the start (indentation), never inside a citation.
    chapeau.point(0, "tab")

    # Subtitle: a _Ref bookmark around the Convention's name, target of the two REF fields.
    a, b = sub.find(cfg["conv"])
    sub.span(a, b, "bookmark", (0, REF_BOOKMARK))

    # Preambular 2: simple field, w:fldSimple REF whose result is the Convention's name.
    a, b = pp[1].find(cfg["conv"])
    pp[1].span(a, b, "fldSimple", " REF %s \\h " % REF_BOOKMARK)

    # Operative 3: complex field (fldChar begin / instrText / separate / result / end); the
    # result is split over two runs.
    a, b = op[2].find(cfg["conv"])
    op[2].span(a, b, "fldComplex", " REF %s \\h  \\* MERGEFORMAT " % REF_BOOKMARK)
    op[2].point(a + (b - a) // 2, "split")

    # Operative 4: tracked insertion around the article 28 citation (accepted text keeps it).
    a, b = op[3].find(cfg["art28"])
    op[3].span(a, b, "ins")

    # Operative 7: tracked deletion of a duplicated first word after the emphasis
    # ("Requests the the United Nations…" -> "the " deleted; French "l'Office l'Office").
    em_end = max(e for s, e, k, d in op[6].ranges if k == "props" and d.get("i"))
    start = em_end + (1 if op[6].text[em_end] == " " else 0)
    if doc.lang == "zh":
        dup = op[6].text[start:start + 3]
    else:
        dup = re.compile(r"\S+").match(op[6].text, start).group(0) + " "
    op[6].point(start, "del", dup)

    # Operative 9: soft hyphen inside a long word (written inside one run).
    if cfg["soft"]:
        a, _ = op[8].find(cfg["soft"][0])
        op[8].point(a + cfg["soft"][1], "softHyphen")
    else:
        m = longest_word(op[8])
        op[8].point(m.start() + len(m.group(0)) // 2, "softHyphen")

    # Operative 10: spelling error marks around the longest word (Chinese: a term).
    if doc.lang == "zh":
        a, b = op[9].find("区域间")
    else:
        m = longest_word(op[9])
        a, b = m.start(), m.end()
    op[9].span(a, b, "proof", "spell")

    # Operative 13: grammar error marks around the words after the emphasis.
    em_end = max(e for s, e, k, d in op[12].ranges if k == "props" and d.get("i"))
    start = em_end + (1 if op[12].text[em_end] == " " else 0)
    if doc.lang == "zh":
        end = start + 6
    else:
        words = list(WORD.finditer(op[12].text, start))
        end = words[2].end()
    op[12].span(start, end, "proof", "gram")

    # Operative 21: the empty _GoBack bookmark Word leaves where the cursor was.
    op[20].point(len(op[20].text) - 1, "bookmarkEmpty", (1, "_GoBack"))

    # Footnote 5: the symbol split over two runs (CTOC/COP/ + WG.4/2011/8), proofing off,
    # English language, spelling marks around it.
    n5 = notes["5"]
    m = re.search(r"CTOC/COP/WG\.4/2011/\d+", n5.text)
    n5.span(m.start(), m.end(), "props", {"noProof": True, "symbol": True})
    n5.span(m.start(), m.end(), "proof", "spell")
    n5.point(m.start() + len("CTOC/COP/"), "split")

    # Footnote 7: the joint symbol without proofing.
    n7 = notes["7"]
    m = re.search(r"CTOC/COP/WG\.2/2012/5-CTOC/COP/WG\.3/2012/6", n7.text)
    n7.span(m.start(), m.end(), "props", {"noProof": True, "symbol": True})

    # Footnote 8: a hyperlink around the symbol (external relationship to undocs.org),
    # Hyperlink character style, split CTOC/COP/2012 + /7.
    n8 = notes["8"]
    a, b = n8.find("CTOC/COP/2012/7")
    n8.span(a, b, "hyperlink", "rId1")
    n8.span(a, b, "props", {"noProof": True, "symbol": True, "rStyle": "Hyperlink"})
    n8.point(a + len("CTOC/COP/2012"), "split")


# ---------------------------------------------------------------------------------------
# 4. The parts.
# ---------------------------------------------------------------------------------------

DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
W_NS = ('xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:o="urn:schemas-microsoft-com:office:office" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
        'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
        'xmlns:v="urn:schemas-microsoft-com:vml" '
        'xmlns:wp14="http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing" '
        'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
        'xmlns:w10="urn:schemas-microsoft-com:office:word" '
        'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
        'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" '
        'xmlns:w16se="http://schemas.microsoft.com/office/word/2015/wordml/symex" '
        'xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup" '
        'xmlns:wpi="http://schemas.microsoft.com/office/word/2010/wordprocessingInk" '
        'xmlns:wne="http://schemas.microsoft.com/office/word/2006/wordml" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'mc:Ignorable="w14 w15 w16se wp14"')


def p_open(doc):
    pid, tid = doc.para_id()
    return ('<w:p w14:paraId="%s" w14:textId="%s" w:rsidR="%s" w:rsidRDefault="%s" w:rsidP="%s">'
            % (pid, tid, RSID_PARA, RSID_PARA, RSID_PARA))


def ppr(doc, style=None, numbered=False):
    out = []
    if style:
        out.append('<w:pStyle w:val="%s"/>' % style)
    if numbered:
        # List numbering: the operative number comes from numbering.xml, not the text.
        out.append('<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>')
    if doc.cfg["bidi"]:
        out.append("<w:bidi/>")
        # Paragraph-mark properties: look like a run, hold no text.
        out.append("<w:rPr><w:rtl/></w:rPr>")
    return "<w:pPr>%s</w:pPr>" % "".join(out) if out else ""


def document_xml(doc, paras, note_ids):
    body = []
    for p in paras:
        style = {"title": "Title", "op": "ListParagraph"}.get(p.kind)
        body.append(p_open(doc) + ppr(doc, style, p.kind == "op")
                    + render_runs(doc, p, note_ids) + "</w:p>")
    sect = ('<w:sectPr w:rsidR="%s"><w:pgSz w:w="11906" w:h="16838"/>'
            '<w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="708" '
            'w:footer="708" w:gutter="0"/><w:cols w:space="708"/>%s<w:docGrid w:linePitch="360"/>'
            '</w:sectPr>' % (RSID_PARA, "<w:bidi/>" if doc.cfg["bidi"] else ""))
    return (DECL + '<w:document %s><w:body>' % W_NS + "".join(body) + sect + "</w:body></w:document>")


def footnotes_xml(doc, notes, note_ids):
    sep_ppr = '<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
    out = [DECL, "<w:footnotes %s>" % W_NS,
           # Separator footnotes first (ids -1 and 0), as Word writes them.
           '<w:footnote w:type="separator" w:id="-1">%s%s<w:r><w:separator/></w:r></w:p></w:footnote>'
           % (p_open(doc), sep_ppr),
           '<w:footnote w:type="continuationSeparator" w:id="0">%s%s<w:r><w:continuationSeparator/></w:r>'
           '</w:p></w:footnote>' % (p_open(doc), sep_ppr)]
    for label in sorted(notes, key=lambda k: note_ids[k]):
        p = notes[label]
        head = ('<w:r>%s<w:footnoteRef/></w:r><w:r>%s<w:t xml:space="preserve"> </w:t></w:r>'
                % (rpr(doc, {"rStyle": "FootnoteReference"}), rpr(doc, {})))
        out.append('<w:footnote w:id="%d">%s%s%s%s</w:p></w:footnote>'
                   % (note_ids[label], p_open(doc), ppr(doc, "FootnoteText"), head,
                      render_runs(doc, p, note_ids)))
    out.append("</w:footnotes>")
    return "".join(out)


def styles_xml(doc):
    lang_default = '<w:lang w:val="en-US" w:eastAsia="en-US" w:bidi="ar-SA"/>'
    bidi = "<w:bidi/>" if doc.cfg["bidi"] else ""
    return (DECL + '<w:styles xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
            'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
            'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
            'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" '
            'mc:Ignorable="w14 w15">'
            '<w:docDefaults><w:rPrDefault><w:rPr>'
            '<w:rFonts w:ascii="Times New Roman" w:eastAsia="SimSun" w:hAnsi="Times New Roman" '
            'w:cs="Times New Roman"/><w:sz w:val="20"/><w:szCs w:val="20"/>' + lang_default +
            '</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="240" '
            'w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>'
            '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
            '<w:qFormat/><w:pPr><w:jc w:val="both"/></w:pPr></w:style>'
            '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
            '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/>'
            '<w:unhideWhenUsed/></w:style>'
            '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
            '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" '
            'w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
            '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr>'
            '</w:style>'
            '<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/>'
            '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>'
            '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/>'
            '<w:next w:val="Normal"/><w:uiPriority w:val="10"/><w:qFormat/><w:pPr><w:keepNext/>'
            + bidi + '<w:spacing w:after="240"/><w:jc w:val="center"/></w:pPr><w:rPr><w:b/><w:bCs/>'
            '<w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr></w:style>'
            '<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/>'
            '<w:basedOn w:val="Normal"/><w:uiPriority w:val="34"/><w:qFormat/><w:pPr>'
            '<w:ind w:left="720"/></w:pPr></w:style>'
            '<w:style w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/>'
            '<w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:pPr>'
            '<w:spacing w:after="0"/></w:pPr><w:rPr><w:sz w:val="17"/><w:szCs w:val="17"/></w:rPr>'
            '</w:style>'
            '<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/>'
            '<w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>'
            '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>'
            '<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/>'
            '<w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>'
            '<w:rPr><w:color w:val="0563C1" w:themeColor="hyperlink"/><w:u w:val="single"/></w:rPr>'
            '</w:style>'
            '</w:styles>')


def numbering_xml(doc):
    # Level 0 is the operative paragraphs' numbering; levels 1-8 as Word writes them.
    formats = [("decimal", doc.cfg["lvl"]), ("lowerLetter", "(%2)"), ("lowerRoman", "%3."),
               ("decimal", "%4."), ("lowerLetter", "%5."), ("lowerRoman", "%6."),
               ("decimal", "%7."), ("lowerLetter", "%8."), ("lowerRoman", "%9.")]
    levels = []
    for i, (fmt, text) in enumerate(formats):
        levels.append('<w:lvl w:ilvl="%d"%s><w:start w:val="1"/><w:numFmt w:val="%s"/>'
                      '<w:lvlText w:val="%s"/><w:lvlJc w:val="left"/><w:pPr>'
                      '<w:ind w:left="%d" w:hanging="360"/></w:pPr></w:lvl>'
                      % (i, ' w:tplc="0409000F"' if i == 0 else "", fmt, text, 720 * (i + 1)))
    return (DECL + '<w:numbering xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
            'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
            'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" mc:Ignorable="w15">'
            '<w:abstractNum w:abstractNumId="0" w15:restartNumberingAfterBreak="0">'
            '<w:nsid w:val="1D7C4E2A"/><w:multiLevelType w:val="hybridMultilevel"/>'
            '<w:tmpl w:val="0409000F"/>' + "".join(levels) + '</w:abstractNum>'
            '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>')


def settings_xml(doc):
    return (DECL + '<w:settings xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
            'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
            'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
            'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" mc:Ignorable="w14 w15">'
            '<w:zoom w:percent="100"/><w:defaultTabStop w:val="708"/><w:hyphenationZone w:val="425"/>'
            '<w:characterSpacingControl w:val="doNotCompress"/>'
            # The separator footnotes, referenced by id.
            '<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>'
            '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" '
            'w:val="15"/></w:compat>'
            '<w:rsids><w:rsidRoot w:val="%s"/>%s</w:rsids>'
            '<w:themeFontLang w:val="en-US"/><w:decimalSymbol w:val="."/><w:listSeparator w:val=","/>'
            '<w15:docId w15:val="{6B5A0467-434B-4F84-8C00-00000000%s}"/>'
            '</w:settings>' % (RSID_PARA, "".join('<w:rsid w:val="%s"/>' % r for r in RSID_ALL),
                               "%04X" % LANGS.index(doc.lang)))


def content_types_xml():
    wml = "application/vnd.openxmlformats-officedocument.wordprocessingml."
    return (DECL + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="' + wml + 'document.main+xml"/>'
            '<Override PartName="/word/numbering.xml" ContentType="' + wml + 'numbering+xml"/>'
            '<Override PartName="/word/styles.xml" ContentType="' + wml + 'styles+xml"/>'
            '<Override PartName="/word/settings.xml" ContentType="' + wml + 'settings+xml"/>'
            '<Override PartName="/word/footnotes.xml" ContentType="' + wml + 'footnotes+xml"/>'
            '<Override PartName="/docProps/core.xml" '
            'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
            '<Override PartName="/docProps/app.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
            '</Types>')


REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


def rels_xml(rels):
    out = [DECL, '<Relationships xmlns="%s">' % REL_NS]
    for rid, kind, target, external in rels:
        out.append('<Relationship Id="%s" Type="%s" Target="%s"%s/>'
                   % (rid, kind, escape(target), ' TargetMode="External"' if external else ""))
    out.append("</Relationships>")
    return "".join(out)


def package_rels():
    return rels_xml([
        ("rId3", REL_TYPE + "extended-properties", "docProps/app.xml", False),
        ("rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
         "docProps/core.xml", False),
        ("rId1", REL_TYPE + "officeDocument", "word/document.xml", False)])


def document_rels():
    return rels_xml([
        ("rId1", REL_TYPE + "numbering", "numbering.xml", False),
        ("rId2", REL_TYPE + "styles", "styles.xml", False),
        ("rId3", REL_TYPE + "settings", "settings.xml", False),
        ("rId4", REL_TYPE + "footnotes", "footnotes.xml", False)])


def footnotes_rels():
    # The hyperlink in footnote 8 is resolved through the FOOTNOTES part's relationships.
    return rels_xml([("rId1", REL_TYPE + "hyperlink", "https://undocs.org/CTOC/COP/2012/7", True)])


def core_xml(lang, title):
    return (DECL + '<cp:coreProperties '
            'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:dcmitype="http://purl.org/dc/dcmitype/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            '<dc:title>%s</dc:title><dc:creator>Concord</dc:creator>'
            '<cp:lastModifiedBy>%s</cp:lastModifiedBy><cp:revision>3</cp:revision>'
            '<dcterms:created xsi:type="dcterms:W3CDTF">2012-10-18T00:00:00Z</dcterms:created>'
            '<dcterms:modified xsi:type="dcterms:W3CDTF">2012-10-19T00:00:00Z</dcterms:modified>'
            '<dc:language>%s</dc:language></cp:coreProperties>'
            % (escape(title), REVISION_AUTHOR, lang))


def app_xml():
    return (DECL + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
            'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
            '<Template>Normal.dotm</Template><TotalTime>0</TotalTime><Application>Microsoft Office Word</Application>'
            '<DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop><Company>United Nations</Company>'
            '<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>'
            '<HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0000</AppVersion></Properties>')


# ---------------------------------------------------------------------------------------
# 5. Building one file, and the zip.
# ---------------------------------------------------------------------------------------

def build(lang, seed_paras, seed_notes):
    doc = Doc(lang)
    kinds = ["title", "title", "chapeau"] + ["pp"] * 17 + ["op"] * 21
    paras = [Para(Inline(s), k) for s, k in zip(seed_paras, kinds)]
    notes = {k: Para(Inline(v), "note") for k, v in seed_notes.items()}
    for p in notes.values():
        assert not p.markers
    # Reference order decides the displayed number; the w:id comes from LANG.
    order = [label for p in paras for _, label in p.markers]
    assert sorted(order) == sorted(notes) and len(order) == len(set(order)), order
    note_ids = {label: doc.cfg["ids"][i] for i, label in enumerate(order)}
    decorate(doc, paras, notes)
    parts = [
        ("[Content_Types].xml", content_types_xml()),
        ("_rels/.rels", package_rels()),
        ("docProps/core.xml", core_xml(lang, paras[0].text)),
        ("docProps/app.xml", app_xml()),
        ("word/document.xml", document_xml(doc, paras, note_ids)),
        ("word/_rels/document.xml.rels", document_rels()),
        ("word/numbering.xml", numbering_xml(doc)),
        ("word/styles.xml", styles_xml(doc)),
        ("word/settings.xml", settings_xml(doc)),
        ("word/footnotes.xml", footnotes_xml(doc, notes, note_ids)),
        ("word/_rels/footnotes.xml.rels", footnotes_rels()),
    ]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, xml in parts:
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            z.writestr(info, xml.encode("utf-8"), compresslevel=6)
    return buf.getvalue()


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)
    print("wrote", os.path.relpath(path, ROOT))


def main():
    for lang in LANGS:
        paras, notes = read_seed(lang)
        write(os.path.join(OUT, "res-6-1.%s.docx" % lang), build(lang, paras, notes))
        bad_paras, bad_notes = apply_defects(lang, paras, notes)
        write(os.path.join(OUT_DEFECTS, "res-6-1.%s.docx" % lang), build(lang, bad_paras, bad_notes))
    with open(os.path.join(OUT_DEFECTS, "README.md"), "w", encoding="utf-8", newline="\n") as f:
        f.write(DEFECTS_README)
    print("wrote", os.path.relpath(os.path.join(OUT_DEFECTS, "README.md"), ROOT))


if __name__ == "__main__":
    main()
