"""axe-core in the page under test, from the vendored copy (frontend/build.mjs → static/vendor/axe);
never from a CDN."""

from pathlib import Path

from django.conf import settings

AXE = Path(settings.BASE_DIR) / "portal" / "static" / "vendor" / "axe" / "axe.min.js"
BLOCKING = {"serious", "critical"}

RUN = """async () => {
  const result = await axe.run(document, {
    runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]},
    resultTypes: ["violations"],
  });
  return result.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
  }));
}"""


def axe_violations(page) -> list[dict]:
    if not AXE.exists():
        raise AssertionError(f"{AXE} is missing: run `npm ci --prefix frontend && npm run build --prefix frontend`")
    page.add_script_tag(path=str(AXE))
    return page.evaluate(RUN)


def assert_accessible(page, name: str) -> list[dict]:
    """No serious or critical axe violation on ``page``; returns the minor ones for the record."""
    violations = axe_violations(page)
    blocking = [v for v in violations if v["impact"] in BLOCKING]
    assert not blocking, f"{name}: " + "; ".join(f"{v['id']} ({v['impact']}): {v['nodes']}" for v in blocking)
    return violations
