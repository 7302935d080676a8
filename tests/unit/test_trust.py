"""Trust verdicts (gov_reports.extract.trust) on the seeds, the demo pages and mirror fixtures, and the
merging rules that keep mirror copies from overwriting official records (gov_reports.model.merge).

Fixture strings are the verbatim mirror artefacts of reference chrome-and-spam.md §2–4.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from gov_reports.extract.page import NotAReport, Page, PageSource, extract
from gov_reports.extract.trust import (
    Trust,
    TrustEvidence,
    assess,
    is_government_body,
    is_traditional,
    nongov_hosts,
    rejection,
    related_divisions,
)
from gov_reports.model.dump_reader import read_jsonl
from gov_reports.model.dump_writer import merge_into_file
from gov_reports.model.merge import merge_records
from tests.support.demo_pages import BASES, EXPECTED, demo_extract
from tests.support.paths import SEEDS

HARBIN_2020, HARBIN_CIVIL, JIANGGAN, HULIN, QINHUANGDAO = sorted(p.name for p in SEEDS.glob("*.txt"))

# A short report body: enough vocabulary and a year for `extract` to take it as a report.
BODY = (
    "本报告根据《中华人民共和国政府信息公开条例》要求编制。本年度报告中所列数据统计期限为{year}年1月1日至12月31日。",
    "一、总体情况",
    "{year}年，全年主动公开政府信息1234条，依申请公开受理申请56件。",
    "二、主动公开政府信息情况",
    "各县、区政府认真做好主动公开工作，本报告电子版可在门户网站查阅或下载。",
)


def report_text(title: str, *lines: str, year: int = 2022) -> str:
    return "\n".join([title, *(line.format(year=year) for line in (*BODY, *lines))])


@cache
def seed(name: str) -> str:
    return (SEEDS / name).read_text(encoding="utf-8")


def seed_trust(name: str, **source: Any) -> dict[str, Any]:
    return extract(Page(seed(name), kind="text", source=PageSource(**source))).trust


# --------------------------------------------------------------------------- seeds


def test_harbin_seeds_without_a_url_are_unknown_with_the_mirror_address_noted() -> None:
    assert seed_trust(HARBIN_2020) == {
        "verdict": "unknown",
        "reasons": ["no_url", "nongov_address:www.tgflt.cn", "spam_injected"],
    }
    assert seed_trust(HARBIN_CIVIL) == {"verdict": "unknown", "reasons": ["no_url", "nongov_address:www.tgflt.cn"]}


@pytest.mark.parametrize("configured", [False, True])
def test_harbin_seeds_on_the_hijacked_host_are_mirrors(configured: bool) -> None:
    """tgflt.cn rewrote the portal address to itself; configuring the host does not make it official."""
    url = "http://www.tgflt.cn/art/2021/3/5/art_4971_1001.html"
    hosts = frozenset({"www.tgflt.cn"}) if configured else frozenset()
    host_reason = "configured_host" if configured else "unofficial_host:www.tgflt.cn"
    trust = seed_trust(HARBIN_2020, url=url, official=configured, official_hosts=hosts)
    assert trust == {"verdict": "mirror", "reasons": [host_reason, "self_portal_address:tgflt.cn", "spam_injected"]}
    trust = seed_trust(HARBIN_CIVIL, url=url, official=configured, official_hosts=hosts)
    assert trust == {"verdict": "mirror", "reasons": [host_reason, "self_portal_address:tgflt.cn"]}


def test_seeds_on_government_hosts_are_official_with_weak_signs_kept() -> None:
    url = "http://www.harbin.gov.cn/art/2021/3/5/art_4971_1001.html"
    assert seed_trust(HARBIN_2020, url=url) == {
        "verdict": "official",
        "reasons": ["gov_host", "nongov_address:www.tgflt.cn", "spam_injected"],
    }
    assert seed_trust(JIANGGAN, url="http://www.jianggan.gov.cn/a.html") == {
        "verdict": "official",
        "reasons": ["gov_host", "spam_injected"],
    }
    for name in (HULIN, QINHUANGDAO):
        assert seed_trust(name, url="http://www.hljhulin.gov.cn/a.html") == {
            "verdict": "official",
            "reasons": ["gov_host"],
        }


def test_injected_seed_on_an_unofficial_host_is_a_mirror_a_clean_one_unknown() -> None:
    source = {"url": "http://dayueimage.com/zwgk/a.html", "official": False}
    assert seed_trust(JIANGGAN, **source) == {
        "verdict": "mirror",
        "reasons": ["unofficial_host:dayueimage.com", "spam_injected"],
    }
    assert seed_trust(HULIN, **source) == {"verdict": "unknown", "reasons": ["unofficial_host:dayueimage.com"]}


def test_seeds_are_simplified_and_unglossed() -> None:
    for name in (HARBIN_2020, HARBIN_CIVIL, JIANGGAN, HULIN, QINHUANGDAO):
        reasons = seed_trust(name)["reasons"]
        assert not {"traditional_script", "pinyin_gloss", "spam_dense"} & set(reasons), name


# --------------------------------------------------------------------------- demo pages


@pytest.mark.parametrize("report", EXPECTED["reports"], ids=lambda r: r["key"])
def test_demo_reports_on_their_configured_hosts_are_official(report: dict[str, Any]) -> None:
    base = BASES[report["site"]]
    page = demo_extract(report["site"], report["best_path"])
    trust = demo_extract(report["site"], report["best_path"], official_hosts=frozenset({base.split("//")[1]})).trust
    assert trust["verdict"] == "official", trust
    assert trust["reasons"][0] == "configured_host"
    # Offline, with nobody vouching for 127.0.0.1, the same page is only "unknown".
    assert page.trust["verdict"] == "unknown" and page.trust["reasons"][0] == "unverified_host"


# --------------------------------------------------------------------------- mirror fixtures


def test_brand_replaced_issuer_is_rejected() -> None:
    """365betchina.com: 「365bet(中国)官方网站 2024年政府信息公开工作年度报告 …
    涵盖365bet(中国)官方网站 各县、区政府」."""
    text = report_text(
        "365bet(中国)官方网站 2024年政府信息公开工作年度报告", "涵盖365bet(中国)官方网站 各县、区政府", year=2024
    )
    with pytest.raises(NotAReport) as raised:
        extract(Page(text, kind="text", source=PageSource(url="https://365betchina.com/zwgk/post_3938658.html")))
    assert raised.value.reason == "mirror_rejected:brand_issuer"


@pytest.mark.parametrize(
    ("title", "brand"),
    [
        ("金沙娱乐城官方网站2023年政府信息公开工作年度报告", "娱乐城官方网站"),
        ("大发快三平台2023年政府信息公开工作年度报告", "平台"),
        ("WWW.DF888.COM2023年政府信息公开工作年度报告", "WWW"),
    ],
)
def test_brands_outside_the_spam_lexicon_are_rejected(title: str, brand: str) -> None:
    text = report_text(title, year=2023)
    with pytest.raises(NotAReport) as raised:
        extract(Page(text, kind="text", source=PageSource(url="http://www.gasstoo.com/col/col71982/index.html")))
    assert raised.value.reason == "mirror_rejected:brand_issuer"
    trust = assess(TrustEvidence(issuer=title[: title.index("2023")]))
    assert [r for r in trust.reasons if r.startswith("brand_issuer")] == [f"brand_issuer:{brand}"]


def test_brand_prefixed_department_is_rejected() -> None:
    """bjmssf.com: the brand replaced the region in front of a real department's name."""
    title = "365bet网上娱乐_365BETAPP官网_365体育平台网址人民政府合作交流办公室 2022年政府信息公开工作年度报告"
    with pytest.raises(NotAReport) as raised:
        extract(Page(report_text(title), kind="text", source=PageSource(url="https://bjmssf.com/hzjl/t1")))
    assert raised.value.reason == "mirror_rejected:brand_issuer"


