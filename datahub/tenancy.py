"""Tenants of the hub.

A request without an ``NGSILD-Tenant`` header works on :data:`DEFAULT_TENANT`, which holds the shared,
read-only sandbox city data (loaded by ``manage.py sandbox_generate``). A startup writes into its own
private tenant; tenants are fully isolated (every row carries its tenant and every query filters on it).
"""

import re

DEFAULT_TENANT = "urn:ngsi-ld:tenant:default"

TENANT_NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,62}$")


def tenant_name_is_valid(name: str) -> bool:
    return bool(TENANT_NAME_RE.match(name))
