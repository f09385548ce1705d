"""A value cached by an earlier release whose class has since moved is a miss, computed again, never a 500."""

import pickle
import sys
import types

from core.cache import FailSafeRedisCache


class _Redis:
    """The Redis client's answer to GET: the bytes an earlier release stored."""

    def __init__(self, stored: bytes):
        self.stored = stored

    def get(self, key):
        return self.stored


def stored_by_an_earlier_release() -> bytes:
    """Pickle an instance of a class that then leaves its module, as a class moved to another module does."""
    module = types.ModuleType("letsfood_earlier_release")
    sys.modules[module.__name__] = module
    exec("class ComparisonRow:\n    pass\n", module.__dict__)  # noqa: S102 (a class defined for the test)
    module.ComparisonRow.__module__ = module.__name__
    stored = pickle.dumps(module.ComparisonRow())
    del module.ComparisonRow
    return stored


def test_a_cached_value_whose_class_moved_is_read_as_a_miss(monkeypatch):
    backend = FailSafeRedisCache("redis://127.0.0.1:1/0", {})
    monkeypatch.setattr(backend._cache, "get_client", lambda *args, **kwargs: _Redis(stored_by_an_earlier_release()))

    assert backend.get("letsfood:dashboard:1:en:lyon", "missing") == "missing"


def test_a_readable_cached_value_is_returned(monkeypatch):
    backend = FailSafeRedisCache("redis://127.0.0.1:1/0", {})
    monkeypatch.setattr(backend._cache, "get_client", lambda *args, **kwargs: _Redis(pickle.dumps({"rows": 3})))

    assert backend.get("letsfood:dashboard:1:en:lyon") == {"rows": 3}