def test_pinyin_noise_is_a_mirror_and_a_garbled_issuer_is_rejected() -> None:
    """hongxingpaper.com: 「國辦公(gong)開辦函〔2019〕60號」, 「政(zheng)(zheng)府(fu)(fu)」."""
    noise = "依据國辦公(gong)開辦函〔2019〕60號，政(zheng)(zheng)府(fu)(fu)信息公开工作稳步推进。"
    record = extract(Page(report_text("泰州市2022年政府信息公开工作年度报告", noise), kind="text"))
    assert record.key == "泰州市人民政府|2022"
    assert record.trust == {"verdict": "mirror", "reasons": ["no_url", "pinyin_gloss"]}
    garbled = report_text("泰州市民(min)政(zheng)局2022年政府信息公开工作年度报告", noise)
    with pytest.raises(NotAReport) as raised:
        extract(Page(garbled, kind="text"))
    assert raised.value.reason == "mirror_rejected:unrecognised_issuer"


def test_two_pinyin_glosses_are_not_enough() -> None:
    evidence = TrustEvidence(url="http://www.taizhou.gov.cn/a.html", text="政(zheng)府(fu)信息公开")
    assert assess(evidence) == Trust("official", ("gov_host",))


def test_account_names_in_brackets_are_not_pinyin() -> None:
    text = "关注政务微博(hrbzw)、微信公众号(hljgov)和头条号(hrbgov)，政务服务热线(hotline)。"
    assert assess(TrustEvidence(url="http://www.harbin.gov.cn/a.html", text=text)) == Trust("official", ("gov_host",))


