from django.apps import apps
from django.core.management import call_command
from django.core.management.base import BaseCommand

from marketplace.demo.seed import DEMO_PASSWORD, seed_demo


class Command(BaseCommand):
    help = "Load the demo catalogue and one login per role (idempotent)."

    def handle(self, *args, **options):
        report = seed_demo()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo data: {report.municipalities} municipalities, {report.companies} companies, "
                f"{report.published}/{report.solutions} published solutions, {report.references} references."
            )
        )
        # Hook: the portal's CMS demo content (pages link the catalogue above); by name, so
        # marketplace does not import portal.
        if apps.is_installed("portal"):
            call_command("seed_content", stdout=self.stdout)
        self.stdout.write(f"\n데모 계정 / Demo logins (password: {DEMO_PASSWORD})")
        for role, email, organization in report.logins:
            self.stdout.write(f"  {role:<22} {email:<28} {organization}")
        self.stdout.write("  관리자 화면 / admin: http://127.0.0.1:8000/admin/ (operator 계정)\n")
