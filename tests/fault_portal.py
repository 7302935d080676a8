"""The fault portal moved to tests/faults/fault_portal.py (the fault suite's package); this name stays
importable for tests written against it before the move."""

from tests.faults.fault_portal import *  # noqa: F403
from tests.faults.fault_portal import FaultPortal, demo_report, demo_reports  # noqa: F401
