"""A learner opens a quiz whose bank holds hostile text: it shows as text, and no script runs."""

import shutil
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import expect

import krisesenterkurs
from tests.banks import VALID
from tests.support import run_build, serve
from tests.support import url as address

# mkdocs_only: its fixture site is built with MkDocs; the Zensical run would repeat it unchanged.
pytestmark = [pytest.mark.browser, pytest.mark.mkdocs_only]
FIXTURE = Path(__file__).parent.parent / "fixtures" / "site"

HOSTILE = [
    "<script>window.__pwned = 'script'</script>",
    "<img src=x onerror=\"window.__pwned = 'onerror'\">",
    "[klikk her](javascript:window.__pwned='link')",
    "<!-- skjult kommentar --> synlig tekst",
    "<b>uavsluttet tag",
    "<a href=\"javascript:window.__pwned='a'\">lenke</a>",
    "<svg onload=\"window.__pwned='svg'\"></svg>",
    "<iframe src=\"javascript:parent.__pwned='iframe'\"></iframe>",
    "<style>body { display: none }</style>",
    "&lt;script&gt; allerede kodet",
    "Se https://www.bufdir.no/vold/krisesentertilbudet/rundskriv-til-krisesenterlova-20-2026-kapittel-4-oppfolging-i-reetableringsfasen-med-alle-vedlegg-og-skjemaer",
]
LONG_URL = len(HOSTILE) - 1


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile") / "site"
    shutil.copytree(FIXTURE, root)
    (root / "quizzes").mkdir(exist_ok=True)
    config = root / "mkdocs.yml"
    theme = Path(krisesenterkurs.__file__).parent / "theme"
    # The theme alone brings the quiz's script and styles (and storage.js) to the quiz page.
    config.write_text(config.read_text().replace("  font: false\n", f"  font: false\n  custom_dir: {theme}\n"))
    bank = yaml.safe_load(VALID)
    bank["questions"] = [
        {
            "id": f"q{i}",
            "type": "single",
            "prompt": text,
            "options": [
                {"text": text.replace("\n", " "), "correct": True, "feedback": text},
                {"text": "Trygt alternativ"},
            ],
            "explanation": text,
            "source": text,
        }
        for i, text in enumerate(HOSTILE)
    ]
    (root / "quizzes" / "test.yml").write_text(yaml.safe_dump(bank, allow_unicode=True), encoding="utf-8")
    server = serve(root / "out")
    result = run_build(root, root / "out", site_url=address(server))
    assert result.returncode == 0, result.stderr
    yield address(server)
    server.shutdown()
    server.server_close()


def test_an_option_holding_a_long_web_address_wraps_on_a_phone(page, hostile_site):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(hostile_site + "quiz/")
    box = page.locator(f'fieldset[data-qid="q{LONG_URL}"]')
    box.locator("input").first.check()
    box.get_by_role("button", name="Sjekk svar").click()  # shows the option's feedback and the explanation too
    expect(box.locator(".kk-question__explanation")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert box.evaluate("b => b.scrollWidth <= b.clientWidth")


def test_hostile_bank_text_never_runs(page, hostile_site):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(hostile_site + "quiz/")
    expect(page.locator(".kk-quiz[data-ready]")).to_have_count(1)
    for i in range(len(HOSTILE)):
        box = page.locator(f'fieldset[data-qid="q{i}"]')
        box.locator("input").first.check()
        box.get_by_role("button", name="Sjekk svar").click()
        expect(box.locator(".kk-question__explanation")).to_be_visible()
    for link in page.locator(".kk-quiz a:visible").all():  # a stripped javascript: link must do nothing
        link.click(no_wait_after=True)
    page.wait_for_timeout(300)
    assert page.evaluate("window.__pwned") is None
    assert dialogs == []
    assert page.locator(".kk-quiz script, .kk-quiz img, .kk-quiz iframe, .kk-quiz svg, .kk-quiz style").count() == 0
    expect(page.locator('fieldset[data-qid="q0"] legend')).to_contain_text("<script>window.__pwned")
    expect(page.locator("body")).to_be_visible()
