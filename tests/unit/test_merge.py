"""Merging copies of one report (merge.merge_records) and the JSON Lines dump (feeds.merge_into_file, read_jsonl)."""

from __future__ import annotations

import itertools
import json
import os
from pathlib import Path

import pytest

from gov_reports.crawl import feeds
from gov_reports.crawl.feeds import merge_into_file, read_jsonl
from gov_reports.model.merge import Record, merge_records
from tests.support.report_copies import copy

OFFICIAL = "http://www.harbin.gov.cn/art/2021/3/5/art_4971_1001.html"
MIRROR = "http://www.tgflt.cn/art/2021/3/5/art_4971_1001.html"
OTHER = "http://zwgk.harbin.gov.cn/art/2021/3/5/art_9_1.html"
APPLICATIONS = {"applications": {"new": {"total": 2787}}}


def best_url(*copies: Record) -> str:
    """The winning URL, checked to be the same for every order of the copies."""
    winners = {merge_records(list(order))["url"] for order in itertools.permutations(copies)}
    assert len(winners) == 1, winners
    return winners.pop()


# --------------------------------------------------------------------------- merge_records


@pytest.mark.parametrize("flag", ["unofficial_host", "mirror_suspected"])
def test_official_copy_beats_suspect_copy(flag: str) -> None:
    suspect = copy(MIRROR, text="正文更长的镜像版本。" * 10, flags=[flag])
    assert best_url(copy(OFFICIAL), suspect) == OFFICIAL


def test_mirror_verdict_loses() -> None:
    mirror = copy(MIRROR, text="长" * 100, trust={"verdict": "mirror"})
    assert best_url(copy(OFFICIAL), mirror) == OFFICIAL


def test_copy_with_spam_loses_to_clean_copy() -> None:
    assert best_url(copy(OFFICIAL), copy(OTHER, text="长" * 100, spam=["类似亚博的台子"])) == OFFICIAL


def test_correction_beats_original() -> None:
    original = copy(OFFICIAL, text="长" * 100, stats=APPLICATIONS)
    corrected = copy(OTHER, title="哈尔滨市2020年政府信息公开工作报告（更正）", flags=["correction"])
    assert best_url(original, corrected) == OTHER


CORRECTED_TITLE = "哈尔滨市2020年政府信息公开工作报告（更正）"


def test_a_correction_does_not_move_the_first_publication() -> None:
    """The corrected copy wins the fields; `published` stays the original's, `corrected` says when, in any order."""
    original = copy(OFFICIAL, published="2021-03-05", published_source="meta", corrected=None)
    fixed = copy(
        OTHER,
        title=CORRECTED_TITLE,
        flags=["correction"],
        published=None,
        published_source=None,
        corrected="2021-04-08",
    )
    for order in itertools.permutations([original, fixed]):
        merged = merge_records(list(order))
        assert (merged["url"], merged["title"]) == (OTHER, CORRECTED_TITLE)
        assert (merged["published"], merged["published_source"], merged["corrected"]) == (
            "2021-03-05",
            "meta",
            "2021-04-08",
        )
    # Merging the merged record again (the next crawl meets the dump) changes nothing, alone or with a copy.
    merged = merge_records([original, fixed])
    assert merge_records([merged]) == merged
    assert merge_records([merged, fixed]) == merged


def test_the_first_publication_is_the_earliest_copy() -> None:
    late = copy(OFFICIAL, published="2021-03-20", published_source="label", corrected=None)
    early = copy(OTHER, published="2021-03-05", published_source="meta", corrected=None)
    assert merge_records([late, early])["published"] == merge_records([early, late])["published"] == "2021-03-05"


def test_only_a_corrected_copy_leaves_the_first_publication_unknown() -> None:
    fixed = copy(OTHER, title=CORRECTED_TITLE, flags=["correction"], published=None, corrected="2021-04-08")
    document = copy(
        OTHER, flags=["from_attachment"], published="2021-04-08", published_source="signature", corrected=None
    )
    merged = merge_records([fixed, document])
    assert (merged["published"], merged["corrected"]) == (None, "2021-04-08")