def test_same_named_districts_are_told_apart_by_the_issuer() -> None:
    changchun_chaoyang = "220104"  # without the issuer's code, 「朝阳区」 alone is Beijing's (110105)
    evidence = TrustEvidence(
        url="http://www.cccy.gov.cn/a", division_code=changchun_chaoyang, site_name="朝阳区人民政府"
    )
    assert assess(evidence) == Trust("official", ("gov_host",))


TRADITIONAL_PARAGRAPH = (
    "索引號(hào)：發(fā)布機(jī)構(gòu)：本報告根據《中華人民共和國政府信息公開條例》要求編制。全文包括總體情況、主動公開"
    "政府信息情況、收到和處理政府信息公開申請情況、政府信息公開行政複議和行政訴訟情況、存在的主要問題及改進情況。"
    "本報告中所列數據的統計期限自2021年1月1日起至2021年12月31日止。本報告電子版可在門戶網站查閱或下載。"
)


def test_traditional_script_is_detected_and_simplified_is_not() -> None:
    assert is_traditional(TRADITIONAL_PARAGRAPH)
    assert not is_traditional(seed(HARBIN_2020))
    # A few Traditional characters (a quoted name, a widget) in a Simplified body are not a conversion.
    assert not is_traditional(seed(HULIN) + "發布日期 點擊數 返回頂部")
    trust = assess(TrustEvidence(url="http://www.haose21.com/zwgk/a.html", official=False, text=TRADITIONAL_PARAGRAPH))
    assert trust.verdict == "mirror"
    assert trust.reasons == ("unofficial_host:www.haose21.com", "pinyin_gloss", "traditional_script")


def test_traditional_issuer_would_be_a_new_issuer() -> None:
    mirror = Trust("mirror", ("configured_host", "traditional_script"))
    assert rejection("哈爾濱市人民政府", mirror) == "mirror_rejected:unrecognised_issuer"
    assert rejection("哈尔滨市人民政府", mirror) is None
    assert rejection("365bet(中国)官方网站", Trust("unknown", ("no_url",))) is None  # only mirrors are rejected


@pytest.mark.parametrize(
    ("title", "sign"),
    [
        ("成人国产精品一区二区网站公司_国产精品66在线观看", "brand_title:国产精品一区二区"),
        ("免费菠萝视频app下载", "brand_title:免费菠萝视频app下载"),
        ("-j9九游", "brand_title:j9九游"),
    ],
)
def test_spam_titles_make_a_mirror(title: str, sign: str) -> None:
    raw = f"<html><head><title>{title}_泰州市2017年政府信息公开工作年度报告</title></head><body></body></html>"
    trust = assess(TrustEvidence(url="http://www.taizhou.gov.cn/a.html", raw=raw))
    assert trust == Trust("mirror", ("gov_host", sign))


def test_brand_site_name_makes_a_mirror() -> None:
    """lahohwa.com: SiteName 「欧洲杯决赛竞猜_2024欧洲杯买球平台-线上app官网」."""
    trust = assess(
        TrustEvidence(url="http://lahohwa.com/a.html", site_name="欧洲杯决赛竞猜_2024欧洲杯买球平台-线上app官网")
    )
    assert trust.verdict == "mirror" and "brand_site_name" in trust.reasons


