from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.authtoken.views import ObtainAuthToken

from .errors import error_responses


class TokenView(ObtainAuthToken):
    """Exchange an email (sent as ``username``) and password for an API token.

    Send it as ``Authorization: Token <key>``.
    """

    @extend_schema(
        summary="Get an API token",
        request=inline_serializer(
            "TokenRequest",
            {"username": serializers.CharField(help_text="Your login email"), "password": serializers.CharField()},
        ),
        responses={200: inline_serializer("TokenResponse", {"token": serializers.CharField()}), **error_responses(400)},
    )
    def post(self, request, *args, **kwargs):
        return super().post(request, *args, **kwargs)
