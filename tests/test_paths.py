from pathlib import Path

import pytest

from iran_russia import paths


def test_finds_data_from_a_chapter_folder(monkeypatch, root: Path):
    monkeypatch.delenv(paths.DATA_DIR_ENV, raising=False)
    monkeypatch.chdir(root / "book")
    assert paths.data_dir() == root / "data"


def test_environment_variable_wins(monkeypatch, data_copy: Path):
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(data_copy))
    assert paths.data_dir() == data_copy


def test_environment_variable_pointing_nowhere_is_named(monkeypatch, tmp_path: Path):
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(tmp_path))
    with pytest.raises(FileNotFoundError, match=paths.DATA_DIR_ENV):
        paths.data_dir()