def test_a_correction_written_before_corrected_existed() -> None:
    """Old dumps hold a correction copy whose `published` is the correction's date (and no `corrected`)."""
    legacy = copy(OTHER, title=CORRECTED_TITLE, flags=["correction"], published="2021-04-08", published_source="meta")
    merged = merge_records([legacy])
    assert (merged["published"], merged["corrected"]) == (None, "2021-04-08")
    original = copy(OFFICIAL, published="2021-03-05", published_source="meta", corrected=None)
    merged = merge_records([legacy, original])
    assert (merged["published"], merged["corrected"]) == ("2021-03-05", "2021-04-08")


def test_sections_never_fill_in_for_another_copys_text() -> None:
    """Sections are places in their own copy's text: a copy without them does not borrow another's."""
    bare = copy(OFFICIAL, text="一、总体情况\n正文。", sections=[], stats=APPLICATIONS)
    other = copy(OTHER, text="前言。\n一、总体情况\n别的正文。", sections=[{"heading": "", "start": 0, "end": 1}])
    assert merge_records([bare, other])["sections"] == []


def test_complete_copy_beats_partial() -> None:
    partial = copy(OFFICIAL, text="长" * 100, flags=["tables_missing"], stats={"applications": None})
    complete = copy(OTHER, stats=APPLICATIONS)
    assert best_url(partial, complete) == OTHER


def test_tables_missing_flag_makes_a_copy_partial() -> None:
    flagged = copy(OFFICIAL, text="长" * 100, stats=APPLICATIONS, flags=["tables_missing"])
    assert best_url(flagged, copy(OTHER, stats=APPLICATIONS)) == OTHER


def test_longer_text_then_url_break_ties() -> None:
    assert best_url(copy(OFFICIAL), copy(OTHER, text="正文。更多。")) == OTHER
    assert best_url(copy(OTHER), copy(OFFICIAL)) == OFFICIAL  # same quality: the smaller URL


def test_urls_are_the_sorted_union() -> None:
    a = copy(OFFICIAL, urls=[OFFICIAL, OTHER])
    b = copy(MIRROR, flags=["mirror_suspected"])
    c = copy(OTHER)
    assert merge_records([a, b, c])["urls"] == sorted({OFFICIAL, MIRROR, OTHER})


def test_url_used_when_urls_missing() -> None:
    a = copy(OFFICIAL)
    del a["urls"]
    assert merge_records([a, copy(OTHER)])["urls"] == sorted([OFFICIAL, OTHER])


def test_attachments_unioned() -> None:
    doc = {
        "url": "http://www.harbin.gov.cn/module/download/downfile.jsp?filename=a.doc",
        "name": "年报.doc",
        "type": "doc",
    }
    bare = {"url": None, "name": "哈尔滨市2020政府信息公开工作报告.doc", "type": "doc"}
    pdf = {"url": "http://www.harbin.gov.cn/attach/0/b.pdf", "name": "年报.pdf", "type": "pdf"}
    merged = merge_records([copy(OFFICIAL, attachments=[doc, bare]), copy(OTHER, attachments=[doc, pdf])])
    assert merged["attachments"] == [pdf, doc, bare]


def test_attachment_copy_with_more_information_kept() -> None:
    thin = {"url": "http://www.harbin.gov.cn/attach/0/b.pdf", "name": "b.pdf", "type": None}
    full = {"url": "http://www.harbin.gov.cn/attach/0/b.pdf", "name": "b.pdf", "type": "pdf", "sha256": "ab" * 32}
    for order in ([thin], [full]), ([full], [thin]):
        merged = merge_records([copy(OFFICIAL, attachments=order[0]), copy(OTHER, attachments=order[1])])
        assert merged["attachments"] == [full]


def test_missing_fields_filled_from_other_copies() -> None:
    best = copy(OFFICIAL, stats=APPLICATIONS, published=None, index_number=None, signature="")
    other = copy(OTHER, published="2021-03-05", index_number="0142768-8/2021-00185", signature="哈尔滨市人民政府")
    merged = merge_records([other, best])
    assert merged["url"] == OFFICIAL
    assert (merged["published"], merged["index_number"], merged["signature"]) == (
        "2021-03-05",
        "0142768-8/2021-00185",
        "哈尔滨市人民政府",
    )
    assert merged["stats"] == APPLICATIONS


