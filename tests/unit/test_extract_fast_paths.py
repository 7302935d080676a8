"""The extractors' fast paths give what the plain definitions they replace give.

Several hot functions skip work when they can tell it would change nothing (a clean
line, a cell without spans, a regex tried only where a match can start). Each test
here compares a fast path with the straightforward definition, on input built to
reach the cases where the two could part: every Unicode code point, rows spanned
from above, nested tables, line breaks inside cells.
"""

from __future__ import annotations

import re
import sys
import unicodedata

from gov_reports.extract import prose_stats
from gov_reports.extract.chrome import _WIDGET_SPLIT_RE, _WIDGET_TOKENS, is_chrome_line, is_widget_line
from gov_reports.extract.clean import clean_html, parse_html
from gov_reports.extract.fields import _ADDRESS_RE, nongov_addresses
from gov_reports.extract.line_filter import clean_row as _clean_row
from gov_reports.extract.numbers import to_halfwidth_digits
from gov_reports.extract.regions import _divisions, _name_at
from gov_reports.extract.statistics import _HEADINGS, _has_heading
from gov_reports.extract.tables import html_grids, normalise_text
from gov_reports.extract.text import address_matches, clean_line, normalize_spaces, squeeze
from gov_reports.extract.trust import _ADDRESS_START_RE, PINYIN_GLOSS_RE, _count_glosses

_BLANKS = r" \r\f\v\u00a0\u3000\u2002\u2003\u2009\u200b\ufeff\u202f"
EVERY_CHARACTER = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)


def test_squeeze_removes_exactly_the_blanks_of_its_class() -> None:
    assert squeeze(EVERY_CHARACTER) == re.sub(rf"[\s{_BLANKS}]+", "", EVERY_CHARACTER)


def test_clean_line_and_normalize_spaces_match_their_regex() -> None:
    # every character between letters, doubled, and at both ends of a line
    for text in ("a" + "a".join(EVERY_CHARACTER) + "a", "b".join(c + c for c in EVERY_CHARACTER[:70000])):
        assert normalize_spaces(text) == re.sub(f"[{_BLANKS}]+", " ", text)
    for c in (" ", "\u3000", "\xa0", "\u200b", "\n", "x", "\u2028", "\t"):
        for text in (c + "a b", "a b" + c, "a" + c + c + "b", c):
            assert clean_line(text) == re.sub(f"[{_BLANKS}]+", " ", text).strip()


def test_normalise_text_is_nfkc_without_whitespace() -> None:
    quotes = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "「": '"', "」": '"', "、": ","})
    # full-width forms next to combining marks and compatibility ideographs (⾏ is 行 after NFKC)
    text = "（一）行政复议\u3000总 计：５\u0301，\u2f8f政\xa0复议；「３」、１２．５％" + EVERY_CHARACTER[0xFF00:0xFFEF]
    expected = re.sub(r"[\s\u3000\xa0\u200b]+", "", unicodedata.normalize("NFKC", text)).translate(quotes)
    assert normalise_text(text) == expected


def test_halfwidth_digits() -> None:
    assert to_halfwidth_digits("２０２１年，共３．５万") == "2021年,共3.5万"


def test_widget_lines() -> None:
    def plain(line: str) -> bool:
        tokens = [t for t in _WIDGET_SPLIT_RE.split(line.strip()) if t]
        if not tokens or len(line) > 60:
            return False
        return all(t in _WIDGET_TOKENS or t.strip("【】[]") in _WIDGET_TOKENS for t in tokens)

    for line in (
        "字号：大\u3000中\u3000小",
        "【打印本页】【关闭窗口】",
        "收藏",
        "字号 大 中 小 打印文章",
        "上一篇：",
        "A+ A-",
    ):
        assert is_widget_line(line) == plain(line)
    # a bare trail: two 「>」 and no sentence punctuation
    assert is_chrome_line("信息公开 > 年报 > 2020年")
    assert not is_chrome_line("信息公开>年报>共三项。") and not is_chrome_line("信息公开>年报")


def test_addresses_found_where_finditer_finds_them() -> None:
    text = (
        "网址http://www.tgflt.cn/x，又见 WWW.Example.COM:8080与awww.no.cn、.www.no.cn，"
        "https://a.b.gov.cn及http://1.2.3.4与ftp://www.x.org，末尾www.end.com, www"
    )
    assert [m.span() for m in _ADDRESS_RE.finditer(text)] == [m.span() for m in address_matches(_ADDRESS_RE, text)]
    # 「末尾www.」: a letter (CJK too) right before www. is no address start
    assert nongov_addresses(text) == ["www.tgflt.cn", "www.example.com", "www.x.org"]


def test_prose_patterns_tried_only_at_their_leading_words() -> None:
    text = to_halfwidth_digits(
        "共受理政府信息公开申请12件，其中同意公开8件，不予公开2件，非本机关掌握3件；"
        "报告期内收到申请收到申请5件。全部公开的有1件，不同意公开的申请有4件，信息不存在2件。"
    )
    for key, pattern in prose_stats._COUNT_PATTERNS:
        assert [m.span() for m in prose_stats._matches(key, pattern, text)] == [
            m.span() for m in pattern.finditer(text)
        ]


