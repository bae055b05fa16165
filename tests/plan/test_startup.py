"""Loading the plan model does no needless work at start-up."""

from __future__ import annotations

import os
import subprocess
import sys


def _run(script: str, **env: str) -> str:
    environment = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          check=True, env={**environment, **env}).stdout.strip()


CHECK = """
import workbook.plan, pydantic.plugin._loader as loader, os
print(loader._plugins is None, os.environ["PYDANTIC_DISABLE_PLUGINS"])
"""


def test_pydantic_does_not_scan_the_environment_for_plugins() -> None:
    assert _run(CHECK) == "True __all__"


def test_a_plugin_setting_of_the_user_is_kept() -> None:
    assert _run(CHECK, PYDANTIC_DISABLE_PLUGINS="logfire") == "False logfire"
