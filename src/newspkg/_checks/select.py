"""Which findings `check` reports: codes selected and ignored, and a minimum severity.

CI runs want a stable, chosen set of findings: fail on what the team fixes, keep quiet about
the rest. Codes are named as registered (``missing-image``) or by family (``google``, the
`Group` values). Opt-in codes (nothing to fix, such as ``schema-pending-term``) are reported
only when named themselves.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

import attrs

from newspkg._checks.findings import CODES, Finding, Group, Severity
from newspkg._validation import as_enum
from newspkg.errors import Problem, ValidationError

__all__ = ["Selection", "severity_rank"]

_RANK: Final = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}
_GROUPS: Final = {group.value: group for group in Group}


def severity_rank(severity: Severity) -> int:
    """Order of severities: info < warning < error."""
    return _RANK[severity]


@attrs.frozen
class Selection:
    """The codes to report and the lowest severity shown, worked out once per `check` call."""

    codes: frozenset[str]
    min_rank: int

    @classmethod
    def of(
        cls,
        *,
        select: Iterable[str] | None,
        ignore: Iterable[str],
        min_severity: Severity | str,
    ) -> Selection:
        """Validate the options; unknown names raise `ValidationError` with their place."""
        problems: list[Problem] = []
        if isinstance(select, str) or isinstance(ignore, str):
            raise ValidationError("select and ignore take a list of codes, not one string")
        if select is None:
            chosen = {name for name, code in CODES.items() if not code.opt_in}
        else:
            chosen = set()
            for index, name in enumerate(select):
                chosen |= _codes(name, f"select[{index}]", problems, with_opt_in=False)
        for index, name in enumerate(ignore):
            chosen -= _codes(name, f"ignore[{index}]", problems, with_opt_in=True)
        severity = as_enum(Severity, min_severity)
        if not isinstance(severity, Severity):
            allowed = ", ".join(repr(member.value) for member in Severity)
            problems.append(
                Problem(
                    path="min_severity",
                    message=f"expected one of {allowed}, got {min_severity!r}",
                )
            )
        if problems:
            raise ValidationError(problems)
        return cls(codes=frozenset(chosen), min_rank=_RANK[severity])

    def keeps(self, item: Finding) -> bool:
        """Whether ``item`` is reported."""
        return item.code in self.codes and _RANK[item.severity] >= self.min_rank


def _codes(name: object, path: str, problems: list[Problem], *, with_opt_in: bool) -> set[str]:
    """The codes ``name`` stands for: itself, or the codes of a family (opt-in ones if asked)."""
    if not isinstance(name, str):
        problems.append(Problem(path=path, message=f"expected a code, got {name!r}"))
        return set()
    key = name.strip().lower()
    if key in CODES:
        return {key}
    if key in _GROUPS:
        group = _GROUPS[key]
        return {
            n
            for n, code in CODES.items()
            if code.group is group and (with_opt_in or not code.opt_in)
        }
    families = ", ".join(_GROUPS)
    problems.append(
        Problem(
            path=path,
            message=f"unknown code {name!r}: give a code listed in docs/checks.md "
            f"or a family ({families})",
        )
    )
    return set()
