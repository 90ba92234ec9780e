"""tetsuzuki for Python: the UniFFI bindings of the Rust core (values cross as JSON text).

The module itself is generated into ``generated/`` (with the shared library beside it): by
``scripts/gen-python`` in the source tree, by maturin in a wheel. This package re-exports it
and gives its records a ``repr`` that shows their fields. The ``tetsuzuki`` package next to it
wraps it to take and give native Python values.
"""

import dataclasses as _dataclasses
import inspect as _inspect
from typing import Any as _Any
from typing import Tuple as _Tuple

from .generated import tetsuzuki_bindings as generated_module
from .generated.tetsuzuki_bindings import *  # noqa: F401,F403
from .generated.tetsuzuki_bindings import (  # noqa: F401
    Catalog,
    CatalogSummary,
    InternalError,
    Journey,
    Profile,
    Session,
    TetsuzukiError,
    catalog_summary,
    check_value,
    recover_profile,
)


def _record_repr(self: _Any) -> str:
    fields = ", ".join(f"{name}={getattr(self, name, None)!r}" for name in type(self)._tetsuzuki_fields)
    return f"{type(self).__name__}({fields})"


def _give_records_a_repr() -> _Tuple[str, ...]:
    """UniFFI's records are ``@dataclass`` classes without annotated fields (it writes
    ``__init__`` itself), so the dataclass ``repr`` shows none: ``ValueCheck()``. Each record
    whose dataclass has no fields gets a ``repr`` of its ``__init__``'s keyword-only
    parameters, which are its fields, in order: ``ValueCheck(valid=True, normalized=...)``
    (``str()`` stays UniFFI's). Returns the names of the records it changed."""
    changed = []
    for name, cls in vars(generated_module).items():
        if (
            isinstance(cls, type)
            and cls.__module__ == generated_module.__name__
            and _dataclasses.is_dataclass(cls)
            and not _dataclasses.fields(cls)
        ):
            params = _inspect.signature(cls.__init__).parameters.values()
            cls._tetsuzuki_fields = tuple(p.name for p in params if p.kind is p.KEYWORD_ONLY)
            cls.__repr__ = _record_repr
            changed.append(name)
    return tuple(changed)


RECORDS = _give_records_a_repr()
"""The names of the generated records (``Issue``, ``ValueCheck``, ...)."""
