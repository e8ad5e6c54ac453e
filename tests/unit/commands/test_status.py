"""``scripts/i18n status`` in-process (``commands/status.py``)."""

from __future__ import annotations

import json


def test_a_current_catalog_then_a_stale_one(tiny_project, run_main) -> None:
    code, out, err = run_main(tiny_project, "status", "--format", "json")
    assert code == 0, err
    document = json.loads(out)
    assert [(p["lang"], p["page"], p["state"]) for p in document["pages"]] == [("ko", "index.md", "current")]
    (tiny_project / "source" / "index.md").write_text("# Costs\n\nChanged.\n", encoding="utf-8")
    code, out, _ = run_main(tiny_project, "status", "--strict")
    assert code == 1
    assert out.startswith("ko: 1 pages: 1 stale")
    assert "next: update the catalog (make update-po)" in out


def test_only_the_states_asked_for(tiny_project, run_main) -> None:
    code, out, _ = run_main(tiny_project, "status", "--state", "stale", "--format", "json")
    assert code == 0 and json.loads(out)["pages"] == []
