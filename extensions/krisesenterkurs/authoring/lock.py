"""What the last publishing build published, and what has changed since without a new version.

`quizzes/published.lock.json` (next to the banks, outside docs_dir so no engine
publishes it) records, for every published module, its version and a hash of
each of its pages, and for every bank the version of its module and a hash of
each question. `krisesenterkurs lock` writes it (scripts/build.sh runs it after
a successful publishing build; the editor commits it). `check` compares the
course against it: a module or bank whose content changed while its module's
`version` is not higher than the one recorded, or has no `changes` entry for the
new version, is a warning, and an error for the publishing build (`check --publish`).
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from ..core.errors import Problem
from ..core.say import say
from ..core.settings import Settings
from ..core.yamlfile import display_path
from ..course.modules import Module
from ..quiz.banks import LoadedBank

LOCK_FILE = "published.lock.json"
ABOUT = (
    "What the last publishing build published: each module's version and pages, each bank's questions. "
    "Written by 'krisesenterkurs lock' (scripts/build.sh runs it); commit it. 'check' compares the course with it."
)


def lock_path(settings: Settings) -> Path:
    return settings.quizzes / LOCK_FILE


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def _pages(module: Module) -> dict[str, str]:
    folder = module.path.parent
    return {p.name: _hash(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.md"))}


def _bank_settings(loaded: LoadedBank) -> str:
    return _hash(json.dumps({"title": loaded.bank.title, "pass_mark": loaded.bank.pass_mark}, ensure_ascii=False))


def snapshot(modules: list[Module], banks: dict[str, LoadedBank]) -> dict:
    """The lock file's content for the published (not draft) modules and their banks."""
    published = [m for m in modules if not m.meta.draft]
    return {
        "about": ABOUT,
        "modules": {
            m.folder: {"version": m.meta.version, "bank": m.meta.bank, "pages": _pages(m)}
            for m in sorted(published, key=lambda m: m.folder)
        },
        "banks": {
            m.meta.bank: {
                "version": m.meta.version,
                "settings": _bank_settings(banks[m.meta.bank]),
                "questions": {q.id: q.content_hash() for q in banks[m.meta.bank].bank.questions},
            }
            for m in sorted(published, key=lambda m: m.meta.bank)
            if m.meta.bank in banks
        },
    }


def write_lock(settings: Settings, modules: list[Module], banks: dict[str, LoadedBank]) -> Path:
    target = lock_path(settings)
    text = json.dumps(snapshot(modules, banks), ensure_ascii=False, indent=2) + "\n"
    target.write_text(text, encoding="utf-8")
    return target


def read_lock(settings: Settings) -> dict | None:
    """The recorded publication, or None when the course has none yet (or it cannot be read: `check`
    says so)."""
    target = lock_path(settings)
    if not target.exists():
        return None
    try:
        data = json.loads(target.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError):
        return {}
    return data if isinstance(data, dict) else {}


def _mapping(value: object) -> dict:
    return value if isinstance(value, dict) else {}


def _version(text: str) -> tuple[int, ...]:
    try:
        return tuple(int(part) for part in str(text).split("."))
    except ValueError:
        return ()


def next_version(text: str) -> str:
    """The next minor version: "1.2" -> "1.3"."""
    parts = _version(text) or (0, 0)
    major, minor = parts[0], parts[1] if len(parts) > 1 else 0
    return f"{major}.{minor + 1}"


def _line_of(path: Path, qid: str) -> int | None:
    pattern = re.compile(rf"^\s*-\s+id:\s*['\"]?{re.escape(qid)}['\"]?\s*$")
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if pattern.match(line):
            return number
    return None


def _bank_changes(locked: dict, loaded: LoadedBank) -> tuple[str, int | None]:
    """What changed in a bank since it was published, in an editor's words, and the line to look at."""
    old = _mapping(locked.get("questions"))
    new = {q.id: q.content_hash() for q in loaded.bank.questions}
    edited = [q for q in new if q in old and old[q] != new[q]]
    added = [q for q in new if q not in old]
    removed = [q for q in old if q not in new]
    parts = []
    if edited:
        parts.append(say("lock_edited", ids=", ".join(edited)))
    if added:
        parts.append(say("lock_added", ids=", ".join(added)))
    if removed:
        parts.append(say("lock_removed", ids=", ".join(removed)))
    common_new = [q for q in new if q in old]
    common_old = [q for q in old if q in new]
    if common_new != common_old:
        parts.append(say("lock_reordered"))
    if locked.get("settings") != _bank_settings(loaded):
        parts.append(say("lock_bank_settings"))
    first = (edited + added)[:1]
    line = _line_of(loaded.path, first[0]) if first else None
    return "; ".join(parts), line


def lock_problems(settings: Settings, modules: list[Module], banks: dict[str, LoadedBank]) -> list[Problem]:
    """Content changed since the last publication without a higher version and a `changes` entry for it."""
    lock = read_lock(settings)
    if lock is None:
        return []  # nothing published yet: the first publishing build writes the lock
    if not lock or not isinstance(lock.get("modules"), dict) or not isinstance(lock.get("banks"), dict):
        return [
            Problem(
                display_path(lock_path(settings)),
                None,
                say("lock_unreadable"),
            )
        ]
    problems: list[Problem] = []
    for m in modules:
        locked = lock["modules"].get(m.folder)
        if m.meta.draft or not isinstance(locked, dict):
            continue  # a draft, or a module never published: nothing to compare with
        published = str(locked.get("version", ""))
        changed: list[tuple[str, int | None, str]] = []  # (file, line, what changed)
        old_pages = _mapping(locked.get("pages"))
        new_pages = _pages(m)
        folder = m.path.parent
        for name, digest in new_pages.items():
            if name not in old_pages:
                changed.append((display_path(folder / name), None, say("lock_page_new")))
            elif old_pages[name] != digest:
                changed.append((display_path(folder / name), None, say("lock_page_changed")))
        for name in old_pages:
            if name not in new_pages:
                changed.append((display_path(m.path), None, say("lock_page_removed", name=name)))
        loaded = banks.get(m.meta.bank)
        if loaded is not None:
            locked_bank = lock["banks"].get(m.meta.bank)
            if not isinstance(locked_bank, dict):
                changed.append((display_path(loaded.path), None, say("lock_new_bank", id=m.meta.bank)))
            else:
                what, line = _bank_changes(locked_bank, loaded)
                if what:
                    changed.append((display_path(loaded.path), line, what))
        if not changed:
            continue
        raised = _version(m.meta.version) > _version(published)
        noted = any(c.version == m.meta.version for c in m.meta.changes)
        if raised and noted:
            continue
        module_yml = display_path(m.path)
        if raised:
            fix = say("lock_fix_changes", version=m.meta.version, file=module_yml)
        else:
            fix = say("lock_fix_version", file=module_yml, version=next_version(published))
        for file, line, what in changed:
            problems.append(Problem(file, line, say("lock_changed", what=what, version=published, fix=fix)))
    return problems
