from review.conftest import reading  # noqa: F401 - the fixture, shared
