"""Where each question, option and field of a bank file starts: for checks made after validation.

The model knows no lines; the YAML node tree does. Checks that look at a valid bank as
a whole (item writing, «Les mer» links) use this to point editors to the exact line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..core.yamlfile import read_yaml


@dataclass
class BankLines:
    questions_key: int | None = None
    questions: dict[int, int] = field(default_factory=dict)
    options: dict[tuple[int, int], int] = field(default_factory=dict)
    fields: dict[tuple[int, str], int] = field(default_factory=dict)

    def question(self, qi: int) -> int | None:
        return self.questions.get(qi)

    def option(self, qi: int, oi: int) -> int | None:
        return self.options.get((qi, oi)) or self.question(qi)

    def field(self, qi: int, name: str) -> int | None:
        return self.fields.get((qi, name)) or self.question(qi)


def bank_lines(path: Path) -> BankLines:
    _, root = read_yaml(path)
    found = BankLines()
    if not isinstance(root, yaml.MappingNode):
        return found
    for key, value in root.value:
        if key.value != "questions" or not isinstance(value, yaml.SequenceNode):
            continue
        found.questions_key = key.start_mark.line + 1
        for qi, qnode in enumerate(value.value):
            found.questions[qi] = qnode.start_mark.line + 1
            if not isinstance(qnode, yaml.MappingNode):
                continue
            for qkey, qvalue in qnode.value:
                found.fields[(qi, qkey.value)] = qkey.start_mark.line + 1
                if qkey.value == "options" and isinstance(qvalue, yaml.SequenceNode):
                    for oi, onode in enumerate(qvalue.value):
                        found.options[(qi, oi)] = onode.start_mark.line + 1
    return found
