from django.db.models import Model
from django.utils.text import slugify


def unique_slug(model: type[Model], text: str, *, exclude_pk: int | None = None, max_length: int = 120) -> str:
    """A readable slug for ``text`` (Korean kept), numbered when taken."""
    base = slugify(text, allow_unicode=True)[:max_length].strip("-") or model._meta.model_name
    candidate, n = base, 2
    qs = model._default_manager.all()
    if exclude_pk:
        qs = qs.exclude(pk=exclude_pk)
    while qs.filter(slug=candidate).exists():
        candidate, n = f"{base}-{n}", n + 1
    return candidate
