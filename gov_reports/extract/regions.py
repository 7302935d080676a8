"""Issuers and their place: division codes, province, level, and name normalisation.

Issuer names reach us in many forms (「哈尔滨市」 in a title, 「虎林市人民政府」 in a
signature, 「市政府办公厅」 in a metadata block). The key of a record is built
from the normalised name, so every form of one body must normalise the same way:
a bare region becomes its people's government (哈尔滨市 -> 哈尔滨市人民政府), 「政府」
becomes 「人民政府」, and a department name missing its region gets it from context.

Divisions come from `data/divisions.tsv` (GB/T 2260 codes down to county level). Townships and streets
(乡级, the nine-digit codes of the statistics division code, 统计用区划代码) may be listed there too; they are
never matched by name inside an issuer (a township's name is no prefix of other bodies), only looked up under
their county by `division_codes`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from gov_reports.extract.text import squeeze
from gov_reports.model.vocabulary import Level

_SKIP_NAMES = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划", "直辖县级行政区划"}
_GOV_SUFFIX = "人民政府"
_TOWNSHIP_RE = re.compile(r"(?:镇|乡|街道|苏木)(?:人民政府|办事处)?$")
_DEPARTMENT_RE = re.compile(
    r"(?:局|委员会|委|办公厅|办公室|办|厅|署|中心|院|所|队|站|部|总局|管委会|管理委员会|公司|集团|会|处|馆|台|社)$"
)


@dataclass(frozen=True)
class Division:
    code: str
    name: str

    @property
    def rank(self) -> int:
        """0 province, 1 prefecture, 2 county."""
        if self.code.endswith("0000"):
            return 0
        return 1 if self.code.endswith("00") else 2


@dataclass(frozen=True)
class Place:
    """Where an issuer sits: its deepest division and the path to it."""

    division: Division
    path: tuple[Division, ...]
    end: int
    """Index in the issuer string just after the division names."""

    @property
    def province(self) -> str:
        return self.path[0].name

    @property
    def region(self) -> str:
        return "/".join(d.name for d in self.path)


@cache
def _division_rows() -> tuple[tuple[str, str], ...]:
    """(code, name) of every row of data/divisions.tsv."""
    raw = resources.files("gov_reports.extract").joinpath("data/divisions.tsv").read_text("utf-8")
    rows = []
    for line in raw.splitlines():
        if not line or line.startswith("#"):
            continue
        code, name = line.split("\t")
        rows.append((code, name))
    return tuple(rows)


_TOWNSHIP_CODE_LENGTH = 9


@cache
def _townships() -> dict[tuple[str, str], str]:
    """(county-level code, township name) -> the township's nine-digit code, for the rows the table has."""
    rows = _division_rows()
    return {(code[:6], name): code for code, name in rows if len(code) == _TOWNSHIP_CODE_LENGTH and code.isdigit()}


@cache
def _divisions() -> tuple[dict[str, Division], dict[str, list[Division]], tuple[int, ...]]:
    by_code: dict[str, Division] = {}
    by_name: dict[str, list[Division]] = {}
    for code, name in _division_rows():
        if name in _SKIP_NAMES or len(code) != 6:
            continue
        division = Division(code, name)
        by_code[code] = division
        by_name.setdefault(name, []).append(division)
    return by_code, by_name, tuple(sorted({len(name) for name in by_name}, reverse=True))


def _name_at(name: str, pos: int) -> str | None:
    """The longest division name `name` has at `pos`: what an alternation of all the names, longest
    first, would match there, found with a dict lookup per name length instead of trying 3,000 names."""
    _, by_name, lengths = _divisions()
    for length in lengths:
        candidate = name[pos : pos + length]
        if candidate in by_name:
            return candidate
    return None


def _parents(division: Division) -> tuple[Division, ...]:
    by_code = _divisions()[0]
    chain = []
    for code in (division.code[:2] + "0000", division.code[:4] + "00"):
        parent = by_code.get(code)
        if parent and parent.code != division.code and parent not in chain:
            chain.append(parent)
    return (*chain, division)


def _descends(child: Division, parent: Division) -> bool:
    prefix = parent.code[: 2 + 2 * parent.rank]
    return child.code != parent.code and child.code.startswith(prefix)


def locate(name: str, *, hint_code: str | None = None) -> Place | None:
    """Find the division named at the start of `name` (「杭州市江干区人民政府」 -> 江干区 330104).

    Division names must follow each other from the very start, each inside the
    previous one: that keeps 「哈尔滨市民政局」 from matching anything after
    哈尔滨市. `hint_code` (a division code or SiteIDCode prefix) breaks ties
    between same-named counties in different provinces.
    """
    by_name = _divisions()[1]
    pos, current = 0, None
    while True:
        found = _name_at(name, pos)
        if found is None:
            break
        candidates = by_name[found]
        if current is not None:
            candidates = [c for c in candidates if _descends(c, current)]
        if not candidates:
            break
        current = _pick(candidates, hint_code)
        pos += len(found)
    if current is None:
        return None
    return Place(division=current, path=_parents(current), end=pos)


