"""A small project whose mkdocs.yml MkDocs itself reads (no build), for the adapter's tests."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import load_config

SITE_URL = "https://www.qxdl.cn/xuanchuan/"


def project(tmp_path: Path, extra: str = "", site_url: str = SITE_URL) -> Path:
    (tmp_path / "content").mkdir()
    (tmp_path / "overrides" / "assets").mkdir(parents=True)
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "site_name: 安全用电宣传\n"
        f"site_url: {site_url}\n"
        "docs_dir: content\n"
        "theme:\n  name: material\n  custom_dir: overrides\n" + extra,
        encoding="utf-8",
    )
    return config


def config_of(path: Path):
    return load_config(config_file=str(path))
