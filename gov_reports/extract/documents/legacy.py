"""Legacy binary formats through external converters: DOC/WPS, RTF, XLS.

There is no maintained pure-Python reader for Word 97 binaries (nor for the
WPS files WPS Office writes, which are the same OLE Word format under a .wps
name), so two real converters are used, each in a private temporary
directory, with the input under a fixed name (never the URL's) and a timeout:

- LibreOffice (`soffice --headless --convert-to docx|xlsx`), whose output is
  read by the DOCX/XLSX readers: tables keep their rows and merged cells.
  Preferred when installed (about 1-3 s per file, most of it start-up).
- antiword (`antiword -m UTF-8.txt -w 0`), fast and small, but its tables are
  unreliable: measured with LibreOffice-written Word 97 files, a table with
  vertically merged cells loses its data rows and a 10-column table comes out
  as one line of '|'-separated cells. Paragraph text, short ruled tables
  (table 二), titles, signatures and dates come through. Used when
  LibreOffice is missing, or when LibreOffice fails on a file.

Old Kingsoft WPS 97/2000 files (not OLE) are read by neither: 'unsupported_type'.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from gov_reports.extract.documents._common import (
    MAX_XML_BYTES,
    DocumentText,
    UnreadableDocument,
    paragraph_lines,
    table_lines,
)
from gov_reports.model.vocabulary import ReadFailure, ReadFailurePrefix

CONVERTER_ORDER: tuple[str, ...] = ("soffice", "antiword")
"""Which converter to try first for DOC/WPS (see the module docstring for why)."""
ANTIWORD_TIMEOUT = 60
SOFFICE_TIMEOUT = 180
_OUTPUT_LIMIT = 20_000_000
"""Converter output above this is not a report (and is not read into memory)."""


def _soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def read_word_binary(data: bytes, *, kind: str, max_bytes: int, max_xml_bytes: int = MAX_XML_BYTES) -> DocumentText:
    """A DOC or WPS file: LibreOffice → DOCX if installed, else (or if it fails) antiword."""
    available = {"soffice": _soffice(), "antiword": shutil.which("antiword")}
    order = [name for name in CONVERTER_ORDER if available.get(name)]
    if not order:
        raise UnreadableDocument(
            ReadFailure.CONVERTER_MISSING, "neither LibreOffice nor antiword is installed", kind=kind
        )
    failures: list[UnreadableDocument] = []
    for name in order:
        try:
            if name == "soffice":
                limits = {"max_bytes": max_bytes, "max_xml_bytes": max_xml_bytes}
                return _via_libreoffice(data, kind=kind, target="docx", **limits)
            return _via_antiword(data, kind=kind, binary=available["antiword"] or "antiword")
        except UnreadableDocument as exc:
            if exc.reason in (ReadFailure.ENCRYPTED_PDF, ReadFailure.ENCRYPTED_DOCUMENT, ReadFailure.EMPTY_TEXT):
                raise
            failures.append(exc)
    raise (
        failures[-1]
        if len(failures) == 1
        else UnreadableDocument(failures[0].reason, "; ".join(str(f) for f in failures)[:500], kind=kind)
    )


def read_with_libreoffice(
    data: bytes, *, kind: str, max_bytes: int, max_xml_bytes: int = MAX_XML_BYTES
) -> DocumentText:
    """XLS (→ XLSX) and RTF (→ DOCX) need LibreOffice; without it the type is unsupported."""
    if not _soffice():
        raise UnreadableDocument(ReadFailure.UNSUPPORTED_TYPE, f"{kind} needs LibreOffice (not installed)", kind=kind)
    target = "xlsx" if kind == "xls" else "docx"
    return _via_libreoffice(data, kind=kind, target=target, max_bytes=max_bytes, max_xml_bytes=max_xml_bytes)


_ANTIWORD_ERRORS = (
    ("encrypted", ReadFailure.ENCRYPTED_DOCUMENT),
    ("not a word document", None),
    ("is not a ", None),
    ("too small", ReadFailure.TRUNCATED),
)


def _via_antiword(data: bytes, *, kind: str, binary: str) -> DocumentText:
    with tempfile.TemporaryDirectory(prefix="gov-reports-") as tmp:
        source = Path(tmp) / "input.doc"
        source.write_bytes(data)
        command = [binary, "-m", "UTF-8.txt", "-w", "0", str(source)]
        done = _run(command, name="antiword", timeout=ANTIWORD_TIMEOUT, cwd=tmp, kind=kind)
    message = done.stderr.decode("utf-8", "replace").strip()
    if done.returncode != 0 or not done.stdout.strip():
        lowered = message.lower()
        for marker, reason in _ANTIWORD_ERRORS:
            if marker in lowered:
                raise UnreadableDocument(
                    reason or f"{ReadFailurePrefix.CORRUPT}{kind}", f"antiword: {message}"[:300], kind=kind
                )
        if done.returncode == 0:
            raise UnreadableDocument(ReadFailure.EMPTY_TEXT, "antiword printed nothing", kind=kind)
        raise UnreadableDocument(
            f"{ReadFailurePrefix.CORRUPT}{kind}", f"antiword exit {done.returncode}: {message}"[:300], kind=kind
        )
    text, tables = _antiword_text(done.stdout[:_OUTPUT_LIMIT].decode("utf-8", "replace"))
    if not text.strip():
        raise UnreadableDocument(ReadFailure.EMPTY_TEXT, "antiword printed only blanks", kind=kind)
    return DocumentText(
        text=text, kind=kind, pages=None, tables=tables, sha256="", size=len(data), notes=["converter:antiword"]
    )


_ROW = re.compile(r"^\|(.*)\|\s*$")


def _antiword_text(output: str) -> tuple[str, int]:
    """antiword's text: tables are '|cell|cell|' lines, a cell wrapped over lines continues below.

    A row whose cells wrapped (「|（本列数据的勾稽关|申请人情况|」 then
    「|系为：第一项加第二|  |」) is rejoined cell by cell: continuation lines have
    the same number of cells and the first row's non-empty cells are not numbers.
    """
    lines: list[str] = []
    rows: list[list[str]] = []
    tables = 0
    in_table = False

    def flush() -> None:
        lines.extend(table_lines(rows))
        rows.clear()

    for raw in output.replace("\f", "\n").splitlines():
        m = _ROW.match(raw.rstrip())
        if m:
            cells = [c.strip() for c in m.group(1).split("|")]
            if not in_table:
                tables += 1
                in_table = True
            if rows and len(rows[-1]) == len(cells) and _continues(rows[-1], cells):
                rows[-1] = [a + b for a, b in zip(rows[-1], cells, strict=True)]
            else:
                rows.append(cells)
            continue
        if in_table:
            flush()
            in_table = False
        lines.extend(paragraph_lines(raw))
    flush()
    return "\n".join(lines), tables


def _continues(previous: list[str], cells: list[str]) -> bool:
    """A continuation line: some cells empty, the filled ones continue text (not new numbers)."""
    from gov_reports.extract.documents._common import is_number_cell

    filled = [c for c in cells if c]
    if not filled or len(filled) == len(cells):
        return False
    return not any(is_number_cell(c) for c in filled) and not any(is_number_cell(c) for c in previous if c)


def _via_libreoffice(
    data: bytes, *, kind: str, target: str, max_bytes: int, max_xml_bytes: int = MAX_XML_BYTES
) -> DocumentText:
    """Convert with LibreOffice headless, then read the DOCX/XLSX with the regular reader."""
    from gov_reports.extract.documents.spreadsheet import read_xlsx
    from gov_reports.extract.documents.word import read_docx

    binary = _soffice()
    if binary is None:
        raise UnreadableDocument(ReadFailure.CONVERTER_MISSING, "LibreOffice is not installed", kind=kind)
    suffix = {"doc": ".doc", "wps": ".doc", "rtf": ".rtf", "xls": ".xls"}.get(kind, ".bin")
    with tempfile.TemporaryDirectory(prefix="gov-reports-") as tmp:
        work = Path(tmp)
        source = work / f"input{suffix}"
        source.write_bytes(data)
        out_dir = work / "out"
        out_dir.mkdir()
        command = [
            binary,
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--nodefault",
            # a private profile: parallel conversions never share LibreOffice's profile lock
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--convert-to",
            target,
            "--outdir",
            str(out_dir),
            str(source),
        ]
        done = _run(command, name="LibreOffice", timeout=SOFFICE_TIMEOUT, cwd=tmp, kind=kind)
        result = out_dir / f"input.{target}"
        if not result.is_file() or result.stat().st_size == 0:
            message = (done.stderr or done.stdout).decode("utf-8", "replace").strip()
            # A corrupt file and a missing LibreOffice module (calc for XLS) look the same here.
            raise UnreadableDocument(
                ReadFailure.CONVERTER_FAILED,
                f"LibreOffice produced nothing (exit {done.returncode}): {message}"[:300],
                kind=kind,
            )
        if result.stat().st_size > _OUTPUT_LIMIT:
            raise UnreadableDocument(
                ReadFailure.TOO_LARGE, f"converted {target} is {result.stat().st_size} bytes", kind=kind
            )
        converted = result.read_bytes()
    reader = read_xlsx if target == "xlsx" else read_docx
    doc = reader(converted, max_bytes=max_bytes, kind=kind, max_xml_bytes=max_xml_bytes)
    doc.size = len(data)
    doc.notes.append("converter:soffice")
    return doc


def _run(command: list[str], *, name: str, timeout: float, cwd: str, kind: str) -> subprocess.CompletedProcess[bytes]:
    """Run a converter in its own process group; on timeout kill the whole group.

    `soffice` is a launcher that starts `soffice.bin` as a child: killing only
    the direct child (what `subprocess.run` does) would leave the real
    converter running. A timeout or a converter that cannot start is an `UnreadableDocument`.
    """
    try:
        proc = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=cwd,
            env=_clean_env(cwd),
            start_new_session=True,
        )
    except OSError as exc:
        raise UnreadableDocument(ReadFailure.CONVERTER_MISSING, f"{name}: {exc}", kind=kind) from exc
    with proc:
        try:
            stdout, stderr = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired as exc:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            raise UnreadableDocument(
                ReadFailure.CONVERTER_FAILED, f"{name} timed out after {timeout}s", kind=kind
            ) from exc
        return subprocess.CompletedProcess(command, proc.returncode, stdout, stderr)


def _clean_env(home: str) -> dict[str, str]:
    """The converters' environment: our PATH and locale, a throwaway HOME (LibreOffice writes there)."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key in ("PATH", "LANG", "LC_ALL", "TMPDIR", "SAL_USE_VCLPLUGIN")
    }
    env["HOME"] = home
    env.setdefault("LANG", "C.UTF-8")
    return env