def test_winner_fields_not_overwritten() -> None:
    best = copy(OFFICIAL, stats=APPLICATIONS, published="2021-03-05")
    merged = merge_records([copy(OTHER, published="2021-03-09"), best])
    assert merged["published"] == "2021-03-05"


def test_spam_unioned_sorted() -> None:
    merged = merge_records(
        [copy(OFFICIAL, spam=["类似亚博的台子"]), copy(OTHER, spam=["bet365体育投注", "类似亚博的台子"])]
    )
    assert merged["spam"] == ["bet365体育投注", "类似亚博的台子"]


def three_copies() -> list[Record]:
    return [
        copy(MIRROR, text="长" * 50, flags=["mirror_suspected"], published="2021-03-06", attachments=[{"url": "u1"}]),
        copy(OFFICIAL, published=None, signature_date="2021-03-04", attachments=[{"url": "u2", "name": "a.doc"}]),
        copy(
            OTHER,
            title=None,
            index_number="x/2021-1",
            spam=["类似亚博的台子"],
            attachments=[{"url": "u1", "name": "b"}],
        ),
    ]


def test_merge_is_independent_of_order() -> None:
    results = {
        json.dumps(merge_records(list(order)), sort_keys=True) for order in itertools.permutations(three_copies())
    }
    assert len(results) == 1
    merged = json.loads(results.pop())
    assert merged["url"] == OFFICIAL
    assert merged["published"] == "2021-03-06"
    assert merged["index_number"] == "x/2021-1"
    assert merged["attachments"] == [{"url": "u1", "name": "b"}, {"url": "u2", "name": "a.doc"}]


def test_merging_a_merge_changes_nothing() -> None:
    merged = merge_records(three_copies())
    assert merge_records([merged, *three_copies()]) == merged
    assert merge_records([merged]) == merged


def test_merge_needs_a_copy() -> None:
    with pytest.raises(ValueError, match="nothing to merge"):
        merge_records([])


def test_merge_is_independent_of_order_for_tied_copies() -> None:
    a = copy(OFFICIAL, text="共受理申请2787件。", published="2021-03-05")
    b = copy(OFFICIAL, text="共受理申请2788件。", published="2021-03-08")
    assert merge_records([a, b]) == merge_records([b, a])


# --------------------------------------------------------------------------- merge_into_file


def write_lines(path: Path, lines: list[str]) -> None:
    path.write_bytes("".join(line + "\n" for line in lines).encode("utf-8"))


def keys(path: Path) -> list[str | None]:
    return [record["key"] if record else None for _, record in read_jsonl(path)]


def dump(record: Record) -> str:
    """A serialisation unlike the module's own (ASCII escapes, no spaces): unchanged lines must keep it."""
    return json.dumps(record, ensure_ascii=True, separators=(",", ":"))


def test_merge_into_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "out" / "reports.jsonl"
    result = merge_into_file(path, [copy(OTHER, key="b|2020"), copy(OFFICIAL, key="a|2020"), copy(OTHER, key="a|2020")])
    assert keys(path) == ["a|2020", "b|2020"]
    assert (result.written, result.new, result.updated, result.unchanged, result.copies_merged) == (2, 2, 0, 0, 1)
    first = json.loads(path.read_text(encoding="utf-8").splitlines()[0])
    assert first["urls"] == [OFFICIAL, OTHER]
    assert "哈尔滨" in path.read_text(encoding="utf-8")  # UTF-8, not \u escapes
    assert sorted(p.name for p in path.parent.iterdir()) == ["reports.jsonl"]


def test_merge_into_existing_file(tmp_path: Path) -> None:
    path = tmp_path / "reports.jsonl"
    a, b, c = (merge_records([copy(OFFICIAL, key=k)]) for k in ("c|2019", "a|2020", "m|2021"))
    write_lines(path, [dump(a), dump(b), dump(c)])
    incoming = [
        copy(OFFICIAL, key="a|2020"),
        copy(OTHER, key="m|2021"),
        copy(OTHER, key="z|2020"),
        copy(OTHER, key="d|2018"),
    ]
    result = merge_into_file(path, incoming)
    lines = path.read_bytes().decode("utf-8").splitlines()
    assert lines[0] == dump(a)  # untouched
    assert lines[1] == dump(b)  # merged, unchanged: exact bytes kept
    assert json.loads(lines[2])["urls"] == [OFFICIAL, OTHER]  # changed: rewritten in place
    assert keys(path) == ["c|2019", "a|2020", "m|2021", "d|2018", "z|2020"]  # new keys appended sorted
    assert (result.written, result.new, result.updated, result.unchanged, result.copies_merged) == (5, 2, 1, 1, 2)


