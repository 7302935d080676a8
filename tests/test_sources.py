"""The sources registry loader: good rows load, every bad row is reported with file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from gov_reports.sources import RegistryError, load_registry

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
