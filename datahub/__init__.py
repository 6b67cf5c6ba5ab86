"""Sandbox data hub: an NGSI-LD context broker on the Django database.

Entities live in :class:`datahub.models.Entity` (current state, expanded attribute IRIs as JSON) and every
attribute instance written with an ``observedAt`` also lands in :class:`datahub.models.AttributeInstance`
(history for the temporal API). Writes go through ``datahub.services``; reads through ``datahub.selectors``.
"""
