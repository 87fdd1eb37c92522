"""The demo's smoke suite: every test that reads the demo sites (tests/shared_demo.py).

Behavior tests elsewhere build their own rows, so a change to the demo's copy
fails only here (tests/test_test_layout.py keeps it so).
"""
