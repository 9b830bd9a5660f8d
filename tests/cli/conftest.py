"""Running medvault-admin in-process: stdin is replaced, output captured, cheap KDF injected."""

from __future__ import annotations

import io

import pytest

from medvault.cli.admin import main
from medvault.services.config import ServiceConfig
from tests.cli.helpers import Result, RunCli


@pytest.fixture
def run_cli(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], config: ServiceConfig
) -> RunCli:
    def run(argv: list[str], stdin: str | io.TextIOBase = "") -> Result:
        stream = io.StringIO(stdin) if isinstance(stdin, str) else stdin
        monkeypatch.setattr("sys.stdin", stream)
        code = main(argv, config=config)
        out, err = capsys.readouterr()
        return Result(code, out, err)

    return run