def test_site_name_and_code_must_agree_with_the_issuer_region() -> None:
    harbin = "230100"
    assert related_divisions("230381", "230300") and related_divisions("230000", "230100")
    assert not related_divisions("321200", harbin)
    consistent = TrustEvidence(
        url="http://www.harbin.gov.cn/a.html",
        division_code=harbin,
        site_name="哈尔滨市人民政府",
        site_id_code="2301000004",
    )
    assert assess(consistent) == Trust("official", ("gov_host",))
    province_site = TrustEvidence(url="http://www.hlj.gov.cn/a.html", division_code="230381", site_id_code="2300000001")
    assert assess(province_site) == Trust("official", ("gov_host",))
    swapped = dict(division_code=harbin, site_name="泰州市人民政府", site_id_code="3212000001")
    signs = ("site_name_mismatch:泰州市人民政府", "site_id_mismatch:3212000001")
    # On a host nobody vouched for, the site metadata of another region is a mirror sign…
    assert assess(TrustEvidence(url="http://www.xgrx120.com/a.html", official=False, **swapped)) == Trust(
        "mirror", ("unofficial_host:www.xgrx120.com", *signs)
    )
    # …on an official host (a government domain, the registry's or the crawl's hosts) it is the hosting
    # portal's own (a 集约化 platform, another body's site) and never makes a mirror by itself.
    assert assess(TrustEvidence(url="http://www.harbin.gov.cn/a.html", **swapped)) == Trust(
        "official", ("gov_host", *signs)
    )
    on_registry_host = TrustEvidence(
        url="http://122.137.242.24:8080/a.html", official_hosts=frozenset({"122.137.242.24:8080"}), **swapped
    )
    assert assess(on_registry_host) == Trust("official", ("configured_host", *signs))
    # Codes that are not divisions (central departments' bm… codes) prove nothing.
    assert assess(
        TrustEvidence(url="http://www.stats.gov.cn/a", division_code=harbin, site_id_code="bm36000002")
    ).verdict == ("official")


def test_self_portal_address_and_nongov_addresses() -> None:
    """zwinkt.com: 「报告电子版可在泰州市政府门户网站(http://www.zwinkt.com)下载」 on zwinkt.com itself."""
    text = (
        "报告电子版可在泰州市政府门户网站(http://www.zwinkt.com)下载，"
        "或登录 www.taizhou.gov.cn、http://122.137.242.24:8080 查询。"
    )
    assert nongov_hosts(text) == ["www.zwinkt.com"]
    hosts = frozenset({"zwinkt.com"})
    trust = assess(
        TrustEvidence(url="https://zwinkt.com/zwgk/art/2018/2/28/art_46355_1634538", official_hosts=hosts, text=text)
    )
    assert trust == Trust("mirror", ("configured_host", "self_portal_address:zwinkt.com"))


def test_junk_tags_make_a_mirror() -> None:
    """safd142.com: <noframes id="zdbdv"><address id="zdbdv"><listing id="zdbdv">."""
    raw = '<body><noframes id="zdbdv"><address id="zdbdv"><listing id="zdbdv"></listing></address></noframes></body>'
    assert assess(TrustEvidence(url="http://www.safd142.com/a.shtml", official=False, raw=raw)).reasons == (
        "unofficial_host:www.safd142.com",
        "junk_tags",
    )
    assert "junk_tags" not in assess(TrustEvidence(raw='<address id="contact">地址</address>')).reasons


def test_spam_density() -> None:
    text = "正文" * 500
    few = assess(TrustEvidence(url="http://a.gov.cn/", text=text, spam=["类似亚博的台子", "麻将胡了最新官方版下载"]))
    assert few == Trust("official", ("gov_host", "spam_injected"))
    many = assess(TrustEvidence(url="http://a.gov.cn/", text=text, spam=[f"bet365体育投注{i}" for i in range(6)]))
    assert many == Trust("mirror", ("gov_host", "spam_dense"))
    short = assess(
        TrustEvidence(
            url="http://a.gov.cn/", text="详见附件", spam=["亚博体育官网", "欧洲杯买球平台", "九游娱乐官网入口"]
        )
    )
    assert short.verdict == "mirror"


@pytest.mark.parametrize(
    ("source", "reason"),
    [
        ({}, "no_url"),
        ({"url": "http://zwgk.harbin.gov.cn/a.html", "official": False}, "gov_host"),
        (
            {"url": "http://180.76.149.248:88/book/a.html", "official_hosts": frozenset({"180.76.149.248:88"})},
            "configured_host",
        ),
        ({"url": "http://127.0.0.1:8001/a.html"}, "unverified_host"),
        (
            {"url": "http://127.0.0.1:8001/a.html", "official_hosts": frozenset({"127.0.0.1:8002"})},
            "unofficial_host:127.0.0.1:8001",
        ),
    ],
)
def test_host_reasons(source: dict[str, Any], reason: str) -> None:
    assert assess(TrustEvidence(**source)).reasons == (reason,)


