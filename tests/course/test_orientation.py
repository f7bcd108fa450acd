"""How long a module's pages take (course/orientation.py), and the lines that say so."""

import markdown
import pytest

from krisesenterkurs.core.errors import CourseError
from krisesenterkurs.core.settings import Settings
from krisesenterkurs.course import orientation
from krisesenterkurs.course.orientation import PageTime, count_words, page_time
from tests.support import ROOT


@pytest.fixture(scope="module")
def course():
    return Settings.load(ROOT / "mkdocs.yml")


def test_words_are_what_a_reader_reads_not_the_markup():
    text = "\n".join(
        [
            "# Tittel her",
            "",
            'Les [mer om dette](side.md#anker) og <span class="x">her</span>. {: .stor }',
            "",
            "/// quiz | mandat",
            "    questions: [a, b]",
            "///",
            "",
            "```yaml",
            "kode: teller ikke",
            "```",
            "*[NAV]: Arbeids- og velferdsforvaltningen",
            "- punkt – ett",
        ]
    )
    # Tittel her / Les mer om dette og her. / punkt ett: the dash is no word.
    assert count_words(text) == 2 + 6 + 2


def test_reading_speed_and_quiz_questions_make_the_minutes():
    assert PageTime(words=0, questions=0).minutes == 1  # never «ca. 0 min»
    assert PageTime(words=orientation.READING_SPEED * 3, questions=0).minutes == 3
    assert PageTime(words=orientation.READING_SPEED * 3 + 1, questions=0).minutes == 4  # rounded up
    assert PageTime(words=100, questions=12).minutes == 13


def test_a_quiz_counts_the_questions_it_places(course):
    banks = orientation.course_banks(course)
    whole = page_time(course, "# Quiz\n\n/// quiz | mandat\n///\n")
    assert whole.questions == len(banks["mandat"].bank.questions)
    some = page_time(course, "# Quiz\n\n/// quiz | mandat\n    questions: [mer-enn-bolig, bolig-flaskehals]\n///\n")
    assert some.questions == 2


def test_a_scenario_counts_its_longest_way_to_an_ending_once(course):
    from krisesenterkurs.scenario.scenarios import course_scenarios

    scenario = course_scenarios(course)["nav-ringer"].scenario
    with_it = page_time(course, "# Samtaletrening\n\n/// scenario | nav-ringer\n///\n")
    every_word = count_words(scenario.intro) + sum(
        count_words(n.text) + sum(count_words(c.text) + count_words(c.feedback) for c in n.choices or ())
        for n in scenario.nodes
    )
    assert count_words("# Samtaletrening") + count_words(scenario.intro) < with_it.words < every_word


def test_every_module_sums_its_learning_pages_in_the_learners_order(course):
    times = orientation.course_times(course)
    assert [t.module.folder for t in times] == [m.folder for m in orientation.course_modules(course)]
    for t in times:
        assert t.pages[0].endswith("/index.md") and t.pages[-1].endswith("/quiz.md")
        assert not any(p.endswith(("workshopleder.md", "gruppe.md", "utdelingsark.md")) for p in t.pages)
        assert t.total == sum(t.minutes) and all(m >= 1 for m in t.minutes)


def test_rounded_times():
    assert orientation.rounded(47) == 45 and orientation.rounded(48) == 50 and orientation.rounded(2) == 5


def render(course, text, page=None):
    from krisesenterkurs.core import page as current_page

    current_page.set_mkdocs_page(str(course.docs / page) if page else None)
    md = markdown.Markdown(
        extensions=["toc", "krisesenterkurs.progress"],
        extension_configs={"krisesenterkurs.progress": {"config_file": str(course.config_file)}},
    )
    return md.convert(text)


def test_a_learning_page_says_its_place_and_time_and_the_first_lists_the_pages(course):
    t = orientation.course_times(course)[0]
    html = render(course, "# Side\n\nTekst.\n\n## Del\n", t.pages[2])
    assert (
        f'<h1 id="side">Side</h1>\n<p class="kk-orientation">Side 3 av {len(t.pages)} · ca. {t.minutes[2]} min</p>'
        in html
    )
    assert "kk-pages" not in html
    first = render(course, "# Modul\n\nInnledning.\n\n## Læringsmål\n", t.pages[0])
    assert first.index("Innledning.") < first.index('class="kk-pages"') < first.index("Læringsmål")
    assert f"Modulen tar ca. {orientation.rounded(t.total)} minutter i alt." in first
    assert first.count('class="kk-pages__status"') == len(t.pages)
    # A page outside the modules, or a facilitator's, has neither.
    for other in ("ordliste.md", t.pages[0].replace("index.md", "workshopleder.md"), None):
        assert "kk-orientation" not in render(course, "# Side\n", other)


def test_course_time_block_renders_the_computed_times_and_refuses_a_wrong_name(course):
    low, high = orientation.module_range(course)
    assert f"Hver modul tar ca. {low}–{high} minutter." in render(course, "/// course-time | modules\n///\n")
    hours = f"{orientation.course_hours(course):g}".replace(".", ",")
    assert f"Hele kurset tar ca. {hours} timer." in render(course, "/// course-time\n///\n")
    t = orientation.course_times(course)[0]
    assert f"Modulen tar ca. {orientation.rounded(t.total)} minutter." in render(
        course, f"/// course-time | {t.module.folder}\n///\n"
    )
    with pytest.raises(CourseError, match="viser til modulen «mandatt», som ikke finnes"):
        render(course, "/// course-time | mandatt\n///\n")


def test_the_course_pages_place_the_computed_times_instead_of_writing_them():
    """«Hele kurset tar …» and «Hver modul tar …» are rendered, so they cannot drift from the pages."""
    for page in ("index.md", "bruk-av-kurset.md"):
        text = (ROOT / "course" / page).read_text(encoding="utf-8")
        assert "/// course-time" in text, page
        assert "minutter" not in text.split("/// course-time")[0].rsplit("\n\n", 1)[-1], page
