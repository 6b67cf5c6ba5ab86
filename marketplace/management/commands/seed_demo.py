from django.apps import apps
from django.core.management import call_command
from django.core.management.base import BaseCommand

from marketplace.demo.needs import seed_needs
from marketplace.demo.seed import DEMO_PASSWORD, seed_demo
from marketplace.matching.engine import open_needs
from marketplace.services import matches_recompute_for_need
from search.services import outbox_drain


class Command(BaseCommand):
    help = "Load the demo catalogue and one login per role (idempotent)."

    def handle(self, *args, **options):
        report = seed_demo()
        # Needs are matched against the catalogue as seeded: index it first (rankings frozen at award).
        outbox_drain()
        needs = seed_needs()
        # Store the matches now, so companies see their matching needs before the worker starts.
        for need in open_needs():
            matches_recompute_for_need(need_id=need.pk)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo data: {report.municipalities} municipalities, {report.companies} companies, "
                f"{report.published}/{report.solutions} published solutions, {report.references} references."
            )
        )
        self.stdout.write(
            f"Needs: {needs.programmes} programmes, {needs.needs} new needs, {needs.proposals} proposals, "
            f"{needs.awards} awards."
        )
        # Hook: the portal's CMS demo content (pages link the catalogue above); by name, so
        # marketplace does not import portal.
        if apps.is_installed("portal"):
            call_command("seed_content", stdout=self.stdout)
        self.stdout.write(f"\n데모 계정 / Demo logins (password: {DEMO_PASSWORD})")
        for role, email, organization in report.logins:
            self.stdout.write(f"  {role:<22} {email:<28} {organization}")
        self.stdout.write("  관리자 화면 / admin: http://127.0.0.1:8000/admin/ (operator 계정)\n")
