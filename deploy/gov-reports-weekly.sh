#!/bin/sh
# The scheduled incremental crawl: every registered column of the configured provinces, merged into
# one dump. Run by gov-reports-weekly.service (or cron, see gov-reports.cron). After the first run,
# only listing pages and new or changed reports are downloaded (docs/scheduling.md).
# Optional: GOV_REPORTS_YEARS (e.g. 2016-2024), GOV_REPORTS_SOURCES (another registry).
set -eu

: "${GOV_REPORTS_HOME:=/opt/gov-reports}"              # the checkout, with its .venv
: "${GOV_REPORTS_DUMP:=/var/lib/gov-reports/reports.jsonl}"
: "${GOV_REPORTS_PROVINCES:=北京 天津 河北 山西 内蒙古 辽宁 吉林 黑龙江 上海 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 广西 海南 重庆 四川 贵州 云南 西藏 陕西 甘肃 青海 宁夏 新疆}"
: "${GOV_REPORTS_CONTACT:?set GOV_REPORTS_CONTACT to an address site operators can write to}"

set --
for province in $GOV_REPORTS_PROVINCES; do
    set -- "$@" --province "$province"
done
mkdir -p "$(dirname "$GOV_REPORTS_DUMP")"
exec "$GOV_REPORTS_HOME/.venv/bin/gov-reports" crawl "$@" -o "$GOV_REPORTS_DUMP" \
    -s "GOV_REPORTS_CONTACT=$GOV_REPORTS_CONTACT" \
    ${GOV_REPORTS_YEARS:+--years "$GOV_REPORTS_YEARS"} ${GOV_REPORTS_SOURCES:+--sources "$GOV_REPORTS_SOURCES"}
