from tests.need_fixtures import *  # noqa: F403 - fixtures for needs, matching and procurement
