// Frame building and layout at 1k..1M events: figures, not pass/fail.
//   build/release/tests/parallax_bench --benchmark_counters_tabular=true
#include "render/build_frame.hpp"
#include "render/lane_layout.hpp"

#include <benchmark/benchmark.h>

#include <map>
#include <memory>
#include <random>

namespace parallax {
namespace {

float FixedMeasure(const char* b, const char* e, bool, void*) { return 7.f * static_cast<float>(e - b); }

// N events over 1898-1953 in five sources: mostly single days, some months, years and ranges.
const Dataset& SyntheticDataset(int n) {
  static std::map<int, std::unique_ptr<Dataset>> cache;
  auto& slot = cache[n];
  if (slot) return *slot;
  slot = std::make_unique<Dataset>();
  Dataset& d = *slot;
  d.view = ParseEdtf("1898/1953").value;
  for (int s = 0; s < 5; ++s) {
    Source src;
    src.id = "s" + std::to_string(s);
    src.title = "Source " + std::to_string(s);
    src.color = 0x4477AA;
    d.sources.push_back(src);
  }
  std::mt19937 rng(42);
  const int first = DayNumber(d.view.Earliest());
  const int last = DayNumber(d.view.Latest());
  std::uniform_int_distribution<int> day(first, last);
  std::uniform_int_distribution<int> kind(0, 9);
  d.events.reserve(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) {
    Event e;
    e.id = "e" + std::to_string(i);
    e.title = "Event number " + std::to_string(i);
    e.source = i % 5;
    const date::year_month_day ymd{FromDayNumber(day(rng))};
    char buf[32];
    const int k = kind(rng);
    if (k < 7) std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", int(ymd.year()), unsigned(ymd.month()), unsigned(ymd.day()));
    else if (k < 9) std::snprintf(buf, sizeof buf, "%04d-%02u", int(ymd.year()), unsigned(ymd.month()));
    else std::snprintf(buf, sizeof buf, "%04d", int(ymd.year()));
    e.dateRaw = buf;
    e.date = ParseEdtf(buf).value;
    d.events.push_back(std::move(e));
  }
  return d;
}

void BM_BuildLayout(benchmark::State& state) {
  const Dataset& d = SyntheticDataset(static_cast<int>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(BuildLayout(d));
  state.counters["events"] = static_cast<double>(d.events.size());
}
BENCHMARK(BM_BuildLayout)->Arg(1000)->Arg(10000)->Arg(100000)->Arg(1000000)->Unit(benchmark::kMillisecond);

// One frame at a given zoom: 0 = the whole 1898-1953, 1 = one year, 2 = one month.
void BM_BuildFrame(benchmark::State& state) {
  const Dataset& d = SyntheticDataset(static_cast<int>(state.range(0)));
  static std::map<int, TimelineLayout> layouts;
  auto it = layouts.find(static_cast<int>(state.range(0)));
  if (it == layouts.end()) it = layouts.emplace(static_cast<int>(state.range(0)), BuildLayout(d)).first;
  FrameContext ctx;
  ctx.canvasX1 = 1920.f;
  ctx.canvasY1 = 1080.f;
  ctx.theme = &LightTheme();
  ctx.measureText = &FixedMeasure;
  const double start = DayNumber(d.view.Earliest());
  const double spans[] = {DayNumber(d.view.Latest()) - start, 365.0, 30.0};
  ctx.viewStartDay = start + 9000.0 * (state.range(1) > 0);
  ctx.viewEndDay = ctx.viewStartDay + spans[state.range(1)];
  auto ticks = std::make_unique<AxisTicks>();
  FrameDrawList list;
  for (auto _ : state) {
    BuildFrame(ctx, d, it->second, *ticks, list);
    benchmark::DoNotOptimize(list.cmds.data());
  }
  state.counters["cmds"] = static_cast<double>(list.cmds.size());
  state.counters["folds"] = list.foldsDrawn;
}
BENCHMARK(BM_BuildFrame)
    ->ArgsProduct({{1000, 10000, 100000, 1000000}, {0, 1, 2}})
    ->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace parallax

BENCHMARK_MAIN();
