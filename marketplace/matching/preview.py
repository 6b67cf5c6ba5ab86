"""Quick match (빠른 매칭): the ranked answer for a problem description, nothing saved, anyone may ask."""

from django.core.exceptions import ValidationError

from marketplace.services.needs import clean_need_fields

from .engine import DEFAULT_LIMIT, MatchResult, rank_solutions, with_inferred_types
from .profiles import NeedProfile, preview_key


def quick_match(
    *,
    text: str,
    title: str = "",
    budget_krw=None,
    sites=None,
    population=None,
    city_type: str = "",
    province: str = "",
    must_haves=(),
    type_codes=(),
    limit: int = DEFAULT_LIMIT,
) -> tuple[NeedProfile, list[MatchResult]]:
    data = {
        "text": text,
        "budget_krw": budget_krw,
        "sites": sites or 1,
        "population_served": population,
        "city_type": city_type or "",
        "must_haves": list(must_haves or []),
    }
    try:
        cleaned = clean_need_fields(data, partial=True)
    except ValidationError as exc:
        errors = exc.message_dict
        if "population_served" in errors:
            errors["population"] = errors.pop("population_served")
        raise ValidationError(errors) from exc
    profile = with_inferred_types(
        NeedProfile(
            key=preview_key(cleaned["text"]),
            title=(title or "").strip(),
            text=cleaned["text"],
            type_codes=tuple(type_codes or ()),
            budget_krw=cleaned["budget_krw"],
            sites=cleaned["sites"],
            city_population=cleaned["population_served"],
            city_type=cleaned["city_type"],
            province=province or "",
            must_haves=tuple(cleaned["must_haves"]),
        )
    )
    return profile, rank_solutions(profile, limit=limit)
