"""A learner follows their progress over the whole course: statuses, indicator, resume, outdated results."""

import re
import shutil

import pytest
from playwright.sync_api import expect

from tests.browser.quizpage import answer_all, banks, modules, quiz_url, take_quiz
from tests.support import ROOT, run_build, serve
from tests.support import url as address

pytestmark = pytest.mark.browser
MODULES = modules()


def row(page, module):
    return page.locator(f'.kk-progress__table tr[data-module="{module.folder}"]')


def test_partial_run_shows_the_right_statuses_and_what_remains(page, base_url):
    first, second, third = MODULES[0], MODULES[1], MODULES[2]
    take_quiz(page, base_url, first.meta.bank)
    take_quiz(page, base_url, second.meta.bank, right_count=0)
    page.goto(base_url + f"moduler/{third.folder}/")
    page.goto(base_url + "fremdrift/")
    expect(row(page, first).locator(".kk-progress__status")).to_have_text(re.compile("Fullført"))
    expect(row(page, first).locator(".kk-progress__best")).to_have_text("100 % (bestått)")
    expect(row(page, second).locator(".kk-progress__status")).to_have_text(re.compile("Påbegynt"))
    expect(row(page, second).locator(".kk-progress__latest")).to_have_text("0 % (ikke bestått)")
    expect(row(page, second).get_by_role("link", name="Ta quizen")).to_have_attribute(
        "href", re.compile(quiz_url(second.meta.bank) + "$")
    )
    expect(row(page, third).locator(".kk-progress__status")).to_have_text(re.compile("Påbegynt"))
    for later in MODULES[3:]:
        expect(row(page, later).locator(".kk-progress__status")).to_have_text(re.compile("Ikke startet"))
    bar = page.get_by_role("progressbar")
    expect(bar).to_have_attribute("value", "1")
    expect(bar).to_have_attribute("max", str(len(MODULES)))
    expect(page.get_by_label(f"Min fremdrift: 1 av {len(MODULES)} moduler fullført")).to_be_visible()

    page.goto(base_url + "kursbevis/")
    remaining = page.locator(".kk-certificate__remaining li")
    expect(remaining).to_have_count(len(MODULES) - 1)
    for module in MODULES[1:]:
        expect(page.locator(".kk-certificate__remaining")).to_contain_text(module.meta.title)
    expect(page.locator("#kk-certificate-name")).to_have_count(0)


def test_front_page_offers_the_last_page_after_a_reload(page, base_url):
    module = MODULES[2]
    page.goto(base_url + f"moduler/{module.folder}/")
    nxt = page.locator("a.md-footer__link--next")
    url = nxt.evaluate("a => a.href")
    nxt.click()
    expect(page).to_have_url(url)
    path = url.removeprefix(base_url)
    remembered(page, path)  # once the course's script has seen it
    title = page.locator("article h1").evaluate("h => h.firstChild.textContent.trim()")
    page.goto(base_url)
    page.reload()
    resume = page.locator(".kk-resume")
    expect(resume).to_contain_text("Fortsett der du slapp:")
    link = resume.get_by_role("link", name=f"Modul {module.meta.number}: {module.meta.title} – {title}")
    expect(link).to_have_attribute("href", url)


def test_a_new_learner_is_pointed_to_the_first_module(page, base_url):
    page.goto(base_url)
    expect(page.locator(".kk-resume")).to_contain_text("Du har ikke begynt ennå")
    expect(page.locator(".kk-resume a")).to_have_text(f"Modul 1: {MODULES[0].meta.title}")
    expect(page.locator(".kk-resume a")).to_have_attribute("href", base_url + f"moduler/{MODULES[0].folder}/")


def remembered(page, path):
    """Waits until the course's script has made `path` the page to resume from."""
    page.wait_for_function(
        "p => (JSON.parse(localStorage.getItem('krisesenterkurs:/:progress')) || {}).last?.url === p", arg=path
    )


