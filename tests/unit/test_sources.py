"""The sources registry loader: good rows load, every bad row is reported with file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from gov_reports.sources import RegistryError, load_registry, registry_hosts
from tests.support.paths import ROOT

HEADER = "issuer,province,city,county,level,column_url,cms,hosts,provenance,checked\n"


def write(tmp_path: Path, name: str, rows: str) -> Path:
    path = tmp_path / name
    path.write_text(HEADER + rows, encoding="utf-8")
    return path


def test_good_rows_load_with_their_hosts(tmp_path: Path) -> None:
    write(
        tmp_path,
        "hlj.csv",
        "黑龙江省人民政府,黑龙江省,,,province,https://www.hlj.gov.cn/col/col1/index.html,hanweb,,reference,2026-11-01\n"
        "哈尔滨市人民政府,黑龙江省,哈尔滨市,,city,http://zwgk.harbin.gov.cn/col/col4971/index.html,,"
        "www.harbin.gov.cn,seed 001,\n",
    )
    registry = load_registry(tmp_path)
    assert [s.issuer for s in registry] == ["黑龙江省人民政府", "哈尔滨市人民政府"]
    assert len(registry.in_province("黑龙江")) == 2 and registry.in_province("吉林省") == []
    harbin = registry.sources[1]
    assert harbin.city == "哈尔滨市" and harbin.cms is None and harbin.checked is None
    assert harbin.official_hosts == {"zwgk.harbin.gov.cn", "www.harbin.gov.cn"}


def test_every_bad_row_is_reported_with_its_line(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "bad.csv",
        "甲市人民政府,甲省,,,city,ftp://x.gov.cn/,,,ref,\n"
        ",甲省,,,city,http://a.gov.cn/,,,ref,\n"
        "乙市人民政府,甲省,,,capital,http://b.gov.cn/,cms9,,ref,yesterday\n"
        "丙市人民政府,甲省,,,city,http://c.gov.cn/,,bad host!,ref,\n"
        "丁市人民政府,甲省,,,city,http://c.gov.cn/,,,ref,\n"
        "戊市人民政府,甲省,,,city,http://c.gov.cn/,,,ref,\n",
    )
    with pytest.raises(RegistryError) as caught:
        load_registry(path)
    lines = {(p.line, p.message.split(" ")[0]) for p in caught.value.problems}
    assert (2, "column_url") in lines
    assert (3, "issuer") in lines
    assert {(4, "level"), (4, "cms"), (4, "checked")} <= lines
    assert (5, "hosts") in lines
    assert (7, "column_url") in lines  # a duplicate of line 6
    assert not any(line == 6 for line, _ in lines)
    assert f"{path}:2:" in str(caught.value)


def test_a_wrong_header_is_one_clear_problem(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("name,url\n甲,http://a.gov.cn/\n", encoding="utf-8")
    with pytest.raises(RegistryError, match="header: missing"):
        load_registry(path)


def test_a_missing_registry_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        load_registry(tmp_path / "nowhere")


def test_placeholders_fill_demo_hosts_and_unknown_ones_are_reported(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "demo.csv",
        "甲市人民政府,甲省,甲市,,city,http://{site}/col/col1/index.html,,{site},demo,\n"
        "乙市人民政府,甲省,乙市,,city,http://{nowhere}/,,,demo,\n",
    )
    with pytest.raises(RegistryError) as caught:
        load_registry(path, placeholders={"site": "127.0.0.1:8001"})
    assert [(p.line, p.message) for p in caught.value.problems] == [(3, "unknown placeholder(s) ['nowhere']")]
    path.write_text(HEADER + "甲市人民政府,甲省,甲市,,city,http://{site}/col/col1/index.html,,{site},demo,\n", "utf-8")
    (source,) = load_registry(path, placeholders={"site": "127.0.0.1:8001"})
    assert source.column_url == "http://127.0.0.1:8001/col/col1/index.html"
    assert source.official_hosts == {"127.0.0.1:8001"}


# -- the shipped registry (data/sources/) ------------------------------------------------------------------------------

DIVISIONS = ROOT / "gov_reports" / "extract" / "data" / "divisions.tsv"
# Placeholder rows of the division table, not divisions.
NOT_PREFECTURES = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}


def divisions() -> tuple[dict[str, str], dict[str, set[str]]]:
    """(province code prefix -> province name, province name -> prefecture-level division names)."""
    provinces: dict[str, str] = {}
    prefectures: dict[str, set[str]] = {}
    for line in DIVISIONS.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        code, name = line.split("\t")
        if code.endswith("0000"):
            provinces[code[:2]] = name
            prefectures[name] = set()
        elif code.endswith("00") and name not in NOT_PREFECTURES:
            prefectures[provinces[code[:2]]].add(name)
    return provinces, prefectures


def test_shipped_registry_loads_and_covers_every_province() -> None:
    registry = load_registry()
    provinces, _ = divisions()
    mainland = {name for code, name in provinces.items() if code not in ("71", "81", "82")}  # 台湾、香港、澳门
    assert len(mainland) == 31
    province_rows = {s.province for s in registry if s.level == "province"}
    assert province_rows == mainland
    for source in registry:
        assert source.province in mainland, source
        assert source.issuer.startswith(source.city or source.province[:2]) or source.level == "province", source
        assert source.provenance and len(source.provenance) > 40, f"provenance must let a curator re-check: {source}"


def test_shipped_registry_has_every_prefecture_of_five_provinces() -> None:
    registry = load_registry()
    _, prefectures = divisions()
    complete = []
    for province, wanted in prefectures.items():
        registered = {s.city for s in registry.in_province(province) if s.level == "city"}
        if wanted and wanted <= registered:
            complete.append(province)
        unknown = registered - wanted
        assert not unknown, f"{province}: cities not in the division table: {unknown}"
    assert len(complete) >= 5, complete


def test_shipped_registry_feeds_the_host_whitelist() -> None:
    hosts = load_registry().official_hosts
    assert {"www.beijing.gov.cn", "hdzfxxgk.hd.gov.cn", "www.hd.gov.cn", "www.qqhr.gov.cn"} <= hosts
    assert "122.137.242.24:8080" in hosts  # a bare-IP official host (吉林市): only the registry makes it official


def test_registry_hosts_are_empty_and_logged_when_the_registry_is_bad(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    bad = write(tmp_path, "bad.csv", ",甲省,,,city,http://a.gov.cn/,,,ref,\n")
    assert registry_hosts(bad) == frozenset()
    assert "bad.csv:2: issuer is empty" in caplog.text
    good = write(tmp_path, "good.csv", "甲市人民政府,甲省,甲市,,city,http://122.137.242.24:8080/pub/ndbg/,,,ref,\n")
    assert registry_hosts(good) == {"122.137.242.24:8080"}