PAGE = """<html><head><title>某县2020年政府信息公开工作年度报告</title></head><body>
<div id="zoom"><p>某县2020年政府信息公开工作年度报告</p><p>一、总体情况</p>
<table><tbody>
<tr><td rowspan="3">三、本年度办理结果</td><td colspan="2">（一）予以公开</td><td>1</td></tr>
<tr><td>（二）部分<br>公开</td><td> 2 </td><td>3</td></tr>
<tr><td>x</td><td>4</td></tr>
<tr><td rowspan="2000">a</td><td colspan="x">b</td><td>5</td></tr>
</tbody></table>
<table><tr><td>外层<table><tr><td>内层</td><td>6</td></tr></table></td></tr></table>
<table><tr><td>直接行</td></tr><form><tr><td>表单里的行</td></tr></form></table>
<p>某县人民政府</p><p>2021年1月20日</p></div></body></html>"""


def test_container_tables_read_once_are_the_html_grids() -> None:
    page = clean_html(PAGE, "http://www.example.gov.cn/a.html")
    assert page.grids is not None and page.body is not None
    before = page.body_html
    assert [g.rows for g in page.grids] == [g.rows for g in html_grids(parse_html(PAGE).find(".//div"))]
    assert page.body_html == before  # reading the cells left the tree as it was (no spaces after <br>)
    assert "（二）部分 公开\t2\t3" in page.lines


def test_container_selectors_in_order() -> None:
    # .TRS_Editor comes before #content in the selector list, whatever the document order
    html = (
        '<html><body><div id="content">' + "正文" * 1500 + '</div><div class="a  TRS_Editor\tb">'
        "<p>某县2020年政府信息公开工作年度报告</p></div></body></html>"
    )
    assert clean_html(html).container == ".TRS_Editor"


def test_division_names_found_as_the_longest_first_alternation_finds_them() -> None:
    _, by_name, _lengths = _divisions()
    alternation = re.compile("|".join(re.escape(n) for n in sorted(by_name, key=len, reverse=True)))
    names = sorted(by_name)
    # each name, then the names that begin with it or that it continues into, and a cut-off end
    texts = [a + b for a, b in zip(names, names[1:] + names[:1], strict=True)] + [n[:-1] for n in names]
    for text in texts:
        for pos in range(min(len(text), 4)):
            match = alternation.match(text, pos)
            assert _name_at(text, pos) == (match.group(0) if match else None)


def test_trust_address_starts_where_finditer_finds_them() -> None:
    text = (
        "见http://a.cn与HTTPS://B.CN、httpſ://c.cn（ſ matches s without case），https://www.d.cn/x，"
        "www.e.cn与.WwW.f.cn、awww.g.cn，://h，http:/i.cn，末尾www."
    )
    assert [m.span() for m in address_matches(_ADDRESS_START_RE, text)] == [
        m.span() for m in _ADDRESS_START_RE.finditer(text)
    ]


def test_trust_glosses_counted_as_findall_counts_them() -> None:
    text = "政(zhèng)府(fǔ)(x)号(hào)，政务微博(hrbzw)、(zheng)开((kāi)" + "中(zhong)" * 3
    assert _count_glosses(text) == len(PINYIN_GLOSS_RE.findall(text)) == 6


def test_heading_search_starts_late_only_where_no_match_can_start() -> None:
    blanks = ("", " ", "\n", "\n\n \u3000", "\t", "\u2028", "x", "x\n", "四、", "二、\n")
    heads = (
        "二、主动公开政府信息情况",
        "二 ． 主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "四、\n\n因政府信息公开工作被申请行政复议、提起行政诉讼情况",
        "四、" + "字" * 16 + "行政复议" + "字" * 8 + "行政诉讼",
        "四、" + "字" * 17 + "行政复议行政诉讼",
    )
    texts = [
        prefix + head + suffix
        for prefix in blanks
        for head in heads
        for suffix in ("", "\n", "。行政复议0件，行政诉讼0件", "\n二、主动公开政府信息情况")
    ]
    texts += ["主动公开政府信息情况\n二、主动公开政府信息情况", "行政复议\n\n四、行政复议和行政诉讼"]
    texts += ["行政诉讼行政复议"]
    for text in texts:
        for words, before, heading in _HEADINGS:
            assert _has_heading(text, words, before, heading) == (heading.search(text) is not None), (text, words)


def test_table_rows_cleaned_as_each_cell_would_be() -> None:
    # `_clean_row` skips the per-cell cleaning on rows it judges clean: every code point at the start of a
    # row, inside a cell, before and after a tab, doubled, at the end
    for c in EVERY_CHARACTER:
        row = f"{c}a{c}b{c}\t{c}1{c}{c}2{c}"
        expected = "\t".join(clean_line(cell) for cell in row.split("\t")).rstrip("\t")
        assert _clean_row(row) == expected, repr(row)
