"""Render the offline demo portal into data/demo: ``python -m gov_reports.demo.builder [--check]``.

Run it from the repository root after editing a site's declarations; ``--check`` exits 1 when the committed
output differs from a fresh render (tests/e2e/test_demo_server.py runs it).
"""

from __future__ import annotations

import argparse
import shutil
import sys

from gov_reports.demo.builder.model import DEMO
from gov_reports.demo.builder.render import all_sites, render_all


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m gov_reports.demo.builder", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check",
        action="store_true",
        help="exit 1 when the committed output differs from a fresh render",
    )
    args = parser.parse_args(argv)
    files = render_all()
    outputs = [DEMO / s for s in all_sites()] + [DEMO / "sites.json", DEMO / "expected.json"]
    if args.check:
        current: dict[str, bytes] = {}
        for out in outputs:
            if out.is_file():
                current[out.name] = out.read_bytes()
            elif out.is_dir():
                for f in out.rglob("*"):
                    if f.is_file():
                        current[f.relative_to(DEMO).as_posix()] = f.read_bytes()
        stale = sorted(k for k in set(files) | set(current) if files.get(k) != current.get(k))
        for name in stale:
            print(f"stale: {name}", file=sys.stderr)
        return 1 if stale else 0
    for out in outputs:
        if out.is_dir():
            shutil.rmtree(out)
    for name, data in files.items():
        target = DEMO / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    print(f"wrote {len(files)} files, {sum(map(len, files.values()))} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
