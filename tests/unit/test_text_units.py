"""Unit tests for the small text extractors: dates, numerals, spam, titles, regions, chrome, sections, formats.

Strings are verbatim from reference/chrome-and-spam.md §1 and report-formats.md §8/§9
where they come from there.
"""

from __future__ import annotations

from typing import Any

import pytest

from gov_reports.extract import regions
from gov_reports.extract.chrome import attachment_from_line, is_chrome_line, parse_labels
from gov_reports.extract.dates import find_dates, parse_date
from gov_reports.extract.formats import detect_format
from gov_reports.extract.numbers import chinese_to_int
from gov_reports.extract.regions import DivisionCodes, division_codes, issuer_level, locate, normalize_issuer
from gov_reports.extract.sections import has_six_headings, section_text, split_sections
from gov_reports.extract.spam import is_spam_line, looks_like_spam, remove_spam_phrases
from gov_reports.extract.titles import is_correction, is_report_title, issuer_from_title, year_from_title


def fixed_bug(reason: str, *values: Any) -> Any:
    """A case that once failed because of the bug `reason` describes (kept as a regression test)."""
    return pytest.param(*values)


# --------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("二〇一〇年一月十九日", "2010-01-19"),
        ("二〇二一年二月四日", "2021-02-04"),
        ("2023 年 1 月 16 日", "2023-01-16"),
        ("威海市文登区人民政府办公室 2023 年 1 月 16 日", "2023-01-16"),
        ("20210204", "2021-02-04"),
        ("2021年2月4日", "2021-02-04"),
        ("２０２１年２月４日", "2021-02-04"),
        ("2021/2/4", "2021-02-04"),
        ("日期:2021-03-05 13:32 来源:", "2021-03-05"),
        ("发布时间:2017-02-22", "2017-02-22"),
        ("2021年2月30日", None),
        ("2023年13月1日", None),
        ("1980年1月1日", None),
        ("", None),
    ],
)
def test_parse_date(text: str, iso: str | None) -> None:
    assert parse_date(text, fallback=False) == iso


def test_find_dates_in_order() -> None:
    text = "统计期限为2020年1月1日至2020年12月31日，二〇二一年二月四日发布，2021-03-05更新"
    assert find_dates(text) == ["2020-01-01", "2020-12-31", "2021-02-04", "2021-03-05"]


def test_find_dates_skips_impossible_dates() -> None:
    assert find_dates("2021年2月30日 和 2021年2月28日") == ["2021-02-28"]


def test_find_dates_ignores_compact_numbers() -> None:
    assert find_dates("索引号:003110926/20151021-00216") == []


# --------------------------------------------------------------------------- numerals


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("二千七百八十七", 2787),
        ("十二", 12),
        ("十", 10),
        ("三十一", 31),
        ("一百零五", 105),
        ("两百", 200),
        ("一万二千", 12000),
        ("二〇一〇", 2010),
        ("二〇二一", 2021),
        ("〇", 0),
        ("abc", None),
        ("", None),
        ("12", None),
    ],
)
def test_chinese_to_int(text: str, value: int | None) -> None:
    assert chinese_to_int(text) == value


# --------------------------------------------------------------------------- spam


@pytest.mark.parametrize(
    "text",
    [
        "中央专项彩票公益金和福利彩票公益金的使用情况",
        "市棋牌运动管理中心",
        "体育彩票管理中心",
        "开展欧洲杯期间安全检查",
        "澳门大学",
        "全年共受理政府信息公开申请162件。",
    ],
)
def test_remove_spam_phrases_keeps_genuine_text(text: str) -> None:
    assert remove_spam_phrases(text) == (text, [])
    assert not is_spam_line(text)


