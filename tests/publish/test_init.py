"""``xuanchuan init``: each answer checked, mkdocs.yml changed only where told."""

from __future__ import annotations

import shutil

import pytest
import yaml
from PIL import Image

from fixtures.sites import PROJECT, run_xuanchuan
from xuanchuan.cli import site_setup
from xuanchuan.core.errors import SourceError
from xuanchuan.core.settings import load_settings
from xuanchuan.publish.init_site import Answers, apply_answers, check_answers, current_answers


@pytest.fixture
def config(tmp_path):
    path = tmp_path / "mkdocs.yml"
    shutil.copyfile(PROJECT / "mkdocs.yml", path)
    return path


def logo(path, kind="PNG", size=(200, 80)):
    Image.new("RGBA" if kind == "PNG" else "RGB", size, (200, 30, 30)).save(path, kind)
    return path


def test_everything_given_is_written_and_read_back(config, tmp_path):
    answers = Answers(
        name="城关区总工会",
        short_name="城关工会宣传",
        site_url="https://www.qxdl.cn/gonghui/",
        hotline="0991-1234567",
        logo=str(logo(tmp_path / "mine.png")),
        languages="zh,en,ug",
    )
    check_answers(answers, tmp_path)
    changes = apply_answers(config, answers)
    assert {field for field, _, _ in changes} == set(answers.given())
    data = yaml.load(config.read_text(encoding="utf-8"), Loader=yaml.UnsafeLoader)
    assert data["site_url"] == "https://www.qxdl.cn/gonghui/"
    assert data["site_name"] == "城关工会宣传"
    assert data["theme"]["logo"] == "assets/images/logo.png"
    settings = load_settings(data["extra"]["xuanchuan"])
    assert settings.organization == "城关区总工会" and settings.hotline == "0991-1234567"
    assert settings.codes == ("zh", "en", "ug") and settings.language("ug").name == "ئۇيغۇرچە"
    # English keeps its own names; the logo is kept where the site and print files find it.
    assert settings.language("en").site_name == "Publicity and Legal Education"
    assert settings.print.logo == "overrides/assets/images/logo.png"
    assert (tmp_path / "overrides" / "assets" / "images" / "logo.png").is_file()
    assert current_answers(config.read_text(encoding="utf-8")).site_url == answers.site_url


def test_a_second_run_changes_only_what_it_is_told(config, tmp_path):
    apply_answers(config, Answers(site_url="https://www.qxdl.cn/", hotline="95598"))
    first = config.read_text(encoding="utf-8")
    assert apply_answers(config, Answers(site_url="https://www.qxdl.cn/")) == []
    assert config.read_text(encoding="utf-8") == first
    apply_answers(config, Answers(hotline="12348"))
    after = config.read_text(encoding="utf-8")
    assert [a for a, b in zip(first.splitlines(), after.splitlines(), strict=True) if a != b] == [
        "    hotline: '95598'"
    ]


HOSTILE = {
    "site_url": [
        "javascript://example.org/%0Aalert(1)//",
        "data:text/html,x",
        "www.qxdl.cn/",
        "https://www.qxdl.cn/path",
        "https://example.org/xuanchuan/",
        "http://127.0.0.1:8000/",
        "htps://www.qxdl.cn/",
    ],
    "hotline": ["abc", "95598<script>", "1", "0" * 40, "９５５９８<"],
    "name": ["", "x" * 101, "城关\u202e总工会", "a\nb"],
    "short_name": ["y" * 41, "\x1b[31m红"],
    "languages": ["", "zh,,en", "zh,zh", "中文", "zh;en", "../x"],
    "logo": ["missing.png", "not-a-picture.png", "photo.jpg", "tiny.png"],
}


@pytest.mark.parametrize(
    "field,value", [(field, value) for field, values in HOSTILE.items() for value in values]
)
def test_each_wrong_answer_is_refused_naming_its_option(config, tmp_path, field, value):
    (tmp_path / "not-a-picture.png").write_text("<svg onload=alert(1)>", encoding="utf-8")
    logo(tmp_path / "photo.jpg", "JPEG")
    logo(tmp_path / "tiny.png", size=(8, 8))
    before = config.read_text(encoding="utf-8")
    with pytest.raises(SourceError) as raised:
        check_answers(Answers(**{field: value}), tmp_path)
    option = "--" + field.replace("_", "-")
    assert [problem.field for problem in raised.value.problems] == [option]
    assert config.read_text(encoding="utf-8") == before


def test_every_problem_is_told_at_once(tmp_path):
    with pytest.raises(SourceError) as raised:
        check_answers(Answers(site_url="x", hotline="y", languages="zh,zh"), tmp_path)
    assert len(raised.value.problems) == 3


def test_asked_in_a_terminal_enter_keeps_and_a_wrong_answer_is_asked_again(config, monkeypatch, capsys):
    typed = iter(["", "", "htps://www.qxdl.cn/", "https://www.qxdl.cn/", "95598", "", ""])
    monkeypatch.setattr("builtins.input", lambda prompt="": next(typed))
    answers = site_setup.ask(current_answers(config.read_text(encoding="utf-8")), config.parent)
    assert answers.given() == ["site_url", "hotline"]
    assert answers.site_url == "https://www.qxdl.cn/" and answers.hotline == "95598"
    assert "https" in capsys.readouterr().out  # the mistake was explained


@pytest.mark.slow
def test_the_command_in_the_teams_language(config):
    project = config.parent
    wrong = run_xuanchuan(project, "init", "--site-url", "javascript:alert(1)", env={"XUANCHUAN_LANG": ""})
    assert wrong.returncode == 1
    assert "不是网址" in wrong.stderr and wrong.stderr.strip().splitlines()[-1].startswith("出错")
    nothing = run_xuanchuan(project, "init", env={"XUANCHUAN_LANG": ""})
    assert nothing.returncode == 2 and "没有要改的内容" in nothing.stderr
    check = run_xuanchuan(project, "init", "--check", env={"XUANCHUAN_LANG": ""})
    assert check.returncode == 1 and "是示例地址" in check.stderr
    done = run_xuanchuan(project, "init", "--site-url", "https://www.qxdl.cn/", env={"XUANCHUAN_LANG": ""})
    assert done.returncode == 0 and "网址" in done.stdout and "https://www.qxdl.cn/" in done.stdout
    assert run_xuanchuan(project, "init", "--check").returncode == 0


def test_what_a_chinese_input_method_types_is_read_as_meant(config, tmp_path):
    answers = Answers(site_url="ｈｔｔｐｓ：／／ｗｗｗ．ｑｘｄｌ．ｃｎ／", hotline="０９９１－１２３４５６７")
    check_answers(answers, tmp_path)
    apply_answers(config, answers)
    now = current_answers(config.read_text(encoding="utf-8"))
    assert (now.site_url, now.hotline) == ("https://www.qxdl.cn/", "0991-1234567")
