from django.core.management.base import BaseCommand

from portal.demo.seed import seed_content


class Command(BaseCommand):
    help = "Load the demo CMS content (home, news, programmes, case studies, guides, FAQ; idempotent)."

    def handle(self, *args, **options):
        report = seed_content()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content: {report.pages} pages ({report.news} news, {report.programmes} programmes, "
                f"{report.case_studies} case studies, {report.translations} English translations added)."
            )
        )