@pytest.mark.parametrize(
    ("text", "cleaned", "removed"),
    [
        (
            "365bet(中国)官方网站 2024年政府信息公开工作年度报告",
            " 2024年政府信息公开工作年度报告",
            ["365bet(中国)官方网站"],
        ),
        (
            "26个试点领域标准指引,麻将胡了最新官方版下载结合区政府权责清单",
            "26个试点领域标准指引,结合区政府权责清单",
            ["麻将胡了最新官方版下载"],
        ),
        ("类似亚博的台子", "", ["类似亚博的台子"]),
        ("福利彩票官网下载", "福利", ["彩票官网下载"]),
        ("麻将胡了_类似亚博的台子", "", ["麻将胡了_类似亚博的台子"]),
        fixed_bug(
            "「体育」 is no affix, so 「亚博体育官网」 loses only 亚博 and leaves the residue 「体育官网」 "
            "in the sentence",
            "详见亚博体育官网入口。",
            "详见。",
            ["亚博体育官网入口"],
        ),
    ],
)
def test_remove_spam_phrases(text: str, cleaned: str, removed: list[str]) -> None:
    assert remove_spam_phrases(text) == (cleaned, removed)


@pytest.mark.parametrize(
    ("text", "spam_line"),
    [("类似亚博的台子", True), ("麻将胡了最新官方版下载", True), ("365bet(中国)官方网站 年报", False)],
)
def test_is_spam_line(text: str, spam_line: bool) -> None:
    assert is_spam_line(text) is spam_line


@pytest.mark.parametrize(("text", "spam"), [("澳门葡京", True), ("真人娱乐", True), ("政务公开", False)])
def test_looks_like_spam(text: str, spam: bool) -> None:
    assert looks_like_spam(text) is spam


# --------------------------------------------------------------------------- titles


@pytest.mark.parametrize(
    ("title", "year", "issuer"),
    [
        ("哈尔滨市民政局2017年政府信息公开工作年度报告", 2017, "哈尔滨市民政局"),
        ("天津市体育局政府信息公开工作2023年度报告", 2023, "天津市体育局"),
        ("大足区外事办政府信息公开工作2022年度报告", 2022, "大足区外事办"),
        ("遂溪县2022年度政府信息公开工作年度报告", 2022, "遂溪县"),
        ("关于2020年度政府信息公开情况的报告", 2020, None),
        ("2022年政府信息公开年度报告", 2022, None),
        ("舒兰市2016年政务信息公开年度报告", 2016, "舒兰市"),
        ("2020年报_审计局", 2020, None),
        ("哈尔滨市2020年政府信息公开工作报告", 2020, "哈尔滨市"),
        ("秦皇岛市2021年政府信息公开工作年度报告（更正）", 2021, "秦皇岛市"),
        ("二〇一〇年虎林市政府信息公开工作年度报告", 2010, "虎林市"),
        ("附件1：虎林市2020年政府信息公开工作年度报告", 2020, "虎林市"),
        ("威海市文登区人民政府办公室2022年政府信息公开工作年度报告", 2022, "威海市文登区人民政府办公室"),
    ],
)
def test_report_title(title: str, year: int, issuer: str | None) -> None:
    assert is_report_title(title)
    assert year_from_title(title) == year
    assert issuer_from_title(title) == issuer


@pytest.mark.parametrize(
    "title",
    [
        "文字解读：哈尔滨市2021年政府信息公开工作年度报告",
        "哈尔滨市政府信息公开工作年度报告制度",
        "国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告有关事项的通知",
        "国务院办公厅政府信息与政务公开办公室关于印发《中华人民共和国政府信息公开工作年度报告格式》的通知",
        "秦皇岛市人民政府门户网站2021年政府网站工作年度报表",
        "普陀区2022年上半年政府信息公开数据统计",
        "关于做好2021年度政府信息公开工作年度报告编制发布工作的通知",
        "【图解】哈尔滨市2021年政府信息公开工作年度报告",
        "哈尔滨市2022年政府信息公开工作年度报告（征求意见稿）",
        "当前位置: 首页 > 政务公开 > 政府信息公开年报",
        "虎林市召开政务公开工作推进会",
    ],
)
def test_trap_titles_refused(title: str) -> None:
    assert not is_report_title(title)


