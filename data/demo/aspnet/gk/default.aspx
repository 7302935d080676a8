<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head><meta http-equiv="Content-Type" content="text/html; charset=utf-8" /><title>
	政府信息公开年报_资阳市雁江区人民政府
</title>
<meta name="SiteName" content="资阳市雁江区人民政府">
<meta name="SiteDomain" content="www.yanjiang.gov.cn">
<meta name="SiteIDCode" content="5120020001">
<meta name="ColumnName" content="政府信息公开年报">
<meta name="ColumnType" content="政府信息公开年报">
</head>
<body>
<div class="top"><div class="logo">资阳市雁江区人民政府</div>
<div class="nav"><a href="/">首页</a> <span>走进雁江</span> <a href="/zwgk/index.html">政务公开</a> <span>政务服务</span> <span>互动交流</span></div>
<form action="/search/search.aspx" method="get" id="searchform" target="_blank"><input type="text" name="keyword" value="" /><input type="submit" value="搜索" /></form>
</div>
<form method="post" action="./default.aspx" id="form1">
<div class="aspNetHidden">
<input type="hidden" name="__EVENTTARGET" id="__EVENTTARGET" value="" />
<input type="hidden" name="__EVENTARGUMENT" id="__EVENTARGUMENT" value="" />
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUKLTM4NjQ3MzYwOQ9kFgJmD2QWAgIDD2QWAgIBDzwrABEDAA8WBB4LXyFEYXRhQm91bmRnHgtfIUl0ZW1Db3VudAILMHcO9affTpp1tcVkk53/f7xhslWX0gPkUCu0Jw5BlirwCdQKBK9JhIg2KiOUol2eM7x/5YISqC9vhA3bmqmIUmyaDi8nFn74ALcAlsYtCiAF39Ys1bVhCOp/+mhC4OfDqFHhNhBk1IrVtTfdViGz8EV+gCq/PcU+6yL97HsUjrkNMjhvOmgjxM7qTlzqfY4RHr7I38TpmqTTjayminM3T7Zq46uVIj12+Bn/ACb2c2QOeoD/" />
</div>
<script type="text/javascript">
//<![CDATA[
var theForm = document.forms['form1'];
if (!theForm) {
    theForm = document.form1;
}
function __doPostBack(eventTarget, eventArgument) {
    if (!theForm.onsubmit || (theForm.onsubmit() != false)) {
        theForm.__EVENTTARGET.value = eventTarget;
        theForm.__EVENTARGUMENT.value = eventArgument;
        theForm.submit();
    }
}
//]]>
</script>
<div class="aspNetHidden">
<input type="hidden" name="__VIEWSTATEGENERATOR" id="__VIEWSTATEGENERATOR" value="CA0B0334" />
<input type="hidden" name="__EVENTVALIDATION" id="__EVENTVALIDATION" value="/wEdAA9oWYAOXfRQbDkieJLlJt43DavqlQ8Qd62oZR7n3pF8Y51OWXS4hCi+6yC1OtZyrULuqqsUqz9PmqQQP8" />
</div>
<div class="crumb">您现在的位置：<a href="/">首页</a> &gt; <a href="/zwgk/index.html">政务公开</a> &gt; <a href="/gk/default.aspx">政府信息公开年报</a></div>
<div class="gk-list">
<h3>政府信息公开年报</h3>
<div>
	<table class="grid" cellspacing="0" rules="all" border="1" id="ContentPlaceHolder1_GridView1" style="width:100%;border-collapse:collapse;">
		<tr>
			<th scope="col">标题</th><th scope="col">发布日期</th>
		</tr>
<tr>
<td class="title"><a href="year_details.aspx?dept=38&amp;id=91674" target="_blank">资阳市雁江区2022年政府信息公开工...</a></td><td class="date">2023-01-16</td>
</tr>
<tr>
<td class="title"><a href="year_details.aspx?dept=105&amp;id=91520" target="_blank">资阳市雁江区松涛镇2022年政府信息...</a></td><td class="date">2023-01-12</td>
</tr>
<tr>
<td class="title"><a href="year_details.aspx?dept=38&amp;id=90877" target="_blank">关于做好2022年度政府信息公开工作...</a></td><td class="date">2022-12-20</td>
</tr>
<tr>
<td class="title"><a href="year_details.aspx?dept=38&amp;id=86102" target="_blank">资阳市雁江区2022年政务公开工作要...</a></td><td class="date">2022-04-08</td>
</tr>
<tr class="pager">
<td colspan="2"><table><tr><td><span>1</span></td><td><a href="javascript:__doPostBack(&#39;ctl00$ContentPlaceHolder1$GridView1&#39;,&#39;Page$2&#39;)">2</a></td><td><a href="javascript:__doPostBack(&#39;ctl00$ContentPlaceHolder1$GridView1&#39;,&#39;Page$3&#39;)">3</a></td></tr></table></td>
</tr>
	</table>
</div>
<div class="pagebar">共11条记录　第1/3页　<a id="ContentPlaceHolder1_lbtnPrev" disabled="disabled">上一页</a>　<a id="ContentPlaceHolder1_lbtnNext" href="javascript:__doPostBack(&#39;ctl00$ContentPlaceHolder1$lbtnNext&#39;,&#39;&#39;)">下一页</a></div>
</div>
</form>
<div class="footer">
<p><a href="/">首页</a> | <span>网站地图</span> | <span>网站声明</span> | <span>联系我们</span></p>
<p>主办：资阳市雁江区人民政府办公室　承办：资阳市雁江区大数据中心</p>
<p>网站标识码：5120020001　蜀ICP备05029915号　川公网安备 51200202000115号</p>
<p>建议使用1366×768分辨率浏览</p>
</div>
</body>
</html>