@pytest.mark.parametrize(
    ("name", "recognised"),
    [
        ("哈尔滨市人民政府", True),
        ("哈尔滨市民政局", True),
        ("国家统计局", True),
        ("虎林市虎头镇人民政府", True),
        ("365bet(中国)官方网站", False),
        ("欧洲杯决赛竞猜", False),
        ("哈爾濱市民政局", False),
        ("哈尔滨市民(min)政(zheng)局", False),
        ("某某网络科技", False),
    ],
)
def test_government_body_names(name: str, recognised: bool) -> None:
    assert is_government_body(name) is recognised


# --------------------------------------------------------------------------- merging


def copy(url: str, verdict: str | None, **fields: Any) -> dict[str, Any]:
    record: dict[str, Any] = {"key": "哈尔滨市人民政府|2019", "issuer": "哈尔滨市人民政府", "year": 2019, "url": url}
    if verdict is not None:
        mirror = verdict == "mirror"
        trust = {"verdict": verdict, "reasons": []}  # a dump's records must pass the schema when read back
        record |= {"urls": [] if mirror else [url], "mirrors": [url] if mirror else [], "trust": trust}
    else:
        record["urls"] = [url]
    return record | fields


OFFICIAL = copy("http://www.harbin.gov.cn/art/1.html", "official", text="正文", spam=[], attachments=[])
MIRROR = copy(
    "http://www.tgflt.cn/art/1.html",
    "mirror",
    text="正文" * 50,  # longer and with more fields: it must still lose
    published="2020-03-27",
    spam=["bet365体育投注"],
    attachments=[{"url": "http://www.tgflt.cn/a.doc", "name": "a.doc", "type": "doc"}],
)


def test_official_copy_wins_in_any_order_and_the_mirror_lends_only_its_address() -> None:
    want = OFFICIAL | {"mirrors": [MIRROR["url"]]}
    assert merge_records([OFFICIAL, MIRROR]) == want
    assert merge_records([MIRROR, OFFICIAL]) == want
    # Merged again with either copy (a re-crawl), nothing changes.
    assert merge_records([want, MIRROR]) == want
    assert merge_records([OFFICIAL, want]) == want


def test_unknown_beats_mirror_and_official_beats_unknown() -> None:
    unknown = copy("http://127.0.0.1:8001/art/1.html", "unknown", text="正文")
    assert merge_records([MIRROR, unknown])["url"] == unknown["url"]
    merged = merge_records([unknown, MIRROR, OFFICIAL])
    assert (merged["url"], merged["urls"], merged["mirrors"]) == (
        OFFICIAL["url"],
        sorted([OFFICIAL["url"], unknown["url"]]),
        [MIRROR["url"]],
    )


def test_mirror_only_record_keeps_its_mirrors_apart() -> None:
    other = copy("http://www.xgrx120.com/art/1.html", "mirror", text="正文")
    merged = merge_records([other, MIRROR])
    assert merged["trust"]["verdict"] == "mirror"
    assert merged["urls"] == [] and merged["mirrors"] == sorted([MIRROR["url"], other["url"]])
    assert merged["url"] == other["url"]  # the better mirror: the one without spam


def test_records_from_before_trust_existed() -> None:
    legacy = copy("http://www.harbin.gov.cn/art/1.html", None, text="正文", spam=[], attachments=[])
    assert merge_records([legacy, MIRROR]) == legacy | {"mirrors": [MIRROR["url"]]}
    # Old records merged with each other gain no new field (their bytes stay as they were).
    again = copy("http://www.harbin.gov.cn/art/2.html", None, text="正文", spam=[], attachments=[])
    assert "mirrors" not in merge_records([legacy, again])


def test_mirror_arriving_in_a_later_crawl_does_not_overwrite_the_dump(tmp_path: Path) -> None:
    dump = tmp_path / "reports.jsonl"
    dump.write_text(json.dumps(OFFICIAL, ensure_ascii=False) + "\n", encoding="utf-8")
    result = merge_into_file(dump, [MIRROR])
    assert (result.updated, result.new) == (1, 0)
    [(_, record)] = list(read_jsonl(dump))
    assert record == OFFICIAL | {"mirrors": [MIRROR["url"]]}
    # And the other way round: the official copy replaces a mirror-only record.
    dump.write_text(json.dumps(MIRROR, ensure_ascii=False) + "\n", encoding="utf-8")
    merge_into_file(dump, [OFFICIAL])
    assert [r for _, r in read_jsonl(dump)] == [OFFICIAL | {"mirrors": [MIRROR["url"]]}]