@pytest.mark.parametrize(
    ("title", "corrected"),
    [
        ("秦皇岛市2021年政府信息公开工作年度报告（更正）", True),
        ("秦皇岛市2021年政府信息公开工作年度报告（修订版）", True),
        ("秦皇岛市2021年政府信息公开工作年度报告", False),
    ],
)
def test_is_correction(title: str, corrected: bool) -> None:
    assert is_correction(title) is corrected


# --------------------------------------------------------------------------- regions


@pytest.mark.parametrize(
    ("raw", "context", "issuer", "level", "province", "region", "code"),
    [
        ("哈尔滨市", None, "哈尔滨市人民政府", "city", "黑龙江省", "黑龙江省/哈尔滨市", "230100"),
        ("哈尔滨市政府", None, "哈尔滨市人民政府", "city", "黑龙江省", "黑龙江省/哈尔滨市", "230100"),
        ("虎林市人民政府", None, "虎林市人民政府", "county", "黑龙江省", "黑龙江省/鸡西市/虎林市", "230381"),
        ("杭州市江干区", None, "杭州市江干区人民政府", "county", "浙江省", "浙江省/杭州市/江干区", "330104"),
        ("市民政局", "哈尔滨市人民政府", "哈尔滨市民政局", "department", "黑龙江省", "黑龙江省/哈尔滨市", "230100"),
        (
            "市政府办公厅",
            "秦皇岛市人民政府",
            "秦皇岛市人民政府办公厅",
            "department",
            "河北省",
            "河北省/秦皇岛市",
            "130300",
        ),
        ("龙游县横山镇", None, "龙游县横山镇人民政府", "township", "浙江省", "浙江省/衢州市/龙游县", "330825"),
        ("虎林市虎头镇", None, "虎林市虎头镇人民政府", "township", "黑龙江省", "黑龙江省/鸡西市/虎林市", "230381"),
        ("国家体育总局", None, "国家体育总局", "department", None, None, None),
    ],
)
def test_issuer_normalised_and_located(
    raw: str, context: str | None, issuer: str, level: str, province: str | None, region: str | None, code: str | None
) -> None:
    name = normalize_issuer(raw, context=locate(context) if context else None)
    place = locate(name)
    assert name == issuer
    assert normalize_issuer(name) == name  # idempotent: every form of a body gives one key
    assert issuer_level(name, place) == level
    assert (place.province if place else None, place.region if place else None) == (province, region)
    assert (place.division.code if place else None) == code


@pytest.mark.parametrize(
    ("issuer", "own", "parent"),
    [
        ("虎林市虎头镇人民政府", None, "230381"),  # the shipped table has no township rows: unknown, not the county's
        ("重庆市九龙坡区九龙镇人民政府", None, "500107"),
        ("杭州市江干区凯旋街道办事处", None, "330104"),
        ("虎林市人民政府", "230381", None),
        ("哈尔滨市民政局", "230100", None),
        ("某某镇人民政府", None, None),  # no division known at all
    ],
)
def test_division_codes_of_townships(issuer: str, own: str | None, parent: str | None) -> None:
    place = locate(issuer)
    assert division_codes(issuer, place, issuer_level(issuer, place)) == DivisionCodes(own, parent)


def test_a_township_the_division_table_knows_gets_its_own_code(monkeypatch: pytest.MonkeyPatch) -> None:
    """A nine-digit row under its county gives the township its code; the name must match under that county."""
    rows = (*regions._division_rows(), ("230381101", "虎头镇"))
    monkeypatch.setattr(regions, "_division_rows", lambda: rows)
    regions._townships.cache_clear()
    try:
        place = locate("虎林市虎头镇人民政府")
        assert place is not None and place.division.code == "230381"  # township rows never match by name
        assert division_codes("虎林市虎头镇人民政府", place, "township") == DivisionCodes("230381101", "230381")
        other = locate("杭州市江干区虎头镇人民政府")
        assert division_codes("杭州市江干区虎头镇人民政府", other, "township") == DivisionCodes(None, "330104")
    finally:
        regions._townships.cache_clear()


