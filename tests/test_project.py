"""Project hygiene a reviewer would check by hand: migrations match models, ruff is clean."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.django_db
def test_no_missing_migrations():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def test_ruff_is_clean():
    ruff = shutil.which("ruff") or str(Path(sys.executable).parent / "ruff")
    result = subprocess.run([ruff, "check", str(ROOT)], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def _po_entries(text: str) -> list[dict[str, str]]:
    """Minimal .po reader: each entry's msgid/msgstr texts (quoted lines joined) and its flags."""
    entries = []
    for block in text.split("\n\n"):
        entry, key = {"flags": ""}, None
        for line in block.splitlines():
            if line.startswith("#,"):
                entry["flags"] += line
            elif line.startswith(("msgid", "msgstr")):
                key, _, rest = line.partition(" ")
                entry[key] = rest[1:-1]
            elif line.startswith('"') and key:
                entry[key] += line[1:-1]
        if "msgid" in entry and not block.lstrip().startswith("#~"):
            entries.append(entry)
    return entries


def test_english_catalogue_is_complete_and_compiled():
    """Every Korean string has an English translation, and the committed .mo matches the .po."""
    import gettext

    entries = _po_entries((ROOT / "locale/en/LC_MESSAGES/django.po").read_text(encoding="utf-8"))[1:]
    missing = [e["msgid"] for e in entries if "fuzzy" in e["flags"] or not (e.get("msgstr") or e.get("msgstr[0]"))]
    assert not missing, "run `make messages` and translate: " + "; ".join(missing)
    with open(ROOT / "locale/en/LC_MESSAGES/django.mo", "rb") as mo:
        catalog = gettext.GNUTranslations(mo)._catalog
    compiled = {key if isinstance(key, str) else key[0] for key in catalog if key}
    assert len(compiled) == len(entries), "django.mo is stale: run `make messages`"
