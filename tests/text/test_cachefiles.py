"""Set-up cache files: written whole, older entries of the same kind removed."""

from __future__ import annotations

from pathlib import Path

from workbook.text.cachefiles import replace_cache_file


def test_a_cache_file_is_written_whole_and_replaces_its_older_entries(tmp_path: Path) -> None:
    folder = tmp_path / "__cache__"
    replace_cache_file(folder / "font-1.pickle", b"old")
    (folder / "other.mo").write_bytes(b"keep")
    replace_cache_file(folder / "font-2.pickle", b"new", older="font-*.pickle")
    assert sorted(p.name for p in folder.iterdir()) == ["font-2.pickle", "other.mo"]
    assert (folder / "font-2.pickle").read_bytes() == b"new"
