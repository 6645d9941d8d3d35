"""Every error newspkg raises, in one hierarchy.

```
NewspkgError                      base of all; carries .problems
├── ValidationError  (ValueError)    values break a model rule, or a native JSON
│   │                                document has wrong/missing/unknown keys
│   └── DuplicateIdError             composed JSON-LD would give two nodes one @id
├── ParseError       (ValueError)    input is not well-formed for its format
│   │                                (not JSON, broken JSON-LD, bad HTML block)
│   ├── RemoteContextError           JSON-LD names a context newspkg does not
│   │                                bundle; nothing is fetched
│   └── LimitExceededError           input larger or more deeply nested than
│                                    the documented limits
└── NoArticleError   (LookupError)   well-formed input with no article in it
```

Each error holds one or more `Problem`s, each a path into the input (JSON path
style, ``authors[1].url``; ``$`` for the whole input) and a message in plain
words. ``str(error)`` lists them all, one per line. Errors subclass the
builtin they refine, so ``except ValueError`` keeps working.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

__all__ = [
    "DuplicateIdError",
    "LimitExceededError",
    "NewspkgError",
    "NoArticleError",
    "ParseError",
    "Problem",
    "RemoteContextError",
    "ValidationError",
]


@attrs.frozen(kw_only=True)
class Problem:
    """One thing wrong with an input: where (``path``) and what (``message``)."""

    path: str
    message: str

    def __str__(self) -> str:
        # A page-level problem has no path (``""``): no root marker to show.
        return f"{self.path}: {self.message}" if self.path else self.message

    def under(self, prefix: str) -> Problem:
        """Return this problem with its path placed below ``prefix``.

        >>> Problem(path="url", message="not an absolute URL").under("authors[1]")
        Problem(path='authors[1].url', message='not an absolute URL')
        """
        return Problem(path=join_path(prefix, self.path), message=self.message)


def join_path(prefix: str, path: str) -> str:
    """Join two JSON-style paths: ``join_path("authors[1]", "url") == "authors[1].url"``."""
    if not prefix or prefix == "$":
        return path
    if not path or path == "$":
        return prefix
    if path.startswith("["):
        return prefix + path
    return f"{prefix}.{path}"


class NewspkgError(Exception):
    """Base class of every error newspkg raises.

    Args:
        problems: what is wrong, either as `Problem`s or as one message.
        path: where, when ``problems`` is a single message (default ``$``).
    """

    problems: tuple[Problem, ...]

    def __init__(self, problems: str | Iterable[Problem], *, path: str = "$") -> None:
        if isinstance(problems, str):
            self.problems = (Problem(path=path, message=problems),)
        else:
            self.problems = tuple(problems)
        super().__init__(self._summary())

    def __reduce__(self) -> tuple[type[NewspkgError], tuple[tuple[Problem, ...]]]:
        # Exception pickles as ``cls(*args)``, and args holds the summary text, which would
        # be read back as one message at "$" (gaining a "$: " prefix per round trip).
        # Rebuilding from the problems keeps the class, the problems and the text exact.
        return type(self), (self.problems,)

    def _summary(self) -> str:
        if len(self.problems) == 1:
            return str(self.problems[0])
        lines = [f"{len(self.problems)} problems:"]
        lines.extend(f"  {problem}" for problem in self.problems)
        return "\n".join(lines)

    def under(self, prefix: str) -> NewspkgError:
        """Return an error of the same class with every path placed below ``prefix``."""
        # Subclasses take no extra constructor arguments, so this keeps their class.
        return type(self)([problem.under(prefix) for problem in self.problems])


class ValidationError(NewspkgError, ValueError):
    """Values break a model rule, or a native JSON document does not fit the format.

    ``problems`` lists every rule broken, each with the field path, e.g.
    ``authors[1].url: not an absolute http(s) URL``.
    """


class DuplicateIdError(ValidationError):
    """Extra JSON-LD nodes would give two nodes one ``@id`` (see `newspkg.compose_graph`).

    JSON-LD merges nodes that share an ``@id``, so a product that reused the article's
    ``@id`` would silently become part of the article.
    """


class ParseError(NewspkgError, ValueError):
    """The input is not well-formed for the format it claims (JSON, JSON-LD, HTML)."""


class RemoteContextError(ParseError):
    """A JSON-LD document names a remote ``@context`` that newspkg does not bundle.

    newspkg never touches the network: only schema.org's context is known.
    """


class LimitExceededError(ParseError):
    """The input is larger, or nested more deeply, than newspkg's documented limits."""


class NoArticleError(NewspkgError, LookupError):
    """The input is well-formed but holds no article."""
