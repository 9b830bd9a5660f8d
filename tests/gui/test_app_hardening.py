"""The desktop app refuses core dumps before doing anything else."""

from __future__ import annotations

import pytest

from medvault.gui import app


def test_main_disables_core_dumps_first(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    calls: list[str] = []
    real_parser = app.build_parser
    monkeypatch.setattr(app, "disable_core_dumps", lambda: calls.append("hardened"))
    monkeypatch.setattr(app, "build_parser", lambda: calls.append("parser") or real_parser())
    assert app.main(["--version"]) == 0
    assert calls == ["hardened", "parser"]
    assert "medvault" in capsys.readouterr().out
