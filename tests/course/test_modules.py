"""Module metadata (module.yml) and the course manifest built from it."""

import dataclasses

import pytest

from krisesenterkurs.core.errors import CourseError
from krisesenterkurs.core.settings import Settings, nav_pages, page_url
from krisesenterkurs.course.modules import load_modules, manifest
from krisesenterkurs.quiz.banks import load_banks
from tests.banks import module_yml
from tests.support import small_course


@pytest.fixture
def course(tmp_path):
    settings = Settings.load(small_course(tmp_path, modules=(("forste", 1, None), ("andre", 2, None))))
    return settings.modules, load_banks(settings.quizzes), settings


def test_modules_are_ordered_by_number(course):
    modules, banks, _ = course
    assert [m.folder for m in load_modules(modules, banks)] == ["forste", "andre"]


def test_manifest_gives_addresses_banks_and_hashes(course):
    modules, banks, settings = course
    data = manifest(settings, load_modules(modules, banks))
    first = data["modules"][0]
    assert first == {
        "id": "forste",
        "n": 1,
        "title": "Modul forste",
        "dir": "moduler/forste/",
        "url": "moduler/forste/",
        "quiz": "moduler/forste/quiz/",
        "bank": "test",
        "hash": first["hash"],
        "version": "1.0",
        "pages": ["moduler/forste/quiz/"],
    }
    flat = manifest(dataclasses.replace(settings, directory_urls=False), load_modules(modules, banks))["modules"][0]
    assert (flat["url"], flat["quiz"]) == ("moduler/forste/index.html", "moduler/forste/quiz.html")
    assert len(first["hash"]) == 12


def test_manifest_lists_the_learning_pages_in_nav_order_without_the_facilitators_pages(course):
    modules, banks, settings = course
    folder = modules / "forste"
    for name in ("index.md", "b.md", "a.md", "workshopleder.md", "utdelingsark.md"):
        (folder / name).write_text("# Side\n", encoding="utf-8")
    # The group page places the module's bank too (named before quiz.md), yet is not its quiz.
    (folder / "gruppe.md").write_text("# Gruppe\n\n/// quiz | test\n    mode: group\n///\n", encoding="utf-8")
    loaded = load_modules(modules, banks)
    assert loaded[0].quiz_page == "quiz.md"
    # Without a nav: the front page first, the quiz last, the others by name.
    assert manifest(settings, loaded)["modules"][0]["pages"] == [
        "moduler/forste/",
        "moduler/forste/a/",
        "moduler/forste/b/",
        "moduler/forste/quiz/",
    ]
    nav = (
        "index.md",
        "moduler/forste/index.md",
        "moduler/forste/b.md",
        "moduler/forste/a.md",
        "moduler/forste/quiz.md",
        "moduler/forste/workshopleder.md",
        "moduler/forste/gruppe.md",
        "moduler/andre/quiz.md",
    )
    ordered = manifest(dataclasses.replace(settings, nav=nav), loaded)["modules"]
    assert ordered[0]["pages"] == ["moduler/forste/", "moduler/forste/b/", "moduler/forste/a/", "moduler/forste/quiz/"]
    assert ordered[1]["pages"] == ["moduler/andre/quiz/"]


def test_nav_pages_reads_both_engines_forms():
    mkdocs_form = ["index.md", {"Start": ["a.md", {"B": "b.md"}]}, {"Lenke": "https://example.org/"}, "a.md"]
    assert nav_pages(mkdocs_form) == ["index.md", "a.md", "b.md"]
    zensical_form = [
        {"title": None, "url": "index.md", "children": []},
        {"title": "Start", "url": None, "children": [{"title": None, "url": "a.md", "children": []}]},
    ]
    assert nav_pages(zensical_form) == ["index.md", "a.md"]
    assert nav_pages(None) == []


@pytest.mark.parametrize(
    "md,url,flat",
    [("quiz.md", "quiz/", "quiz.html"), ("index.md", "", "index.html"), ("del/index.md", "del/", "del/index.html")],
)
def test_page_url(md, url, flat):
    assert page_url(md) == url
    assert page_url(md, directory_urls=False) == flat


def problem(course, edit):
    modules, banks, _ = course
    edit(modules)
    return str(pytest.raises(CourseError, load_modules, modules, banks).value)


def test_missing_module_yml(course):
    assert "andre: modulen har ingen module.yml" in problem(course, lambda m: (m / "andre" / "module.yml").unlink())


def test_unknown_bank(course):
    message = problem(course, lambda m: (m / "andre" / "module.yml").write_text(module_yml("A", 2, bank="nei")))
    assert "andre/module.yml: det finnes ingen spørsmålsbank med id «nei»" in message


def test_bank_not_placed_in_the_module(course):
    message = problem(course, lambda m: (m / "andre" / "quiz.md").write_text("# Quiz\n"))
    assert "ingen side i denne modulen setter inn banken «test»" in message


def test_duplicate_numbers(course):
    message = problem(course, lambda m: (m / "andre" / "module.yml").write_text(module_yml("A", 1)))
    assert "nummer 1 er også brukt av" in message


def test_wrong_type_names_the_line(course):
    message = problem(
        course, lambda m: (m / "andre" / "module.yml").write_text(module_yml("A", 2).replace("number: 2", "number: to"))
    )
    assert "andre/module.yml:2: «number»" in message


def test_version_and_dates_are_checked(course):
    message = problem(
        course, lambda m: (m / "andre" / "module.yml").write_text(module_yml("A", 2, version="ny", updated="i går"))
    )
    assert "andre/module.yml:4: «version»" in message and "andre/module.yml:5: «updated»" in message


