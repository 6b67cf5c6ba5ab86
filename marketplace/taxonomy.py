"""Loads the national taxonomy (9 domains, 60 types) from ``marketplace/data/taxonomy.json``.

The file is the steering team's mapping of the 4th Smart City Comprehensive Plan table; loading
is idempotent, so a corrected file can simply be loaded again.
"""

import json
from pathlib import Path

TAXONOMY_FILE = Path(__file__).resolve().parent / "data" / "taxonomy.json"


def load_taxonomy(domain_model, type_model) -> tuple[int, int]:
    data = json.loads(TAXONOMY_FILE.read_text(encoding="utf-8"))
    type_count = 0
    for order, entry in enumerate(data["domains"]):
        domain, _ = domain_model.objects.update_or_create(
            code=entry["code"],
            defaults={"name_ko": entry["name_ko"], "name_en": entry["name_en"], "sort_order": order},
        )
        for item in entry["types"]:
            type_model.objects.update_or_create(
                code=item["code"],
                defaults={
                    "domain": domain,
                    "name_ko": item["name_ko"],
                    "name_en": item["name_en"],
                    "smart_data_models": item.get("smart_data_models", []),
                },
            )
            type_count += 1
    return len(data["domains"]), type_count
