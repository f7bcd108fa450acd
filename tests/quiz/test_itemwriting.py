"""Item-writing checks: each rule trips on a bank with the flaw and stays quiet on a sound one."""

import textwrap

import pytest

from krisesenterkurs.quiz.banks import load_bank
from krisesenterkurs.quiz.itemwriting import item_flaws


def single(qid, options, key):
    lines = [f"  - id: {qid}", "    type: single", "    prompt: Spørsmål?", "    options:"]
    for i, text in enumerate(options):
        lines.append(f"      - text: {text}")
        if i == key:
            lines.append("        correct: true")
    lines += ["    explanation: Forklaring.", "    source: Kilde."]
    return "\n".join(lines)


def truefalse(qid, prompt, answer):
    return "\n".join(
        [
            f"  - id: {qid}",
            "    type: truefalse",
            f"    prompt: {prompt}",
            f"    answer: {'true' if answer else 'false'}",
            "    explanation: Forklaring.",
            "    source: Kilde.",
        ]
    )


# Options of equal length, keys in varied places: the sound baseline every test edits.
SOUND = [
    single("a", ["Kommunen har ansvaret", "Staten har ansvaret", "NAV har ansvaret"], 0),
    single("b", ["Helsestasjonen gjør det", "Barnevernet gjør det", "Skolen gjør det nå"], 1),
    single("c", ["Boligkontoret hjelper", "Fastlegen hjelper nå", "Krisesenteret hjelper"], 2),
    truefalse("d", "Kommunen har det overordnede ansvaret.", True),
    truefalse("e", "Krisesenteret er et behandlingssted.", False),
]


@pytest.fixture(autouse=True)
def _in_the_course(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # messages name files relative to where the editor runs check


def flaws(tmp_path, questions):
    path = tmp_path / "bank.yml"
    path.write_text("id: b\ntitle: B\nquestions:\n" + "\n".join(questions) + "\n", encoding="utf-8")
    return [str(p) for p in item_flaws(load_bank(path), path)]


def test_a_sound_bank_has_no_flaw(tmp_path):
    assert flaws(tmp_path, SOUND) == []


def test_the_key_as_the_longest_option_in_most_questions(tmp_path):
    questions = [
        single("a", ["Kommunen har ansvaret for det", "Staten har ansvaret", "NAV har ansvaret"], 0),
        single("b", ["Helsestasjonen", "Barnevernet gjør det, sammen med andre", "Skolen gjør det"], 1),
        single("c", ["Boligkontoret hjelper", "Fastlegen hjelper", "Krisesenteret hjelper"], 2),
        *SOUND[3:],
    ]
    found = flaws(tmp_path, questions)
    assert any("det riktige alternativet er det lengste i 2 av 3" in f and "(a, b)" in f for f in found), found
    assert all(f.startswith("bank.yml:3: det riktige alternativet") for f in found if "longest in" in f)  # 'questions:'


def test_a_key_half_again_as_long_as_every_distractor(tmp_path):
    long_key = "Kommunen, som skal samordne NAV, bolig og helse"
    questions = [single("a", [long_key, "Staten har ansvaret", "NAV har ansvaret"], 0), *SOUND[1:]]
    found = flaws(tmp_path, questions)
    # Reported on the key's own line, with the question.
    assert any(
        f.startswith("bank.yml:8: spørsmål «a»: det riktige alternativet er 2,5 ganger så langt") for f in found
    ), found
    just_under = "Kommunen har ansvaret, ja."  # 26 characters against 19: under 1.5 ×
    assert not any(
        "ganger så langt" in f
        for f in flaws(tmp_path, [single("a", [just_under, "Staten har ansvaret", "NAV har ansvaret"], 0), *SOUND[1:]])
    )


def test_the_key_in_the_same_place_in_most_questions(tmp_path):
    questions = [
        single("a", ["Staten har ansvaret", "Kommunen har ansvaret", "NAV har ansvaret"], 1),
        single("b", ["Helsestasjonen gjør det", "Barnevernet gjør det", "Skolen gjør det nå"], 1),
        single("c", ["Boligkontoret hjelper", "Krisesenteret hjelper", "Fastlegen hjelper nå"], 1),
        *SOUND[3:],
    ]
    assert any("det riktige alternativet er nummer 2 i 3 av 3" in f for f in flaws(tmp_path, questions))


@pytest.mark.parametrize(("trues", "falses", "flagged"), [(3, 1, True), (1, 3, True), (2, 1, False), (2, 2, False)])
def test_true_false_keys_unbalanced_beyond_two_to_one(tmp_path, trues, falses, flagged):
    statements = [truefalse(f"s{i}", "Påstanden stemmer.", True) for i in range(trues)]
    statements += [truefalse(f"u{i}", "Påstanden stemmer ikke.", False) for i in range(falses)]
    found = [f for f in flaws(tmp_path, SOUND[:3] + statements) if "sant/usant-påstandene" in f]
    assert bool(found) is flagged, found
    if flagged:
        assert f"{trues} av de {trues + falses} sant/usant-påstandene er sanne" in found[0]
        assert ("«Sant»" if trues > falses else "«Usant»") in found[0]


@pytest.mark.parametrize("text", ["Alle de over", "ingen av de ovenfor.", "Alt det ovenfor", "Begge deler"])
def test_options_that_point_at_the_others(tmp_path, text):
    questions = [single("a", ["Kommunen har ansvaret", "Staten har ansvaret", text], 0), *SOUND[1:]]
    found = flaws(tmp_path, questions)
    assert any(
        f.startswith("bank.yml:11: spørsmål «a»: svaralternativet «") and "viser til de andre" in f for f in found
    ), found


def test_an_option_that_only_mentions_all_is_not_flagged(tmp_path):
    questions = [single("a", ["Alle tjenestene samarbeider", "Staten har ansvaret", "NAV har ansvaret"], 1), *SOUND[1:]]
    assert not any("viser til de andre" in f for f in flaws(tmp_path, questions))


def test_duplicate_options(tmp_path):
    questions = [single("a", ["Kommunen har ansvaret", "NAV har ansvaret", "kommunen har ansvaret."], 0), *SOUND[1:]]
    assert any("spørsmål «a»: alternativ 1 og 3 sier det samme" in f for f in flaws(tmp_path, questions))


@pytest.mark.parametrize("word", ["alltid", "aldri", "kun", "bare", "ingen"])
def test_a_false_statement_carried_by_an_absolute(tmp_path, word):
    questions = [*SOUND[:4], truefalse("e", f"Krisesenteret er {word} et bosted.", False)]
    found = flaws(tmp_path, questions)
    assert any(f"spørsmål «e»: en usann påstand med «{word}»" in f for f in found), found


def test_a_true_statement_with_an_absolute_is_not_flagged(tmp_path):
    questions = [*SOUND[:3], truefalse("d", "Kommunen har alltid det overordnede ansvaret.", True), SOUND[4]]
    assert flaws(tmp_path, questions) == []


def test_the_course_banks_are_checked_by_check(tmp_path):
    from krisesenterkurs.authoring.check import check
    from krisesenterkurs.core.settings import Settings
    from tests.support import small_course

    config = small_course(tmp_path / "kurs")
    settings = Settings.load(config)
    bank = settings.quizzes / "test.yml"
    bank.write_text(
        bank.read_text(encoding="utf-8")
        + textwrap.indent(truefalse("ekstra", "Krisesenteret er aldri åpent om natten.", False), "")
        + "\n",
        encoding="utf-8",
    )
    _, warnings = check(settings)
    assert any("spørsmål «ekstra»: en usann påstand med «aldri»" in str(w) for w in warnings), warnings
