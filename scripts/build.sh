#!/usr/bin/env bash
# Install what is needed, then build the whole site, posters included, into site/.
# Before the site has its own address (xuanchuan init), the print files are drafts: each
# carries a 样稿 / DRAFT band, so none can go to a printer by mistake.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || exit 1
export NO_MKDOCS_2_WARNING=1
.venv/bin/xuanchuan init --check >/dev/null 2>&1
address=$?
if [ "$address" = 2 ]; then
  .venv/bin/xuanchuan init --check
  echo "» 没有生成：mkdocs.yml 里的网址（site_url）写得不对，改好后重新运行 bash scripts/build.sh" >&2
  exit 1
fi
if [ "$address" = 0 ]; then
  .venv/bin/mkdocs build --strict "$@" || { echo "» 没有生成：请按上面的说明改好后重新运行 bash scripts/build.sh" >&2; exit 1; }
  echo "» 网站已生成：$(pwd)/site　发布：.venv/bin/xuanchuan deploy 目标　(The site is in $(pwd)/site)"
else
  XUANCHUAN_DRAFT=1 .venv/bin/mkdocs build --strict "$@" || { echo "» 没有生成：请按上面的说明改好后重新运行 bash scripts/build.sh" >&2; exit 1; }
  echo "» 网站已生成（样稿）：$(pwd)/site　(The site is in $(pwd)/site, its print files marked as drafts.)"
  echo "» 网址还没设置，海报等宣传品都印有“样稿”字样，不能拿去印刷。设置网址后重新生成：.venv/bin/xuanchuan init --site-url https://…/"
fi
