"""The event bus: delivery, topics, cancellation, isolation, threads."""

from __future__ import annotations

import threading

import pytest

from tiered_workstation.events import Event, EventBus, topic_matches


def test_subscribers_receive_matching_topics_only() -> None:
    bus = EventBus()
    got: list[str] = []
    bus.subscribe("exam.transition", lambda e: got.append(f"exact:{e.topic}"))
    bus.subscribe("exam.*", lambda e: got.append(f"prefix:{e.topic}"))
    bus.subscribe("*", lambda e: got.append(f"all:{e.topic}"))
    bus.publish(Event("exam.transition", {"a": 1}))
    bus.publish(Event("image.received"))
    assert got == ["exact:exam.transition", "prefix:exam.transition", "all:exam.transition",
                   "all:image.received"]


def test_topic_patterns() -> None:
    assert topic_matches("exam.*", "exam.x.y")
    assert not topic_matches("exam.*", "examination")
    assert not topic_matches("exam", "exam.transition")


def test_cancel_stops_delivery() -> None:
    bus = EventBus()
    got: list[Event] = []
    subscription = bus.subscribe("*", got.append)
    bus.publish(Event("a"))
    subscription.cancel()
    bus.publish(Event("b"))
    assert [e.topic for e in got] == ["a"]
    assert bus.subscriber_count == 0


def test_failing_handler_does_not_break_others(caplog: pytest.LogCaptureFixture) -> None:
    bus = EventBus()
    got: list[Event] = []

    def broken(event: Event) -> None:
        raise RuntimeError("boom")

    bus.subscribe("*", broken)
    bus.subscribe("*", got.append)
    assert bus.publish(Event("x")) == 1
    assert len(got) == 1
    assert "boom" in caplog.text


def test_payload_is_read_only_copy() -> None:
    source = {"k": 1}
    event = Event("x", source)
    source["k"] = 2
    assert event.payload["k"] == 1
    with pytest.raises(TypeError):
        event.payload["k"] = 3  # type: ignore[index]
    with pytest.raises(ValueError, match="topic"):
        Event("")


def test_concurrent_publish_and_subscribe_lose_nothing() -> None:
    bus = EventBus()
    lock = threading.Lock()
    received: list[int] = []

    def handler(event: Event) -> None:
        with lock:
            received.append(event.payload["n"])

    bus.subscribe("count", handler)
    churn_stop = threading.Event()

    def churn() -> None:  # subscribe/cancel continuously while others publish
        while not churn_stop.is_set():
            bus.subscribe("other", lambda e: None).cancel()

    def publisher(offset: int) -> None:
        for i in range(500):
            bus.publish(Event("count", {"n": offset + i}))

    churner = threading.Thread(target=churn)
    churner.start()
    threads = [threading.Thread(target=publisher, args=(k * 1000,)) for k in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    churn_stop.set()
    churner.join(timeout=30)
    assert sorted(received) == sorted(k * 1000 + i for k in range(6) for i in range(500))
