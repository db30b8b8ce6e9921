"""How long does a rekensom of 200 lines take? (target: < 1 ms).

Run: .venv/bin/python benchmarks/bench_rekensom.py [--lines 200] [--repeat 2000]
Prints the median and the 95th percentile per calculation, without and with discounting.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from decimal import Decimal

from domain.rekensom import CostLine, CostSource, Frequency, Payer, Rekensom, Scenario, calculate


def make_rekensom(n: int, rng: random.Random, discount_rate: Decimal) -> Rekensom:
    payers = list(Payer)
    lines = []
    for index in range(n):
        frequency = rng.choice(list(Frequency))
        recurring = frequency is not Frequency.EENMALIG
        lines.append(
            CostLine(
                id=f"k{index + 1}",
                description=f"Kostenpost {index + 1}",
                scenario=rng.choice(list(Scenario)),
                payer=rng.choice(payers),
                amount=Decimal(rng.randint(0, 5_000_000)) / 100,
                quantity=Decimal(rng.choice(["1", "1", "2", "0.5", "3"])),
                probability=Decimal(rng.choice(["1", "1", "0.75", "0.3333"])),
                frequency=frequency,
                start_month=rng.randint(0, 14),
                duration_months=rng.choice([None, rng.randint(0, 30)]) if recurring else None,
                source=CostSource(text="Benchmark", year=2026),
            )
        )
    return Rekensom(horizon_months=24, discount_rate=discount_rate, lines=lines)


def measure(rekensom: Rekensom, repeat: int) -> tuple[float, float]:
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        calculate(rekensom)
        timings.append(time.perf_counter() - start)
    timings.sort()
    return statistics.median(timings) * 1000, timings[int(len(timings) * 0.95)] * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lines", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=2000)
    args = parser.parse_args()
    rng = random.Random(2026)
    for rate in (Decimal(0), Decimal("0.03")):
        rekensom = make_rekensom(args.lines, rng, rate)
        calculate(rekensom)  # warm up
        median, p95 = measure(rekensom, args.repeat)
        label = "zonder disconto" if rate == 0 else f"disconto {rate}"
        print(f"{args.lines} regels, horizon 24 mnd, {label}: mediaan {median:.3f} ms, p95 {p95:.3f} ms")


if __name__ == "__main__":
    main()