def test_merging_the_same_records_again_changes_no_byte(tmp_path: Path) -> None:
    path = tmp_path / "reports.jsonl"
    records = [
        copy(OFFICIAL, key="a|2020"),
        copy(OTHER, key="a|2020"),
        copy(MIRROR, key="b|2020", flags=["mirror_suspected"]),
    ]
    merge_into_file(path, records)
    before = path.read_bytes()
    result = merge_into_file(path, list(reversed(records)))
    assert path.read_bytes() == before
    assert (result.unchanged, result.updated, result.new) == (2, 0, 0)


def test_overwrite_starts_afresh(tmp_path: Path) -> None:
    path = tmp_path / "reports.jsonl"
    write_lines(path, [dump(copy(OFFICIAL, key="a|2020")), "{corrupt"])
    result = merge_into_file(path, [copy(OTHER, key="b|2020")], overwrite=True)
    assert keys(path) == ["b|2020"]
    assert (result.written, result.new, result.unreadable_lines) == (1, 1, 0)


def test_corrupt_lines_moved_to_the_rejected_file_and_counted(tmp_path: Path) -> None:
    path = tmp_path / "reports.jsonl"
    corrupt = ['{"key": "x|2020", "url": ', '["a list, not a record"]', '{"url": "no key"}']
    write_lines(path, [dump(copy(OFFICIAL, key="a|2020")), *corrupt])
    result = merge_into_file(path, [copy(OTHER, key="a|2020")])
    assert keys(path) == ["a|2020"]
    rejected = (tmp_path / "reports.jsonl.rejected").read_text(encoding="utf-8").splitlines()
    assert [line.split("\t", 2)[2] for line in rejected] == corrupt  # verbatim
    assert [line.split("\t", 1)[0] for line in rejected] == ["reports.jsonl:2", "reports.jsonl:3", "reports.jsonl:4"]
    assert result.unreadable_lines == 3 and result.rejected_path == tmp_path / "reports.jsonl.rejected"
    assert result.written == 1


def test_corrupt_line_with_torn_utf8_kept_byte_for_byte(tmp_path: Path) -> None:
    path = tmp_path / "reports.jsonl"
    torn = '{"key": "哈尔滨'.encode()[:-1]  # a kill in the middle of a character
    path.write_bytes(dump(copy(OFFICIAL, key="a|2020")).encode() + b"\n" + torn + b"\n")
    merge_into_file(path, [copy(OTHER, key="b|2020")])
    assert (tmp_path / "reports.jsonl.rejected").read_bytes().rstrip(b"\n").split(b"\t", 2)[2] == torn


def test_replace_is_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "reports.jsonl"
    write_lines(path, [dump(copy(OFFICIAL, key="a|2020"))])
    before = path.read_bytes()

    def failing_replace(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(feeds.os, "replace", failing_replace)
    with pytest.raises(OSError, match="disk full"):
        merge_into_file(path, [copy(OTHER, key="b|2020")])
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["reports.jsonl"]


def test_read_jsonl_tolerates_a_torn_last_line(tmp_path: Path) -> None:
    path = tmp_path / "reports.jsonl"
    good = [dump(copy(OFFICIAL, key="a|2020")), dump(copy(OTHER, key="b|2020"))]
    path.write_bytes(("\n".join(good) + "\n" + '{"key": "c|2020", "ur').encode("utf-8"))
    rows = list(read_jsonl(path))
    assert [line for line, _ in rows] == [*good, '{"key": "c|2020", "ur']
    assert [record["key"] if record else None for _, record in rows] == ["a|2020", "b|2020", None]


def test_read_jsonl_skips_blank_lines(tmp_path: Path) -> None:
    path = tmp_path / "reports.jsonl"
    path.write_bytes(b"\n" + dump(copy(OFFICIAL, key="a|2020")).encode() + b"\n\n   \n")
    assert keys(path) == ["a|2020"]
