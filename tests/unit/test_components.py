"""Issue 17, rule 2: Scrapy components take plain values in `__init__` and build themselves in `from_crawler`."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import gov_reports.crawl


def components() -> list[type]:
    found = []
    for module_info in pkgutil.walk_packages(gov_reports.crawl.__path__, "gov_reports.crawl."):
        module = importlib.import_module(module_info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ == module.__name__ and "from_crawler" in vars(cls):
                found.append(cls)
    return found


def test_components_take_plain_values() -> None:
    found = components()
    assert len(found) >= 15  # the middlewares, pipelines, extensions, scheduler, feed storage…
    takes_crawler = [
        f"{cls.__module__}.{cls.__qualname__}"
        for cls in found
        if "crawler" in inspect.signature(cls.__init__).parameters
    ]
    assert takes_crawler == []
