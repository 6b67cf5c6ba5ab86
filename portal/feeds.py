"""RSS 2.0 feed of a news index (``<news index>/feed/``)."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import gettext as _

FEED_SIZE = 20


class NewsFeed(Feed):
    feed_type = Rss201rev2Feed

    def __init__(self, index):
        super().__init__()
        self.index = index

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return f"{self.index.title} | {_('스마트도시 오픈랩')}"

    def link(self):
        return self.index.get_url(self.request)

    def description(self):
        return self.index.summary or _("스마트도시 오픈랩의 공지사항과 소식")

    def items(self):
        return self.index.children().order_by("-date", "-first_published_at")[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_url(self.request)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_categories(self, item):
        return [item.get_category_display(), *(tag.name for tag in item.tags.all())]
