"""The jianggan site (杭州市江干区人民政府): a one-page generic list."""

from __future__ import annotations

from collections.abc import Callable

from gov_reports.demo.builder.bodies import SPAM_MAJIANG
from gov_reports.demo.builder.model import Page, Report, seed
from gov_reports.demo.builder.text import para, render_lines
from gov_reports.model.vocabulary import ReportFormat


def declare(pages: list[Page], reports: list[Report], trap: Callable[[Page, str], None]) -> None:
    """Append the site's pages, reports and traps (its DOCX-only report: attachments.py)."""
    j2020 = "/zwgk/zfxxgkndbg/202101/t20210129_8651234.html"
    pages.append(
        Page(
            site="jianggan",
            path=j2020,
            title="杭州市江干区2020年政府信息公开工作年度报告",
            body=render_lines(seed("jianggan_2020.txt")),
            lists=[("jg", "2021-01-29")],
            label_date="2021-01-29",
            source="杭州市江干区人民政府办公室",
        )
    )
    reports.append(
        Report(
            issuer="杭州市江干区人民政府",
            year=2020,
            fmt=ReportFormat.UNKNOWN,
            pages=[j2020],
            best=j2020,
            spam=[SPAM_MAJIANG],
            note="seed 002: no section headings and no tables survived (format unknown by the "
            "text rule; 2019 era by year); 「麻将胡了最新官方版下载」 injected mid-sentence; "
            "damaged spans 「视频线.深入」, 「电线年未收到」; typo 「国开公开办函〔2019〕61号」; "
            "no signature",
        )
    )
    trap(
        Page(
            site="jianggan",
            path="/zwgk/zfxxgkndbg/202101/t20210105_8640001.html",
            title="杭州市江干区2020年上半年政府信息公开数据统计",
            body=render_lines(["2020年1月至6月，全区主动公开政府信息3216条，收到政府信息公开申请247件。"]),
            lists=[("jg", "2020-07-10")],
            label_date="2020-07-10",
            source="杭州市江干区人民政府办公室",
        ),
        "half_year_statistics",
    )
    trap(
        Page(
            site="jianggan",
            path="/art/2021/1/12/art_1229160_5862.html",
            title="江干区召开2021年政务公开工作部署会",
            body=para("1月12日，江干区召开2021年政务公开工作部署会，总结2020年工作，部署年度报告编制发布等重点任务。"),
            lists=[("jg", "2021-01-12")],
            label_date="2021-01-12",
            source="江干发布",
        ),
        "news",
    )