def test_every_mistake_of_a_module_yml_is_listed_not_only_a_bad_date(tmp_path):
    from krisesenterkurs.core.errors import CourseError
    from krisesenterkurs.course.modules import load_modules

    folder = tmp_path / "moduler" / "en"
    folder.mkdir(parents=True)
    (folder / "module.yml").write_text(
        'title: ""\nnumber: 0\nbank: test\nversion: "1.0"\nupdated: 2026-13-45\nreview_by: 2027-01-01\n'
        "editor: RVTS Sør\nchanges:\n  - version: x\n    date: 2026-01-01\n    text: Ny.\n",
        encoding="utf-8",
    )
    with pytest.raises(CourseError) as e:
        load_modules(tmp_path / "moduler", None)
    lines = sorted(p.line for p in e.value.problems)
    assert lines == [1, 2, 5, 9], [str(p) for p in e.value.problems]


def test_the_real_course_s_manifest_names_each_module_s_scenario_for_learners():
    from krisesenterkurs.course.modules import course_modules
    from tests.support import COURSE

    data = manifest(COURSE, course_modules(COURSE))
    first = data["modules"][0]["scenario"]
    assert first["id"] == "nav-ringer" and first["url"] == "moduler/mandat/samtaletrening/"
    assert first["required"] is False and set(first["good"]) <= set(first["endings"]) and len(first["endings"]) >= 3
    # The facilitator guide's group and map placements are not the learners' scenario.
    assert all(m["scenario"]["url"].endswith("/samtaletrening/") for m in data["modules"])


def test_a_module_that_requires_a_scenario_it_does_not_place_is_one_line(tmp_path):
    import shutil

    from tests.support import COURSE

    root = tmp_path / "moduler"
    shutil.copytree(COURSE.modules / "mandat", root / "mandat")
    (root / "mandat" / "samtaletrening.md").unlink()
    meta = root / "mandat" / "module.yml"
    meta.write_text(meta.read_text(encoding="utf-8") + "scenario_required: true\n", encoding="utf-8")
    with pytest.raises(CourseError) as raised:
        load_modules(root, load_banks(COURSE.quizzes))
    (problem,) = raised.value.problems
    assert problem.message.startswith(
        "«scenario_required» er true, men ingen side i denne modulen setter inn et scenario"
    )


RETAKE = (
    '  - version: "1.10"\n    date: 2027-03-01\n    text: Ny side.\n'
    '  - version: "1.9"\n    date: 2027-02-01\n    text: Quizen er skrevet om.\n    retake: true\n'
    '  - version: "1.2"\n    date: 2027-01-01\n    text: Nytt spørsmål.\n    retake: true\n'
    '  - version: "1.0"\n    date: 2026-11-27\n    text: Første utgave.\n'
)


def test_the_rule_for_earned_passes_names_the_newest_change_marked_retake(tmp_path):
    from krisesenterkurs.course.modules import completion_rule

    settings = Settings.load(small_course(tmp_path, modules=(("forste", 1, RETAKE), ("andre", 2, None))))
    loaded = load_modules(settings.modules, load_banks(settings.quizzes))
    # "1.9" is newer than "1.2" (numbers, not text); "1.10" asks for no new attempt.
    assert completion_rule(loaded[0]) == {"version": "1.1", "retake": {"version": "1.9", "date": "2027-02-01"}}
    assert completion_rule(loaded[1]) == {"version": "1.0"}
    data = manifest(settings, loaded)
    assert data["modules"][0]["retake"] == {"version": "1.9", "date": "2027-02-01"}
    assert "retake" not in data["modules"][1]
    assert data["changes"] == "hva-er-nytt/"


def test_the_scorm_launch_page_gets_the_same_rule(tmp_path):
    from krisesenterkurs.course.modules import completion_rule
    from krisesenterkurs.publishing.scorm.manifest import scorm_course

    settings = Settings.load(small_course(tmp_path, modules=(("forste", 1, RETAKE),)))
    loaded = load_modules(settings.modules, load_banks(settings.quizzes))
    entry = scorm_course(settings)["modules"][0]
    assert {k: entry[k] for k in ("version", "retake")} == completion_rule(loaded[0])


@pytest.mark.parametrize(
    "value,message",
    [
        ("ja", "«changes[1].retake» må være true eller false, ikke tekst (fant 'ja'). Rett: skriv true eller false."),
        ("1", "«changes[1].retake» må være true eller false, ikke et tall (fant 1). Rett: skriv true eller false."),
    ],
)
def test_a_bad_retake_is_named_with_its_file_and_line(tmp_path, value, message):
    changes = f'  - version: "1.0"\n    date: 2026-11-27\n    text: Første utgave.\n    retake: {value}\n'
    settings = Settings.load(small_course(tmp_path, modules=(("forste", 1, changes),)))
    with pytest.raises(CourseError) as raised:
        load_modules(settings.modules, load_banks(settings.quizzes))
    (problem,) = raised.value.problems
    assert str(problem).endswith(f"/docs/moduler/forste/module.yml:12: {message}")


def test_the_module_schema_documents_retake_and_matches_the_committed_file():
    import json

    from krisesenterkurs.course.modules import module_json_schema
    from tests.support import ROOT

    schema = module_json_schema()
    retake = schema["$defs"]["Change"]["properties"]["retake"]
    assert retake["type"] == "boolean" and retake["default"] is False
    assert "pass" in retake["description"]
    committed = ROOT / "course" / "moduler" / "module.schema.json"
    assert json.loads(committed.read_text(encoding="utf-8")) == schema