# --------------------------------------------------------------------------- chrome

_NO_BREADCRUMB_HOME = "a breadcrumb trail is only chrome with 首页 in it or ≥3 '>' separators; this one has neither"
_NANXIAN = "nanxian's 「详细信息」/「公开具体内容」 (reference §1.2) are in no chrome list"
_HEADER = "header/navigation lines (reference §1.5) match no chrome rule: not widget-only, no footer token"


@pytest.mark.parametrize(
    "line",
    [
        # 1.1 breadcrumbs
        "当前位置: 首页?>?政务公开?>?政府信息公开平台?>?政府信息公开年报?>?2020年?>?市本级",
        "当前位置:首页 > 政府信息公开机制建设 >政府信息公开机制>文章详情",
        "当前位置: 首页 > 通知公告 > 正文",
        "主页 > 政务公开 > 政府信息公开年报 >",
        "当前位置: 首页 > 市交通运输局 > 监督保障> 政务公开制度",
        fixed_bug(_NO_BREADCRUMB_HOME, "屺亭街道>政府信息公開>信息公開制度"),
        # 1.2 date, source and counter lines
        "日期:2021-03-05 13:32 来源:",
        "发布时间:2021-11-02 09:08 来源:中国政府网 作者:",
        "发布日期:2017-02-23 点击数:",
        "来源: 国务院办公厅 发布时间:2020-12-01 累计次数: 字体:[ ]",
        "發布日期:2022-03-18 點擊數:人次",
        "发布时间:2024-12-24 16:26 信息来源:裕安区发改委 阅读次数:",
        "归档时间:2023-06-15",
        fixed_bug(_NANXIAN, "详细信息"),
        fixed_bug(_NANXIAN, "公开具体内容"),
        "来源:天津市体育局 发布时间:2024-01-11 09:17",
        "发布时间:2017-02-22\u00a0\u00a0\u00a0\u00a0发布机构:市政府办公厅\u00a0\u00a0\u00a0\u00a0字体:[ \u00a0\u00a0]",
        "体裁分类:市政府年度报告        主题分类:综合政务        文号:        索引号:58/2017-092426",
        # 1.3 font-size and print widgets
        "字号:",
        "字号: 大 中 小",
        "字号: 打印",
        "字体:[ \u00a0\u00a0]",
        "【字体:",
        fixed_bug(
            "the Traditional 「全文共計字,預計閱讀時間」 matches neither the widget tokens nor the simplified "
            "^全文共计 rule",
            "字體大小: [ ] 全文共計字,預計閱讀時間 分鐘",
        ),
        "【字号:",
        "【发表评论】 【互动社区】",
        "字体：[ 大 中 小 ]",
        "【打印本页】【关闭窗口】",
        # 1.4 QR code, share, favourite, chatbot, audio
        "收藏",
        "扫一扫在手机打开当前页",
        "扫一扫在手机打开当前页面",
        "更多精彩内容欢迎扫描下方二维码关注浑南区!",
        "智小龙问答机器人 hi!我是智小龙",
        "点击收听年报语音朗读",
        "返回頂部",
        # 1.5 header and navigation
        fixed_bug(_HEADER, "天津政务网 2019年12月3日星期二 简体| 繁体 无障碍 长者模式"),
        fixed_bug(
            _HEADER,
            "中国政府网 黑龙江省政府网 English Русская версия 市人大 市政协 市纪委监委 / "
            "首 页 政 务 公 开 网 上 办 事 互 动 交 流 走 进 鹤 城",
        ),
        fixed_bug(_HEADER + " (Traditional 登錄 is not a widget token)", "公務安全郵箱登錄 | 政務服務門戶登錄 |"),
        "登录 注册",
        "正文内容区域请使用tab按钮切换浏览",
        "特殊稿件右侧区域内容请使用tab按钮切换浏览",
        "信息公开元数据",
        "信息公开元数据|||||||||||||",
        # 1.6 footers
        "首页 | 网站地图 | 网站声明 | 联系我们",
        "主办：哈尔滨市人民政府办公厅\u3000承办：哈尔滨市信息中心",
        "网站标识码：2301000004\u3000黑ICP备05000026号\u3000黑公网安备 23010202000201号",
        "备案号码: 粤ICP备12345678号 公安备案号: 44049002000123 粤公网安备 44049002000123号",
        "吕梁市人民政府办公室主办 吕梁市信息中心承办 技术支持:吕梁市大数据中心",
        fixed_bug(
            "the footer rule needs 「ICP备」/「ICP证」; a bare 「ICP05000026」 with an e-mail is not recognised",
            "?ICP05000026 … E-mail: fgw@harbin.gov.cn",
        ),
        # 1.7 related links and attachment lines
        "相关文章",
        fixed_bug(
            "a bare 「附件:」 (reference §1.7) yields no attachment (empty name) and is not chrome, "
            "so it stays in the body",
            "附件:",
        ),
    ],
)
def test_chrome_line(line: str) -> None:
    assert is_chrome_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "虎林市人民政府",
        "2021年2月4日",
        "哈尔滨市民政局",
        "2018年3月9日",
        "威海市文登区人民政府办公室 2023 年 1 月 16 日",
        "无",
        "一、总体情况",
        "(一)主动公开情况",
        "六、其他需要报告的事项",
        "本年度报告中所列数据统计期限为2020年1月1日至12月31日。",
        "全年共受理政府信息公开申请162件。",
        "网站首页改版后访问量大幅提升，全年浏览次数达120万次。",
        "我局在门户网站设置了收藏和分享功能，方便群众查阅。",
        "本年度报告电子版可从“杭州市江干区门户网站”下载。",
        "2021年是“十四五”开局之年。",
        "联系电话:0451-84664049",
        "主动公开政府信息1561条。",
    ],
)
def test_report_text_is_not_chrome(line: str) -> None:
    assert not is_chrome_line(line)