def test_after_passing_a_module_the_learner_resumes_at_the_next_one(page, base_url):
    first, second = MODULES[0], MODULES[1]
    take_quiz(page, base_url, first.meta.bank)
    expect(page.locator(".md-header .kk-indicator")).to_contain_text(f"1/{len(MODULES)}")
    remembered(page, quiz_url(first.meta.bank))
    for where in ("", "fremdrift/"):  # the front page and «Min fremdrift»
        page.goto(base_url + where)
        resume = page.locator(".kk-resume__line")
        expect(resume).to_contain_text("Fortsett med neste modul:")
        link = resume.get_by_role("link")
        expect(link).to_have_text(f"Modul 2: {second.meta.title}")
        expect(link).to_have_attribute("href", base_url + f"moduler/{second.folder}/")


def test_a_facilitator_page_is_never_where_the_learner_resumes(page, base_url):
    module = MODULES[0]
    learning = f"moduler/{module.folder}/kommunens-ansvar/"
    page.goto(base_url + learning)
    remembered(page, learning)
    heading = page.locator("article h1").evaluate("h => h.firstChild.textContent.trim()")
    for guide in ("workshopleder/", "gruppe/", "utdelingsark/"):
        page.goto(base_url + f"moduler/{module.folder}/{guide}")
        # The script has seen the page once it has drawn the indicator.
        expect(page.locator(".md-header .kk-indicator")).to_have_count(1)
    page.goto(base_url)
    resume = page.locator(".kk-resume__line")
    expect(resume).to_contain_text("Fortsett der du slapp:")
    link = resume.get_by_role("link")
    expect(link).to_have_text(f"Modul 1: {module.meta.title} – {heading}")
    expect(link).to_have_attribute("href", base_url + learning)


def test_indicator_and_navigation_marks_follow_without_a_reload(page, base_url):
    page.set_viewport_size({"width": 1280, "height": 900})
    total = len(MODULES)
    page.goto(base_url + quiz_url(MODULES[0].meta.bank))
    indicator = page.locator(".md-header .kk-indicator")
    expect(indicator).to_contain_text(f"0/{total}")
    page.evaluate("window.__sameDocument = true")
    take_quiz_here = banks()[MODULES[0].meta.bank]
    answer_all(page, take_quiz_here, len(take_quiz_here.questions))
    expect(indicator).to_contain_text(f"1/{total}")
    expect(indicator).to_have_attribute("href", base_url + "fremdrift/")
    page.locator(".md-nav--primary").get_by_role("link", name="Oppsummering").first.click()
    expect(page).to_have_url(re.compile("oppsummering/$"))
    assert page.evaluate("window.__sameDocument") is True
    expect(indicator).to_contain_text(f"1/{total}")
    mark = page.locator(".md-nav--primary .kk-nav-done")
    expect(mark.first).to_contain_text("(fullført)")


def edited_module_yml(text: str, version: str, retake: bool) -> str:
    """module.yml with a new version and a changes entry for it (marked as a retake when asked)."""
    entry = f'  - version: "{version}"\n    date: 2027-01-15\n    text: Ett spørsmål i quizen er skrevet om.\n'
    if retake:
        entry += "    retake: true\n"
    text = re.sub(r'^version: "[^"]+"', f'version: "{version}"', text, count=1, flags=re.M)
    return text.replace("changes:\n", "changes:\n" + entry, 1)


@pytest.fixture(scope="module")
def versions(tmp_path_factory):
    """The course built three times for one address: as it is; with one question of the first bank
    edited in a new version of its module; and the same with the change marked `retake: true`."""
    before = tmp_path_factory.mktemp("before")
    server = serve(before)
    url = address(server)
    assert run_build(ROOT, before, site_url=url).returncode == 0
    module = MODULES[0]
    major, minor = module.meta.version.split(".")[:2]
    version = f"{major}.{int(minor) + 1}"
    sites = {"before": before}
    for name, retake in (("edited", False), ("retake", True)):
        project = tmp_path_factory.mktemp(name) / "project"
        shutil.copytree(
            ROOT, project, symlinks=True, ignore=shutil.ignore_patterns(".venv", ".git", "site", "__pycache__")
        )
        bank_file = project / "quizzes" / f"{module.meta.bank}.yml"
        text = bank_file.read_text(encoding="utf-8")
        first_prompt = banks()[module.meta.bank].questions[0].prompt.splitlines()[0]
        assert first_prompt in text
        bank_file.write_text(text.replace(first_prompt, first_prompt + " (revidert)", 1), encoding="utf-8")
        meta = project / "course" / "moduler" / module.folder / "module.yml"
        meta.write_text(edited_module_yml(meta.read_text(encoding="utf-8"), version, retake), encoding="utf-8")
        sites[name] = tmp_path_factory.mktemp(name + "-site")
        result = run_build(project, sites[name], site_url=url)
        assert result.returncode == 0, result.stderr
    yield {"url": url, "server": server, "version": version, **sites}
    server.shutdown()
    server.server_close()