def _pick(candidates: list[Division], hint_code: str | None) -> Division:
    if len(candidates) > 1 and hint_code:
        for width in (6, 4, 2):
            matching = [c for c in candidates if c.code[:width] == hint_code[:width]]
            if matching:
                return matching[0]
    # Higher ranks first: 「吉林市」 is more often the city than a same-named county.
    return min(candidates, key=lambda c: (c.rank, c.code))


def division_by_code(code: str) -> Division | None:
    return _divisions()[0].get(code)


_REGION_SUFFIX_GOV_RE = re.compile(r"(省|市|区|县|旗|州|盟)政府((?:办公厅|办公室)?)$")
_RELATIVE_RE = re.compile(r"^(省|市|区|县|州|旗|盟)(?!场|委|政府|人民政府)")
_RELATIVE_GOV_RE = re.compile(r"^(省|市|区|县|州|旗|盟)(?:人民)?政府")


def normalize_issuer(raw: str, *, context: Place | None = None) -> str:
    """The canonical full name of an issuing body.

    >>> normalize_issuer("哈尔滨市")
    '哈尔滨市人民政府'
    >>> normalize_issuer("市民政局", context=locate("哈尔滨市人民政府"))
    '哈尔滨市民政局'
    """
    name = squeeze(raw).strip("，,。.:：;；、“”\"'「」《》()（）")
    name = re.sub(r"^(?:关于|中共)", "", name)
    name = _REGION_SUFFIX_GOV_RE.sub(r"\1人民政府\2", name)
    if context is not None and locate(name) is None:
        name = _qualify(name, context)
    place = locate(name)
    if place is not None and place.end == len(name):
        return name + _GOV_SUFFIX
    tail = name[place.end :] if place is not None else name
    if re.fullmatch(r"[\u4e00-\u9fff]{1,8}(?:镇|乡)", tail):
        return name + _GOV_SUFFIX
    if re.fullmatch(r"[\u4e00-\u9fff]{1,8}街道", tail):
        return name + "办事处"
    return name


def _qualify(name: str, context: Place) -> str:
    """Give a relative name (「市民政局」, 「区政府办」) the region it is relative to."""
    gov = _RELATIVE_GOV_RE.match(name)
    match = gov or _RELATIVE_RE.match(name)
    if not match:
        return name
    wanted = {"省": 0, "市": 1, "州": 1, "盟": 1, "区": 2, "县": 2, "旗": 2}[match.group(1)]
    for division in reversed(context.path):
        if division.rank <= wanted and division.name.endswith(match.group(1)):
            prefix = "/".join(d.name for d in context.path[: context.path.index(division) + 1])
            full = prefix.replace("/", "")
            if context.path[0].code.endswith("0000") and context.path[0] is not division:
                # Names carry their prefecture, not their province: 哈尔滨市民政局.
                full = "".join(d.name for d in context.path[1 : context.path.index(division) + 1])
            if gov:
                return full + _GOV_SUFFIX + name[gov.end() :]
            return full + name[1:]
    return name


_BODY_NAME_RE = re.compile(r"[\u4e00-\u9fff（）()·]{2,40}")


def is_body_name(text: str) -> bool:
    """The text is only the name of a body: 「洪泽区人民政府」, 「上海市科学技术委员会」, 「平潭县」.

    A cover or a PDF's first page prints the issuer on a line of its own; a heading, a date or a
    sentence is not a name (no digits, no punctuation, a body's ending or a whole division name).
    """
    name = squeeze(text).strip("（）()")
    if not _BODY_NAME_RE.fullmatch(name):
        return False
    if name.endswith(_GOV_SUFFIX) or _DEPARTMENT_RE.search(name) or _TOWNSHIP_RE.search(name):
        return True
    place = locate(name)
    return place is not None and place.end == len(name)


def issuer_level(issuer: str, place: Place | None) -> str:
    """province | city | county | department | township | unknown, from the name and its division."""
    tail = issuer[place.end :] if place is not None else issuer
    if _TOWNSHIP_RE.search(tail) and tail not in (_GOV_SUFFIX,):
        return Level.TOWNSHIP
    if tail == _GOV_SUFFIX and place is not None:
        return (Level.PROVINCE, Level.CITY, Level.COUNTY)[place.division.rank]
    if place is not None and tail:
        return Level.DEPARTMENT
    if place is None and _DEPARTMENT_RE.search(issuer):
        return Level.DEPARTMENT
    return Level.UNKNOWN


@dataclass(frozen=True)
class DivisionCodes:
    """The record's `division_code` and `parent_division_code`."""

    own: str | None
    parent: str | None = None


_TOWNSHIP_BODY_RE = re.compile(r"(?:人民政府|办事处)$")


def division_codes(issuer: str, place: Place | None, level: str) -> DivisionCodes:
    """The issuer's own division code, and for a township or street the code of the division it is in.

    A township's code is never its county's: 「虎林市虎头镇人民政府」 sits in 虎林市 (230381), which is its
    parent; its own code is the township row of the division table when there is one, else unknown (null).
    """
    if place is None:
        return DivisionCodes(None)
    if level != Level.TOWNSHIP:
        return DivisionCodes(place.division.code)
    name = _TOWNSHIP_BODY_RE.sub("", issuer[place.end :])
    return DivisionCodes(_townships().get((place.division.code, name)), place.division.code)
