"""The five sites built from the shared templates (templates.py), and their columns (lists).

The platform sites (gkmlpt, xxgk, jpaas, aspnet) declare their own ``SITE`` in their modules.
"""

from __future__ import annotations

from gov_reports.demo.builder.model import Column, Site

SITES = {
    s.key: s
    for s in [
        Site(
            key="hanweb",
            style="hanweb",
            name="哈尔滨市人民政府",
            domain="www.harbin.gov.cn",
            idcode="2301000004",
            charset="utf-8",
            encoding="utf-8",
            sponsor="哈尔滨市人民政府办公厅",
            undertaker="哈尔滨市信息中心",
            icp="黑ICP备05000026号",
            police="黑公网安备 23010202000201号",
            robots="User-agent: *\nDisallow: /private/\n",
        ),
        Site(
            key="trs",
            style="trs",
            name="秦皇岛市人民政府",
            domain="www.qhd.gov.cn",
            idcode="1303000012",
            charset=None,
            encoding="gbk",
            sponsor="秦皇岛市人民政府办公室",
            undertaker="秦皇岛市政务服务和数据管理局",
            icp="冀ICP备05007896号",
            police="冀公网安备 13030202000145号",
            errors={"/zwgk/zfxxgknb/201903/t20190320_5010.html": 500},
        ),
        Site(
            key="generic",
            style="generic",
            name="虎林市人民政府",
            domain="www.hulin.gov.cn",
            idcode="2303810001",
            charset="utf-8",
            encoding="utf-8",
            sponsor="虎林市人民政府办公室",
            undertaker="虎林市融媒体中心",
            icp="黑ICP备12003456号-1",
            police="黑公网安备 23038102000011号",
        ),
        Site(
            key="jianggan",
            style="generic",
            name="杭州市江干区人民政府",
            domain="www.jianggan.gov.cn",
            idcode="3301040001",
            charset="utf-8",
            encoding="utf-8",
            sponsor="杭州市江干区人民政府办公室",
            undertaker="杭州市江干区数据资源管理局",
            icp="浙ICP备05011234号",
            police="浙公网安备 33010402000321号",
            intro="走进江干",
        ),
        Site(
            key="hub",
            style="generic",
            name="重庆市九龙坡区人民政府",
            domain="www.cqjlp.gov.cn",
            idcode="5001070012",
            charset="utf-8",
            encoding="utf-8",
            sponsor="重庆市九龙坡区人民政府办公室",
            undertaker="重庆市九龙坡区大数据应用发展管理局",
            icp="渝ICP备05003300号",
            police="渝公网安备 50010702500001号",
            intro="走进九龙坡",
            hubs={
                "/zwgk/index.html": (
                    "政务公开",
                    ["首页", "政务公开"],
                    [("政府信息公开", "/zwgk/zfxxgk/index.html"), ("重点领域信息公开", "/zwgk/zdly/index.html")],
                ),
                "/zwgk/zfxxgk/index.html": (
                    "政府信息公开",
                    ["首页", "政务公开", "政府信息公开"],
                    [
                        ("政府信息公开指南", "/zwgk/zfxxgk/zn/index.html"),
                        ("政府信息公开年报", "/zwgk/zfxxgk/zfxxgknb/index.html"),
                    ],
                ),
                "/zwgk/zfxxgk/zfxxgknb/index.html": (
                    "政府信息公开年报",
                    ["首页", "政务公开", "政府信息公开", "政府信息公开年报"],
                    [
                        ("区政府年报", "/zwgk/zfxxgk/zfxxgknb/qzfnb/index.html"),
                        ("部门年报", "/zwgk/zfxxgk/zfxxgknb/bmnb/index.html"),
                        ("镇街年报", "/zwgk/zfxxgk/zfxxgknb/zjnb/index.html"),
                    ],
                ),
                "/zwgk/zfxxgk/zfxxgknb/bmnb/index.html": (
                    "部门年报",
                    ["首页", "政务公开", "政府信息公开", "政府信息公开年报", "部门年报"],
                    [
                        ("区教育委员会", "/zwgk/zfxxgk/zfxxgknb/bmnb/jw/index.html"),
                        ("区民政局", "/zwgk/zfxxgk/zfxxgknb/bmnb/mzj/index.html"),
                    ],
                ),
                "/zwgk/zfxxgk/zfxxgknb/zjnb/index.html": (
                    "镇街年报",
                    ["首页", "政务公开", "政府信息公开", "政府信息公开年报", "镇街年报"],
                    [("2022年度", "/zwgk/zfxxgk/zfxxgknb/zjnb/2022/index.html")],
                ),
                "/zwgk/zfxxgk/zfxxgknb/zjnb/2022/index.html": (
                    "2022年度",
                    ["首页", "政务公开", "政府信息公开", "政府信息公开年报", "镇街年报", "2022年度"],
                    [("九龙镇", "/zwgk/zfxxgk/zfxxgknb/zjnb/2022/jlz/index.html")],
                ),
            },
            home_links=[("政务公开", "/zwgk/index.html"), ("走进九龙坡", "/zjjlp/index.html")],
            start=["/zwgk/zfxxgk/zfxxgknb/index.html"],
        ),
    ]
}

COLUMNS = {
    c.key: c
    for c in [
        Column(
            site="hanweb",
            key="col4971",
            name="政府信息公开年报",
            path="/col/col4971/index.html",
            crumb=["首页", "政务公开", "政府信息公开平台", "政府信息公开年报"],
            per_page=4,
            scheme="hanweb",
            columnid=4971,
            unitid="8976",
        ),
        Column(
            site="trs",
            key="szfnb",
            name="政府信息公开年报",
            path="/zwgk/zfxxgknb/index.html",
            crumb=["首页", "政务公开", "政府信息公开年报"],
            per_page=4,
            scheme="trs-classic",
        ),
        Column(
            site="trs",
            key="bmnb",
            name="部门年报",
            path="/zwgk/zfxxgknb/bmnb/index.shtml",
            crumb=["首页", "政务公开", "政府信息公开年报", "部门年报"],
            per_page=3,
            scheme="trs-6arg",
        ),
        Column(
            site="generic",
            key="nb",
            name="政府信息公开年报",
            path="/xxgk/nb/list.html",
            crumb=["首页", "信息公开", "政府信息公开年报"],
            per_page=4,
            scheme="generic",
        ),
        Column(
            site="jianggan",
            key="jg",
            name="政府信息公开年度报告",
            path="/zwgk/zfxxgkndbg/index.html",
            crumb=["首页", "政务公开", "政府信息公开年度报告"],
            per_page=10,
            scheme="generic",
        ),
        # 九龙坡 (a 重庆-style hub): the reports sit one to three sub-columns below the 年报 column.
        *(
            Column(
                site="hub",
                key=key,
                name=name,
                path=f"/zwgk/zfxxgk/zfxxgknb/{sub}/index.html",
                crumb=["首页", "政务公开", "政府信息公开", "政府信息公开年报", *trail, name],
                per_page=10,
                scheme="generic",
            )
            for key, name, sub, trail in (
                ("jlp_qzf", "区政府年报", "qzfnb", []),
                ("jlp_jw", "区教育委员会", "bmnb/jw", ["部门年报"]),
                ("jlp_mzj", "区民政局", "bmnb/mzj", ["部门年报"]),
                ("jlp_jlz", "九龙镇", "zjnb/2022/jlz", ["镇街年报", "2022年度"]),
            )
        ),
    ]
}
