"""A scenario's HTML: whole (golden file), readable without JavaScript, and nothing in it runs."""

import re
from pathlib import Path

from krisesenterkurs.scenario.render import render_scenario
from krisesenterkurs.scenario.scenarios import load_scenario
from tests.golden import assert_golden
from tests.scenarios import VALID, write

HERE = Path(__file__).parent / "golden"


def html_of(tmp_path, text=VALID, **options):
    return render_scenario(load_scenario(write(tmp_path, text)), lang="nb", uid="kks1-telefon", **options)


def test_rendered_scenario_matches_the_golden_file(tmp_path):
    html = html_of(tmp_path, learn_more=lambda target: ("../" + target.replace(".md", "/"), "Krisesenterets tilbud"))
    assert_golden(html + "\n", HERE / "telefon-nb.html")


def test_without_javascript_every_node_and_where_each_choice_leads_can_be_read(tmp_path):
    html = html_of(tmp_path)
    ids = set(re.findall(r'<li class="kk-scenario__node" id="([^"]+)"', html))
    assert ids == {f"kks1-telefon-{n}" for n in ("start", "avklare", "slutt-god", "slutt-blandet", "slutt-darlig")}
    links = re.findall(r'<p class="kk-scenario__go"><a href="#([^"]+)">', html)
    assert len(links) == 4 and set(links) <= ids
    # Feedback names its tags in words, not by colour alone.
    assert 'Åpner<span class="kk-tag__kind"> (hjelper)</span>' in html
    assert 'Lukker<span class="kk-tag__kind"> (hjelper ikke)</span>' in html
    assert "God slutt: Et godt samarbeid" in html and "Dårlig slutt: En lukket dør" in html


def test_hostile_text_is_shown_as_text(tmp_path):
    text = VALID.replace(
        "text: Hva kan hun få hos dere, da?",
        'text: "<script>alert(1)</script> [x](javascript:alert(2)) <img src=x onerror=alert(3)>"',
    ).replace("role: Du er ansatt ved krisesenteret.", 'role: "<b onclick=alert(4)>Rolle</b>"')
    html = html_of(tmp_path, text)
    assert "<script>" not in html and "javascript:" not in html and "<img" not in html and "<b onclick" not in html
    assert "&lt;script&gt;" in html and "&lt;b onclick=alert(4)&gt;" in html
