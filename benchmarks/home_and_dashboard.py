"""The times of the home screen and of a programme's dashboard, sampled again and again, and
the medians that every benchmark of them reports."""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field


@dataclass
class HomeAndDashboard:
    home_ms: list[float] = field(default_factory=list)
    dashboard_ms: list[float] = field(default_factory=list)

    @property
    def home_median_ms(self) -> float:
        return statistics.median(self.home_ms)

    @property
    def dashboard_median_ms(self) -> float:
        return statistics.median(self.dashboard_ms)