@pytest.mark.parametrize(
    ("line", "labels"),
    [
        ("索\u00a0\u00a0引\u00a0\u00a0号：014416330/2018-04736", {"索引号": "014416330/2018-04736"}),
        ("发 布 机 构:市政府办\t发文日期:2018-02-28", {"发布机构": "市政府办", "发文日期": "2018-02-28"}),
        (
            "索 引 号\t014416330/2018-04736\t分 类\t政府信息公开年报",
            {"索引号": "014416330/2018-04736", "分类": "政府信息公开年报"},
        ),
        (
            "文号:        索引号:58/2017-092426",
            {"文号": "", "索引号": "58/2017-092426"},
        ),
        ("文号:\t索引号:58/2017-092426", {"文号": "", "索引号": "58/2017-092426"}),
        (
            "体裁分类:市政府年度报告\t主题分类:综合政务\t文号:\t索引号:58/2017-092426",
            {"体裁分类": "市政府年度报告", "主题分类": "综合政务", "文号": "", "索引号": "58/2017-092426"},
        ),
    ],
)
def test_parse_labels(line: str, labels: dict[str, str]) -> None:
    assert parse_labels(line) == labels


@pytest.mark.parametrize(
    ("line", "attachment"),
    [
        (
            "年报下载:哈尔滨市2020政府信息公开工作报告.doc",
            {"url": None, "name": "哈尔滨市2020政府信息公开工作报告.doc", "type": "doc"},
        ),
        ("附件：虎林市2020年报.pdf", {"url": None, "name": "虎林市2020年报.pdf", "type": "pdf"}),
        ("附件1：统计表.xlsx", {"url": None, "name": "统计表.xlsx", "type": "xlsx"}),
        ("点击下载 报告全文", {"url": None, "name": "报告全文", "type": None}),
        fixed_bug(
            "ATTACHMENT_LINE_RE makes the colon optional, so any body sentence opening with 附件 is taken for an "
            "attachment line and dropped from the text",
            "附件所列统计数据均截至2020年12月31日。",
            None,
        ),
        ("一、总体情况", None),
    ],
)
def test_attachment_from_line(line: str, attachment: dict[str, Any] | None) -> None:
    assert attachment_from_line(line) == attachment


