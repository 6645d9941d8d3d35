"""Bounding the work of JSON-LD context processing: a reused schema.org context and a budget.

Processing a context means copying the active context's term definitions and defining each
term of the new one; schema.org's context has about 3,000 terms, so each processing of it
costs tens of milliseconds. pyld caches a processed context per *active* context, which
helps only when the same context is applied to the same active context again. A document
that repeats the context (``"@context": ["https://schema.org", "https://schema.org", ...]``)
or carries it on every nested node applies it each time to the result of the previous
application, a new active context, so pyld processed it once per repeat.

Two measures keep that work linear in the input:

* **The bundled context is applied once.** Applying schema.org's context to an active
  context that already is its result changes nothing: every term is defined again exactly
  as it was, ``@vocab`` is absolute, and the bundled context sets no ``@base``,
  ``@language``, ``@propagate``, ``@import`` or protected terms. So each processed result is
  also recorded as its own result (`ProcessedCache`), and the repeats cost a cache lookup.
* **A work budget** (`WorkBudget`) charges every context processing pyld really does (terms
  defined, term definitions copied) and every context it resolves, and stops the operation
  with `LimitExceededError` once the charge passes what the document's size allows
  (`WORK_BASE` + `WORK_PER_VALUE` per JSON value). Ordinary pages use a small fraction.

This module knows pyld's objects only by shape (a ``cache`` attribute on resolved contexts,
processed contexts as mappings with ``_uuid`` and ``mappings``), so
`newspkg._jsonld.processing` stays the only module that imports pyld.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator, Mapping, MutableMapping
from typing import Final

from newspkg.errors import LimitExceededError

__all__ = [
    "COPIES_PER_UNIT",
    "RESOLVE_COST",
    "TERM_COST",
    "WORK_BASE",
    "WORK_PER_VALUE",
    "ProcessedCache",
    "WorkBudget",
    "attach_cache",
]

# A work unit is roughly a microsecond of pyld's time (measured on CPython 3.11).
TERM_COST: Final = 20
"""Work units charged per term a context defines."""
COPIES_PER_UNIT: Final = 4
"""Term definitions copied (and kept in memory) per work unit charged."""
RESOLVE_COST: Final = 4
"""Work units charged per context resolved, plus one per key of an inline context."""
WORK_BASE: Final = 150_000
"""Work units every JSON-LD operation may spend whatever its size: schema.org's context
processed twice from scratch, with room to spare."""
WORK_PER_VALUE: Final = 20
"""Further work units allowed per JSON value of the document."""
_PROCESSED_SLOTS: Final = 64  # pyld keeps 10; more keep a page's few active contexts warm


class WorkBudget:
    """The work one JSON-LD operation may still do, charged as pyld processes contexts.

    Args:
        values: how many JSON values the document holds (`MAX_VALUES` bounds it).

    >>> budget = WorkBudget(values=1)
    >>> budget.limit == WORK_BASE + WORK_PER_VALUE
    True
    """

    def __init__(self, *, values: int) -> None:
        self.limit = WORK_BASE + WORK_PER_VALUE * values
        self.spent = 0
        self.processings = 0

    def charge(self, units: int) -> None:
        """Add ``units`` of work; raise once the budget is exceeded.

        Raises:
            LimitExceededError: the document costs more than its size allows.
        """
        self.spent += units
        if self.spent > self.limit:
            raise LimitExceededError(
                "JSON-LD context processing would take more work than the document's size "
                f"allows (over {self.limit:,} units for this document; repeated or nested "
                "@context entries, or scoped contexts applied to many nodes)",
                path="@context",
            )

    def charge_processing(self, local_terms: int, active_terms: int) -> None:
        """Charge one real processing: ``local_terms`` defined on a copy of ``active_terms``."""
        self.processings += 1
        self.charge(TERM_COST * local_terms + active_terms // COPIES_PER_UNIT)


# The budget of the operation running now. pyld calls are serialised by a lock in
# newspkg._jsonld.processing, so one slot is enough; None outside an operation.
_current: WorkBudget | None = None


def current_budget() -> WorkBudget | None:
    """The budget of the running JSON-LD operation, if any."""
    return _current


def set_budget(budget: WorkBudget | None) -> None:
    """Make ``budget`` the running operation's budget (None when it ends)."""
    global _current  # noqa: PLW0603 (one slot, guarded by processing's lock)
    _current = budget


def charge_resolve(context: object) -> None:
    """Charge the resolution of one ``@context`` value (a URL, an object or an array)."""
    budget = _current
    if budget is None:
        return
    entries = context if isinstance(context, list) else [context]
    units = 0
    for entry in entries:
        units += RESOLVE_COST + (len(entry) if isinstance(entry, Mapping) else 0)
    budget.charge(units)


class ProcessedCache(MutableMapping[str, object]):
    """A resolved context's processed results, keyed by the active context's ``_uuid``.

    Stands in for pyld's per-context LRU: it charges the running budget for every result
    stored (each one means pyld really processed the context), and, when ``idempotent``,
    also records each result as the result of applying the context to itself.

    Args:
        local_terms: how many terms the context defines (what a processing costs).
        idempotent: applying the context to its own result gives that result again
            (true of the bundled schema.org context; see the module docstring).
    """

    def __init__(self, *, local_terms: int, idempotent: bool) -> None:
        self.local_terms = local_terms
        self.idempotent = idempotent
        self._entries: OrderedDict[str, object] = OrderedDict()

    def __getitem__(self, key: str) -> object:
        value = self._entries[key]
        self._entries.move_to_end(key)
        if self.idempotent and isinstance(value, Mapping):
            # Keep the result's own entry as fresh as the hit: else other contexts can push
            # it out alone, and the context applied again to its result is processed again.
            own = value.get("_uuid")
            if isinstance(own, str) and own != key:
                self._store(own, value)
        return value

    def get(self, key: str, default: object = None) -> object:
        """Return the processed context for active context ``key``, or ``default``."""
        try:
            return self[key]
        except KeyError:
            return default

    def __setitem__(self, key: str, value: object) -> None:
        budget = _current
        if budget is not None:
            budget.charge_processing(self.local_terms, _terms(value))
        self._store(key, value)
        if self.idempotent and isinstance(value, Mapping):
            own = value.get("_uuid")
            if isinstance(own, str):
                self._store(own, value)

    def _store(self, key: str, value: object) -> None:
        self._entries[key] = value
        self._entries.move_to_end(key)
        while len(self._entries) > _PROCESSED_SLOTS:
            self._entries.popitem(last=False)

    def __delitem__(self, key: str) -> None:
        del self._entries[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)


def _terms(processed: object) -> int:
    if isinstance(processed, Mapping):
        mappings = processed.get("mappings")
        if isinstance(mappings, Mapping):
            return len(mappings)
    return 0


def attach_cache(resolved: object, *, idempotent: bool) -> None:
    """Give a pyld resolved context a `ProcessedCache`, once; keeps what it already holds."""
    cache = getattr(resolved, "cache", None)
    if isinstance(cache, ProcessedCache):
        return
    document = getattr(resolved, "document", None)
    if isinstance(document, Mapping) and isinstance(document.get("@context"), Mapping):
        document = document["@context"]
    terms = len(document) if isinstance(document, Mapping) else 0
    replacement = ProcessedCache(local_terms=terms, idempotent=idempotent)
    if isinstance(cache, Mapping):
        for key, value in cache.items():
            replacement._store(key, value)  # carried over, not charged again
    resolved.cache = replacement  # type: ignore[attr-defined]
