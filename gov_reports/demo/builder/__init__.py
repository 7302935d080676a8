"""The builder of the offline demo portal (data/demo/<site>/…, sites.json, expected.json).

Why a generator: page chrome must be identical across a site's pages, the Hanweb list must agree with its
dataproxy records, the TRS site must be GBK, and expected.json must agree with the pages. Everything is
declared once, in one module per site, and written out; the output is committed so the demo works without
running this. ``python -m gov_reports.demo.builder`` after editing, ``--check`` to verify the committed output.

- ``model``: the declarations' types (Site, Column, Page, Report); ``text``, ``tables``, ``bodies``: report
  bodies generated from their numbers (``Modern``, ``Old``) and the spam put into them;
- ``sites``: the five template-built sites and their columns; ``chrome`` and ``templates``: their pages;
- one module per site: ``hanweb``, ``trs`` (+ ``trs_reports``), ``generic``, ``jianggan``, ``hub`` declare
  their pages and reports; ``attachments``: reports published as files and the bad files (``report_files``
  writes the PDFs and DOCXs reproducibly);
- the portal platforms build their own sites: ``gkmlpt``, ``xxgk``, ``jpaas``, ``aspnet`` (each with its
  ``*_reports`` or ``*_units`` module of report numbers);
- ``render``: every file; ``expected``: the ground truth; ``__main__``: writes or checks data/demo.
"""
