"""Time the book's widgets: from a control change to a finished re-render, in this process.

    python scripts/bench_widgets.py results.json [--only timeline] [--repeat 5]

Each benchmark drives a widget programmatically, as a reader's clicks would (setting a control's
``value`` runs the widget's Python callbacks synchronously, exactly as in a live kernel, minus
the message to the browser), and returns the seconds each change took. The script prints the
median and the 90th percentile of each and writes them, with every timing, as JSON.

To add a widget, write a function ``bench_<name>(repeat) -> dict[str, list[float]]`` (one list of
timings per scenario) and add it to ``BENCHMARKS``.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path


def _timed(change: Callable[[], None]) -> float:
    started = time.perf_counter()
    change()
    return time.perf_counter() - started


def bench_timeline(repeat: int) -> dict[str, list[float]]:
    """The timeline explorer's live tab: each control in turn, over a fixed tour of settings.

    A change runs what it runs in a notebook: the control's observer filters the events and sets
    the live view (heading, the timeline as inline SVG, the list of events). ``every change is a
    new filter combination`` empties the explorer's caches before each change, so every view is
    drawn anew; ``as used`` keeps them (a setting seen before is shown again from the cache).
    Each change is checked to have redrawn the view, so that no timing is of a change that did
    nothing.
    """
    from iran_russia import data, style
    from iran_russia.timeline_explorer import TimelineExplorer
    from iran_russia.vocabularies import DOMAINS

    style.use_book_style()
    explorer = TimelineExplorer(data.load_events(), data.load_eras())
    eras = list(explorer.eras["id"])
    first, last = explorer.years.min, explorer.years.max
    tour: list[tuple[str, Callable[[], None]]] = []
    for era in [*eras, None]:
        tour.append((f"era={era}", lambda era=era: setattr(explorer.era, "value", era)))
    for domains in [("nuclear",), ("defense", "energy"), ("diplomacy",), tuple(DOMAINS)]:
        tour.append((f"domains={domains}", lambda d=domains: setattr(explorer.domains, "value", d)))
    for level in (2, 3, 1):
        tour.append(
            (f"significance={level}", lambda v=level: setattr(explorer.significance, "value", v))
        )
    for years in [(1900, 1950), (1990, last), (first, last)]:
        tour.append((f"years={years}", lambda y=years: setattr(explorer.years, "value", y)))
    for word in ["treaty", "Bushehr", "no such word", ""]:
        tour.append((f"keyword={word!r}", lambda w=word: setattr(explorer.keyword, "value", w)))

    def checked(name: str, change: Callable[[], None]) -> float:
        before = explorer.view.value
        seconds = _timed(change)
        after = explorer.view.value
        if after == before or not ("<svg" in after or "No events match" in after):
            raise RuntimeError(f"the change {name} did not redraw the live view")
        return seconds

    new = "every change is a new filter combination"
    results: dict[str, list[float]] = {"as used": [], new: []}
    for _ in range(repeat):
        for name, change in tour:
            results["as used"].append(checked(name, change))
    for _ in range(repeat):
        for name, change in tour:
            explorer.clear_cache()
            results[new].append(checked(name, change))
    return results


def bench_scenarios(repeat: int) -> dict[str, list[float]]:
    """The scenario explorer: every driver's slider over its scale, then every preset and reset.

    Each change re-scores the futures and redraws the bars (inline SVG), the breakdown table and
    the signposts, as the explorer does in a live notebook.
    """
    from iran_russia import scenarios, style
    from iran_russia.scenario_explorer import ScenarioExplorer

    style.use_book_style()
    explorer = ScenarioExplorer(scenarios.load_model())
    results: dict[str, list[float]] = {"slider": [], "preset": []}
    for _ in range(repeat):
        for slider in explorer.sliders.values():
            for value in (slider.min, slider.max, 0.0, slider.min / 2):
                results["slider"].append(_timed(lambda s=slider, v=value: setattr(s, "value", v)))
        for preset in explorer.model.preset_ids:
            results["preset"].append(_timed(lambda p=preset: explorer.choose_preset(p)))
        results["preset"].append(_timed(explorer.reset))
    return results


#: Every benchmark by name: a function of the number of repetitions.
BENCHMARKS: dict[str, Callable[[int], dict[str, list[float]]]] = {
    "timeline": bench_timeline,
    "scenarios": bench_scenarios,
}


def summarise(timings: list[float]) -> dict[str, float]:
    ordered = sorted(timings)
    p90 = ordered[min(len(ordered) - 1, round(0.9 * (len(ordered) - 1)))]
    return {
        "n": len(ordered),
        "median_ms": round(1000 * statistics.median(ordered), 1),
        "p90_ms": round(1000 * p90, 1),
        "max_ms": round(1000 * ordered[-1], 1),
    }


def main(arguments: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("output", type=Path, help="where to write the results as JSON")
    parser.add_argument("--only", choices=sorted(BENCHMARKS), action="append")
    parser.add_argument("--repeat", type=int, default=5, help="tours of each benchmark")
    options = parser.parse_args(arguments)
    report = {"python": platform.python_version(), "machine": platform.machine(), "results": {}}
    for name in options.only or BENCHMARKS:
        timings = BENCHMARKS[name](options.repeat)
        report["results"][name] = {}
        for scenario, values in timings.items():
            summary = summarise(values)
            report["results"][name][scenario] = {**summary, "timings_s": values}
            print(
                f"{name} ({scenario}): median {summary['median_ms']} ms, "
                f"p90 {summary['p90_ms']} ms over {summary['n']} changes"
            )
    options.output.write_text(json.dumps(report, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
