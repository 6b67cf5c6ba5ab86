from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DatahubConfig(AppConfig):
    name = "datahub"
    verbose_name = _("샌드박스 데이터 허브")