@pytest.mark.mkdocs_only  # every version is built with MkDocs; the Zensical run would repeat it unchanged
def test_an_edited_bank_keeps_the_pass_and_says_the_module_was_updated(page, versions):
    url = versions["url"]
    module = MODULES[0]
    versions["server"].directory = versions["before"]
    take_quiz(page, url, module.meta.bank)
    page.goto(url + "fremdrift/")
    status = row(page, module).locator(".kk-progress__status")
    expect(status).to_have_text(re.compile("Fullført"))
    expect(status.locator(".kk-progress__changed")).to_have_count(0)
    versions["server"].directory = versions["edited"]  # the editor publishes the new version
    page.reload()
    expect(status).to_have_text(re.compile("Fullført"))
    note = status.locator('.kk-progress__changed[data-changed="updated"]')
    expect(note).to_contain_text("Modulen er oppdatert etter at du besto.")
    expect(note.get_by_role("link", name="Se hva som er endret")).to_have_attribute("href", url + "hva-er-nytt/")
    expect(row(page, module).locator(".kk-progress__best")).to_have_text(
        "100 % (bestått) – fra en eldre versjon av quizen"
    )
    expect(row(page, module).get_by_role("link", name="Se modulen igjen")).to_be_visible()
    expect(page.get_by_role("progressbar")).to_have_attribute("value", "1")
    # Answers to the edited question are still not applied to its new text.
    page.goto(url + quiz_url(module.meta.bank))
    expect(page.locator(".kk-quiz[data-ready]")).to_have_count(1)
    first = page.locator(f'fieldset[data-qid="{banks()[module.meta.bank].questions[0].id}"]')
    expect(first).not_to_have_attribute("data-state", re.compile("right|wrong"))
    second = page.locator(f'fieldset[data-qid="{banks()[module.meta.bank].questions[1].id}"]')
    expect(second).to_have_attribute("data-state", "right")


@pytest.mark.mkdocs_only
def test_a_change_marked_retake_asks_for_a_new_attempt(page, versions):
    url = versions["url"]
    module = MODULES[0]
    versions["server"].directory = versions["before"]
    take_quiz(page, url, module.meta.bank)
    versions["server"].directory = versions["retake"]
    page.goto(url + "fremdrift/")
    status = row(page, module).locator(".kk-progress__status")
    expect(status).to_have_attribute("data-status", "retake")
    expect(status).to_contain_text("Må tas på nytt")
    note = status.locator('.kk-progress__changed[data-changed="retake"]')
    expect(note).to_contain_text("Modulen er endret slik at quizen må tas på nytt.")
    expect(note.get_by_role("link", name="Se hva som er endret")).to_have_attribute("href", url + "hva-er-nytt/")
    expect(row(page, module).locator(".kk-progress__best")).to_have_text(
        "100 % (bestått) – utdatert – ta quizen på nytt"
    )
    expect(row(page, module).get_by_role("link", name="Ta quizen")).to_be_visible()
    expect(page.get_by_role("progressbar")).to_have_attribute("value", "0")
    # Passing again, in the new version, completes the module once more, with that version.
    page.goto(url + quiz_url(module.meta.bank))
    page.get_by_role("button", name="Prøv igjen").click()
    bank = banks()[module.meta.bank]
    answer_all(page, bank, len(bank.questions))
    page.goto(url + "fremdrift/")
    expect(status).to_have_attribute("data-status", "completed")
    expect(status.locator(".kk-progress__changed")).to_have_count(0)
    stored = page.evaluate(f"JSON.parse(localStorage.getItem('krisesenterkurs:/:quiz:{module.meta.bank}')).passed")
    assert stored["version"] == versions["version"]