# --------------------------------------------------------------------------- sections


# The six headings with the variants of report-formats.md §8 (full-width and letter-spaced ones too).
SIX = [
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、因政府信息公开工作被申请行政复议提起行政诉讼情况",
    "五、政府信息公开工作存在的主要问题及改进情况",
    "六．其他需要报告的事项",
]


def test_split_sections_table_rows_are_not_headings() -> None:
    lines = [
        "前言。",
        SIX[0],
        "正文。",
        SIX[1],
        SIX[2],
        "一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1",
        "三、本年度办理结果\t(一)予以公开\t1",
        "四、结转下年度继续办理\t0",
        SIX[3],
        SIX[4],
        "三、这一行以句号结束。",
        SIX[5],
        "无",
    ]
    sections = split_sections(lines)
    assert [s["heading"] for s in sections] == ["", *SIX]
    text = "\n".join(lines)
    assert section_text(text, sections[3]) == "\n".join(lines[5:8])
    assert section_text(text, sections[5]) == "三、这一行以句号结束。"
    assert section_text(text, sections[6]) == "无"
    assert has_six_headings(sections)


def test_sections_point_into_the_text_and_hold_no_copy() -> None:
    lines = ["前言。", SIX[0], "正文一。", "正文二。", SIX[1], SIX[2], "无。"]
    sections = split_sections(lines)
    assert sections == [
        {"heading": "", "start": 0, "end": 1},
        {"heading": SIX[0], "start": 2, "end": 4},
        {"heading": SIX[1], "start": 5, "end": 5},
        {"heading": SIX[2], "start": 6, "end": 7},
    ]
    # Every line is a heading or in exactly one section's range: each paragraph once.
    covered = [i for s in sections for i in range(s["start"], s["end"])] + [s["start"] - 1 for s in sections[1:]]
    assert sorted(covered) == list(range(len(lines)))


def test_section_text_reads_sections_written_before_they_were_places() -> None:
    assert section_text("甲\n乙", {"heading": "一、概述", "text": "旧的正文"}) == "旧的正文"


def test_split_sections_numbers_must_follow_on() -> None:
    lines = ["一、概述", "甲", "三、跳过了二", "乙", "二、主动公开", "丙"]
    sections = split_sections(lines)
    assert [s["heading"] for s in sections] == ["一、概述", "二、主动公开"]
    assert section_text("\n".join(lines), sections[0]) == "甲\n三、跳过了二\n乙"


def test_split_sections_without_headings() -> None:
    assert split_sections(["甲。", "乙。"]) == [{"heading": "", "start": 0, "end": 2}]
    assert not has_six_headings(split_sections(["甲。"]))


# --------------------------------------------------------------------------- formats


@pytest.mark.parametrize(
    ("text", "year", "six", "hint", "expected"),
    [
        ("本年制发件数", 2020, False, None, "2021"),
        ("本年废止件数", None, False, None, "2021"),
        ("申请人无正当理由逾期不补正", 2019, False, None, "2021"),
        ("本年新制作数量", 2022, False, None, "2019"),
        ("第二十条第（九）项", None, False, None, "2019"),
        ("第二十条第(九)项", 2023, False, None, "2019"),
        ("采购总金额", 2023, False, None, "2019"),
        ("本年新制作数量 本年制发件数", 2020, False, None, "2021"),
        ("正文", 2020, False, "2021", "2021"),
        ("正文", 2020, True, None, "2019"),
        ("正文", 2021, True, None, "2021"),
        ("正文", None, True, None, "unknown"),
        ("正文", 2016, False, None, "pre2019"),
        ("正文", 2020, False, None, "unknown"),
        ("正文", None, False, None, "unknown"),
    ],
)
def test_detect_format(text: str, year: int | None, six: bool, hint: str | None, expected: str) -> None:
    assert detect_format(text, year=year, six_headings=six, table_hint=hint) == expected
