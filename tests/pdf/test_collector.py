"""The cycle collector is held off during a build and given back after it, nested or not."""

from __future__ import annotations

import gc
import threading

from workbook.pdf import collector


def test_the_collector_is_paused_for_a_build_and_resumed_after() -> None:
    assert gc.isenabled()
    with collector.paused():
        assert not gc.isenabled()
        with collector.paused():  # a build inside a build (the cards of a workbook)
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_collector_the_caller_disabled_stays_disabled() -> None:
    gc.disable()
    try:
        with collector.paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_concurrent_builds_resume_it_when_the_last_one_ends() -> None:
    inside = threading.Event()
    leave = threading.Event()

    def other_build() -> None:
        with collector.paused():
            inside.set()
            leave.wait(5)

    thread = threading.Thread(target=other_build)
    thread.start()
    inside.wait(5)
    with collector.paused():
        pass
    assert not gc.isenabled()  # the other build is still running
    leave.set()
    thread.join(5)
    assert gc.isenabled()


def test_an_error_in_a_build_still_resumes_it() -> None:
    try:
        with collector.paused():
            raise ValueError("bad plan")
    except ValueError:
        pass
    assert gc.isenabled()
