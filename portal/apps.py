from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("포털")

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from marketplace.models import Solution
        from portal.cache import bump_content_version

        # Cache invalidation only: a cached anonymous page body must not outlive a publish.
        for signal in (page_published, page_unpublished, post_page_move):
            signal.connect(bump_content_version, dispatch_uid=f"portal-cache-{signal}")
        post_delete.connect(bump_content_version, sender="wagtailcore.Page", dispatch_uid="portal-cache-page-delete")
        post_save.connect(bump_content_version, sender=Solution, dispatch_uid="portal-cache-solution")
