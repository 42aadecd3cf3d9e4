"""ruff keeps the package, the tests, the scripts and the notebooks' code clean and formatted."""

import subprocess
import sys
from pathlib import Path

RUFF = Path(sys.executable).with_name("ruff")
TARGETS = ["src", "tests", "scripts", "book"]


def run(root, *args):
    return subprocess.run([str(RUFF), *args, *TARGETS], cwd=root, capture_output=True, text=True)


def test_ruff_lint(root):
    result = run(root, "check", "--no-cache")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format(root):
    result = run(root, "format", "--check", "--no-cache")
    assert result.returncode == 0, result.stdout + result.stderr
