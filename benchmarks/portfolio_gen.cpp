#include "portfolio_gen.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <fmt/format.h>
#include <utility>
#include <vector>

namespace yekuo::bench {

using calendar::Date;
using calendar::WorkingCalendar;
using calendar::WorkPoint;
using model::DepType;
using model::DurationUnit;

namespace {

// SplitMix64: tiny, fast and the same everywhere (std:: distributions are not portable).
class Rng {
public:
  explicit Rng(std::uint64_t seed) : m_state(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30U)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27U)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31U);
  }
  // Uniform in [lo, hi].
  int uniform(int lo, int hi) {
    if (hi <= lo) return lo;
    const auto span = static_cast<std::uint64_t>(hi - lo) + 1U;
    return lo + static_cast<int>(next() % span);
  }
  double unit() { return static_cast<double>(next() >> 11U) * 0x1.0p-53; }
  bool chance(double p) { return unit() < p; }
  template <class T, std::size_t N> const T& pick(const std::array<T, N>& a) {
    return a[static_cast<std::size_t>(uniform(0, static_cast<int>(N) - 1))];
  }

private:
  std::uint64_t m_state;
};

std::uint64_t mix(std::uint64_t seed, std::uint64_t index) {
  Rng r(seed ^ (index * 0xD1B54A32D192ED03ULL));
  r.next();
  return r.next();
}

struct StageKind {
  const char* dept;
  const char* name;
  const char* stem;
  int min_days;
  int max_days;
  bool calendar = false; // customer civil works run on calendar days
};

enum class Track { customer, grid, service };

constexpr std::array k_customer_kinds{
    StageKind{"客户", "客户受电工程设计", "cust_design", 10, 25},
    StageKind{"客户", "客户变电所土建", "civil_works", 30, 90, true},
    StageKind{"客户", "客户电气设备安装调试", "cust_install", 8, 20},
    StageKind{"客户", "接入工程路径及通道规划报批", "route_approval", 10, 30},
    StageKind{"客户", "缴纳业务费用", "fees", 2, 5},
    StageKind{"客户", "提交竣工资料", "completion_docs", 2, 5},
    StageKind{"客户", "配电房土建", "room_works", 20, 60, true},
};
constexpr std::array k_grid_kinds{
    StageKind{"发展策划部", "配套电网工程立项及可研批复", "grid_project", 8, 20},
    StageKind{"基建部", "配套工程设计", "grid_design", 10, 25},
    StageKind{"基建部", "物资采购", "procurement", 15, 35},
    StageKind{"输电工区", "接入线路施工", "line_construction", 15, 35},
    StageKind{"配电工区", "配电线路施工", "dist_construction", 5, 20},
    StageKind{"基建部", "变电站间隔扩建", "bay_works", 10, 25},
    StageKind{"运维检修部", "停电计划及带电作业安排", "outage_plan", 5, 10},
    StageKind{"生产技术部", "配套工程验收", "grid_acceptance", 3, 5},
};
constexpr std::array k_service_kinds{
    StageKind{"客户服务中心", "设计文件审查", "design_review", 3, 10},
    StageKind{"客户服务中心", "中间检查（隐蔽工程）", "mid_check", 3, 5},
    StageKind{"客户服务中心", "签订供用电合同", "supply_contract", 3, 5},
    StageKind{"电力调度中心", "调度协议、定值及启动方案", "dispatch", 5, 10},
    StageKind{"客户服务中心", "竣工检验", "completion_inspection", 3, 7},
    StageKind{"需求侧管理中心", "计量装置及负荷管理终端安装", "load_terminal", 2, 5},
    StageKind{"营销部", "业扩平衡会审核", "balance_review", 1, 3},
};

const StageKind& kind_for(Track t, int position) {
  const auto at = [&](const auto& kinds) -> const StageKind& {
    return kinds[static_cast<std::size_t>(position) % kinds.size()];
  };
  switch (t) {
  case Track::customer: return at(k_customer_kinds);
  case Track::grid: return at(k_grid_kinds);
  case Track::service: break;
  }
  return at(k_service_kinds);
}

constexpr std::array k_cities{"WX", "HZ", "NJ", "SZ", "CZ", "NT", "YZ", "TZ"};
constexpr std::array k_managers{"王工", "李敏", "张伟", "陈静", "刘洋", "赵磊", "周婷", "吴斌"};
constexpr std::array k_customers{"某电子有限公司",   "某冷链物流有限公司", "某精密制造有限公司",
                                 "某数据中心有限公司", "某新材料科技有限公司", "某医院",
                                 "某轨道交通有限公司", "某化工有限公司"};
constexpr std::array k_purposes{"新厂区", "扩建工程", "仓储中心", "研发楼", "二期工程", "生产基地"};
constexpr std::array k_delay_reasons{"客户土建图纸变更", "客户资料不全", "客户设备未到货", "客户要求暂缓施工",
                                     "客户资金未到位", "客户现场不具备条件"};

// Whole-number helpers that keep -Wconversion quiet.
int scaled(int days, double factor) { return static_cast<int>(std::lround(days * factor)); }

// The generator's own passes (SPEC §2), kept independent of the engine so the data does not
// echo the code it measures. A calendar-day stage that may start after the event at point s
// ends on the last working day on or before (event day + calendar days).
struct Passes {
  const WorkingCalendar& cal;
  const model::Project& p;

  [[nodiscard]] WorkPoint finish_after(std::size_t i, WorkPoint s, int duration) const {
    if (p.stages[i].unit == DurationUnit::working_days) return s + duration;
    return cal.point(cal.date_of(std::max(s, 1)).plus_days(duration));
  }
  [[nodiscard]] WorkPoint start_before(std::size_t i, WorkPoint f) const {
    const auto& st = p.stages[i];
    if (st.unit == DurationUnit::working_days) return f - st.duration;
    return cal.point(cal.date_of(f + 1).plus_days(-1 - st.duration));
  }

  // Earliest (or actual, with per-stage durations and waits) start and finish points.
  void forward(WorkPoint start, const std::vector<int>& durations, const std::vector<int>& waits,
               std::vector<WorkPoint>& es, std::vector<WorkPoint>& ef) const {
    const std::size_t n = p.stages.size();
    es.assign(n, 0);
    ef.assign(n, 0);
    for (std::size_t i = 0; i < n; ++i) { // stage indices are topological by construction
      WorkPoint s = start;
      for (const auto& d : p.stages[i].after) {
        if (d.type == DepType::fs) s = std::max(s, ef[d.pred] + d.lag);
        if (d.type == DepType::ss) s = std::max(s, es[d.pred] + d.lag);
      }
      s += waits[i];
      WorkPoint f = finish_after(i, s, durations[i]);
      for (const auto& d : p.stages[i].after)
        if (d.type == DepType::ff && ef[d.pred] + d.lag > f) {
          f = ef[d.pred] + d.lag;
          if (p.stages[i].unit == DurationUnit::working_days) s = f - durations[i];
        }
      es[i] = s;
      ef[i] = f;
    }
  }

  void backward(WorkPoint target, std::vector<WorkPoint>& ls, std::vector<WorkPoint>& lf) const {
    const std::size_t n = p.stages.size();
    ls.assign(n, 0);
    lf.assign(n, target);
    for (std::size_t k = n; k-- > 0;) {
      ls[k] = start_before(k, lf[k]);
      for (const auto& d : p.stages[k].after) {
        WorkPoint bound = target;
        if (d.type == DepType::fs) bound = ls[k] - d.lag;
        if (d.type == DepType::ss) bound = finish_after(d.pred, ls[k] - d.lag, p.stages[d.pred].duration);
        if (d.type == DepType::ff) bound = lf[k] - d.lag;
        lf[d.pred] = std::min(lf[d.pred], bound);
      }
    }
  }
};

int stage_count(Rng& rng, const GenOptions& o) {
  // Mostly small orders, some medium, a few large ones with grid works.
  const double u = rng.unit();
  int n = u < 0.5 ? rng.uniform(8, 15) : u < 0.85 ? rng.uniform(16, 40) : rng.uniform(41, 80);
  return std::clamp(n, o.min_stages, o.max_stages);
}

void add_dep(model::Stage& s, const model::Project& p, std::size_t pred, DepType type, int lag) {
  model::Dependency d;
  d.stage = p.stages[pred].id;
  d.pred = pred;
  d.type = type;
  d.lag = lag;
  s.after.push_back(std::move(d));
}

void build_network(model::Project& p, int n, Rng& rng) {
  auto make = [&](const char* id, const char* name, const char* dept, int days) {
    model::Stage s;
    s.id = id;
    s.name = name;
    s.dept = dept;
    s.customer = s.dept == model::k_customer_dept;
    s.duration = days;
    return s;
  };
  p.stages.push_back(make("negotiate", "客户商谈及现场勘查、初步供电方案", "客户服务中心", 5));
  p.stages.back().min_duration = 3;
  p.stages.push_back(make("plan_reply", "供电方案答复", rng.chance(0.5) ? "发展策划部" : "客户服务中心",
                          rng.uniform(6, 20)));
  if (rng.chance(0.3))
    add_dep(p.stages.back(), p, 0, DepType::ss, rng.uniform(2, 4));
  else
    add_dep(p.stages.back(), p, 0, DepType::fs, 0);

  const int middle = n - 3;
  const int max_tracks = std::clamp(middle / 3, 1, 6);
  const int tracks = rng.uniform(1, max_tracks);
  std::vector<Track> track_kind(static_cast<std::size_t>(tracks));
  for (int t = 0; t < tracks; ++t)
    track_kind[static_cast<std::size_t>(t)] =
        t < 3 ? static_cast<Track>(t) : static_cast<Track>(rng.uniform(0, 2));
  // Each track gets at least one stage; the rest are spread at random, then interleaved.
  std::vector<int> slot;
  for (int t = 0; t < tracks; ++t) slot.push_back(t);
  while (static_cast<int>(slot.size()) < middle) slot.push_back(rng.uniform(0, tracks - 1));
  for (std::size_t k = slot.size(); k > 1; --k)
    std::swap(slot[k - 1], slot[static_cast<std::size_t>(rng.uniform(0, static_cast<int>(k) - 1))]);

  std::vector<std::vector<std::size_t>> members(static_cast<std::size_t>(tracks));
  // Each track walks its kinds mostly in the templates' order, sometimes skipping one; a second
  // track of the same kind starts further along, so the tracks of a file differ.
  std::vector<int> cursor(static_cast<std::size_t>(tracks));
  for (int t = 0; t < tracks; ++t) cursor[static_cast<std::size_t>(t)] = (t / 3) * 3 + rng.uniform(0, 1);
  std::vector<int> name_uses;
  std::vector<std::string> used_names;
  for (int k = 0; k < middle; ++k) {
    const auto t = static_cast<std::size_t>(slot[static_cast<std::size_t>(k)]);
    auto& mine = members[t];
    const StageKind& kind = kind_for(track_kind[t], cursor[t]);
    cursor[t] += rng.chance(0.2) ? 2 : 1;
    const std::size_t index = p.stages.size();
    model::Stage s;
    s.id = fmt::format("{}_{}", kind.stem, index);
    const auto seen = std::find(used_names.begin(), used_names.end(), kind.name);
    if (seen == used_names.end()) {
      used_names.emplace_back(kind.name);
      name_uses.push_back(1);
      s.name = kind.name;
    } else {
      const int uses = ++name_uses[static_cast<std::size_t>(seen - used_names.begin())];
      s.name = fmt::format("{}（{}）", kind.name, uses);
    }
    s.dept = kind.dept;
    s.customer = s.dept == model::k_customer_dept;
    if (kind.calendar) {
      s.unit = DurationUnit::calendar_days;
      s.duration = rng.uniform(kind.min_days, kind.max_days);
      if (rng.chance(0.4)) s.min_duration = std::max(10, scaled(s.duration, 0.7));
    } else if (!s.customer && rng.chance(0.04)) {
      s.duration = 0; // a milestone (e.g. a review meeting's decision)
      s.name += "（节点）";
    } else {
      s.duration = rng.uniform(kind.min_days, kind.max_days);
      if (rng.chance(0.35)) s.min_duration = std::max(1, scaled(s.duration, 0.6));
    }

    if (mine.empty()) {
      // A track opens after the plan reply, often overlapping it.
      if (rng.chance(0.35))
        add_dep(s, p, 1, DepType::ss, rng.uniform(2, 5));
      else
        add_dep(s, p, 1, DepType::fs, 0);
    } else {
      // Usually the previous stage of the track; sometimes an earlier one (a parallel branch).
      const std::size_t pred = rng.chance(0.2) ? mine[static_cast<std::size_t>(rng.uniform(
                                                      0, static_cast<int>(mine.size()) - 1))]
                                               : mine.back();
      const double u = rng.unit();
      if (u < 0.68)
        add_dep(s, p, pred, DepType::fs, 0);
      else if (u < 0.80)
        add_dep(s, p, pred, DepType::fs, -rng.uniform(1, 5)); // overlap (平行化)
      else if (u < 0.95)
        add_dep(s, p, pred, DepType::ss, rng.uniform(0, 5));
      else
        add_dep(s, p, pred, DepType::ff, rng.uniform(0, 2));
    }
    if (index > 3 && rng.chance(0.15)) { // a cross-link to another part of the network
      const auto other = static_cast<std::size_t>(rng.uniform(2, static_cast<int>(index) - 1));
      const bool dup = std::any_of(s.after.begin(), s.after.end(), [&](const auto& d) { return d.pred == other; });
      if (!dup) add_dep(s, p, other, rng.chance(0.8) ? DepType::fs : DepType::ff, rng.chance(0.2) ? 2 : 0);
    }
    mine.push_back(index);
    p.stages.push_back(std::move(s));
  }

  // Energization after every open end.
  auto energize = make("energize", "启动送电、装表接电", "电力调度中心", rng.uniform(3, 7));
  std::vector<bool> has_succ(p.stages.size(), false);
  for (const auto& s : p.stages)
    for (const auto& d : s.after) has_succ[d.pred] = true;
  for (std::size_t i = 0; i < p.stages.size(); ++i)
    if (!has_succ[i]) add_dep(energize, p, i, DepType::fs, 0);
  p.stages.push_back(std::move(energize));
}

Date clamp_date(Date d, Date lo, Date hi) { return std::clamp(d, lo, hi); }

} // namespace

const char* defect_name(Defect d) {
  switch (d) {
  case Defect::none: return "valid";
  case Defect::unknown_key: return "unknown_key";
  case Defect::cycle: return "cycle";
  case Defect::bad_date: return "bad_date";
  case Defect::unknown_stage: return "unknown_stage";
  case Defect::finish_before_start: return "finish_before_start";
  case Defect::duplicate_stage: return "duplicate_stage";
  case Defect::negative_days: return "negative_days";
  case Defect::toml_syntax: return "toml_syntax";
  }
  return "?";
}

Date last_generated_date() { return *Date::from_ymd(2026, 12, 31); }

GeneratedFile generate_project(const GenOptions& o, std::size_t index, Defect defect, std::optional<int> stages) {
  const WorkingCalendar& cal = WorkingCalendar::china();
  Rng rng(mix(o.seed, index));
  GeneratedFile out;
  out.defect = defect;
  model::Project& p = out.project;
  const int n = stages ? std::max(4, *stages) : stage_count(rng, o);
  build_network(p, n, rng);

  // Applied within the 14 months before the as-of date (some orders are long finished, most
  // are running), on a working day, never before 2024.
  const Date first = *Date::from_ymd(2024, 1, 2);
  const Date applied_raw = clamp_date(o.as_of.plus_days(-rng.uniform(5, 420)), first, o.as_of);
  const WorkPoint start = cal.point(applied_raw);
  auto& info = p.info;
  info.applied = cal.date_of(start);
  info.id = fmt::format("{}-{}-{:06}", rng.pick(k_cities), info.applied.year(), index);
  info.customer = rng.pick(k_customers);
  const std::array voltages{10, 10, 10, 20, 35, 110, 220};
  const int kv = rng.pick(voltages);
  info.voltage_kv = kv;
  info.capacity_kva = kv >= 110 ? rng.uniform(20, 120) * 1000.0 : rng.uniform(8, 40) * 500.0;
  info.name = fmt::format("{}{}{}千伏新装", info.customer, rng.pick(k_purposes), kv);
  info.key_project = rng.chance(0.1);
  info.live_line_work = rng.chance(0.3);
  info.customer_manager = rng.pick(k_managers);
  info.customer_items = {"提供用电报装资料", "完成受电工程土建及电气安装"};
  info.customer_payments = {"缴纳业务费用"};
  if (info.live_line_work) info.notes = {"接入工程需带电作业，请提前报送停电计划"};

  const Passes passes{cal, p};
  const std::size_t ns = p.stages.size();
  std::vector<int> planned(ns);
  for (std::size_t i = 0; i < ns; ++i) planned[i] = p.stages[i].duration;
  std::vector<WorkPoint> es, ef, ls, lf;
  passes.forward(start, planned, std::vector<int>(ns, 0), es, ef);
  const WorkPoint earliest = *std::max_element(ef.begin(), ef.end());
  // Mostly some slack; about one order in six asks for the impossible.
  const int length = std::max(1, earliest - start);
  const double slack = rng.unit() * 0.45 - 0.08;
  WorkPoint target = earliest + scaled(length, o.feasible_only ? std::abs(slack) : slack);
  target = std::max(target, start + 1);
  target = std::min(target, cal.point(last_generated_date()));
  info.target = cal.date_of(target);
  // A customer sometimes names a weekend or holiday: the plan then uses the working day before.
  if (rng.chance(0.1) && info.target < last_generated_date()) info.target = info.target.plus_days(1);
  out.feasible = earliest <= target;

  // What actually happened: actual durations around the plan, some waiting, some overruns.
  std::vector<int> actual(ns), waits(ns);
  std::vector<double> factor(ns);
  for (std::size_t i = 0; i < ns; ++i) {
    const double u = rng.unit();
    factor[i] = u < 0.5 ? 0.8 + 0.2 * rng.unit() : u < 0.85 ? 1.0 + 0.3 * rng.unit() : 1.3 + 0.7 * rng.unit();
    actual[i] = planned[i] == 0 ? 0 : std::max(1, scaled(planned[i], factor[i]));
    waits[i] = rng.chance(0.3) ? rng.uniform(1, 3) : 0;
  }
  std::vector<WorkPoint> as, af;
  passes.forward(start, actual, waits, as, af);
  const WorkPoint now = cal.point(o.as_of);
  for (std::size_t i = 0; i < ns; ++i) {
    const auto& st = p.stages[i];
    const bool milestone = st.duration == 0;
    const WorkPoint first_day = milestone ? as[i] : as[i] + 1;
    if (first_day > now) continue;
    model::Progress pr;
    pr.stage = st.id;
    pr.index = i;
    pr.started = cal.date_of(first_day);
    if (af[i] <= now) pr.finished = cal.date_of(std::max(af[i], first_day));
    p.progress.push_back(pr);

    // Overruns caused by the customer are recorded as delays, inside the stage.
    if (!milestone && factor[i] > 1.15 && rng.chance(st.customer ? 0.8 : 0.3)) {
      const Date lo = *pr.started;
      const Date hi = pr.finished ? *pr.finished : o.as_of;
      const int span = hi - lo;
      if (span >= 1) {
        model::Delay d;
        d.stage = st.id;
        d.index = i;
        d.from = lo.plus_days(rng.uniform(0, span / 2));
        d.to = std::min(hi, d.from.plus_days(rng.uniform(0, std::max(1, span / 2))));
        d.reason = rng.pick(k_delay_reasons);
        const Date reported = d.from.plus_days(rng.chance(0.85) ? rng.uniform(0, 2) : rng.uniform(5, 25));
        d.reported = std::min(reported, o.as_of);
        p.delays.push_back(std::move(d));
      }
    }
  }
  // The 95598 revisit within a month of energization (sometimes late, sometimes missing).
  if (const model::Progress* last = p.progress_of(ns - 1); last && last->finished && rng.chance(0.8)) {
    const Date when = last->finished->plus_days(rng.chance(0.85) ? rng.uniform(3, 28) : rng.uniform(32, 60));
    if (when <= o.as_of) {
      model::Revisit r;
      r.date = when;
      r.satisfied = rng.chance(0.9);
      p.revisit = r;
    }
  }

  // A confirmed baseline for some feasible orders, confirmed a few days after the application.
  const WorkPoint confirmed = start + rng.uniform(3, 8);
  if (defect == Defect::none && out.feasible && confirmed <= now && rng.chance(o.baseline_share)) {
    passes.backward(target, ls, lf);
    model::BaselineRevision rev;
    rev.number = 1;
    rev.confirmed = cal.date_of(confirmed);
    rev.reason = "初次确认";
    rev.applied = info.applied;
    rev.target = info.target;
    rev.planned_energization = cal.date_of(target);
    for (std::size_t i = 0; i < ns; ++i) {
      const auto& st = p.stages[i];
      model::BaselineStage b;
      b.id = st.id;
      b.name = st.name;
      b.dept = st.dept;
      b.customer = st.customer;
      b.unit = st.unit;
      b.duration = st.duration;
      b.limit_days = lf[i] - ls[i];
      b.deadline = cal.date_of(lf[i]);
      b.start = st.duration == 0 ? b.deadline : cal.date_of(ls[i] + 1);
      rev.stages.push_back(std::move(b));
    }
    model::Baseline base;
    base.project_id = info.id;
    base.revisions.push_back(std::move(rev));
    out.baseline = std::move(base);
  }
  return out;
}

namespace {

std::string quoted(std::string_view s) {
  std::string r = "\"";
  for (const char c : s) {
    if (c == '"' || c == '\\') r += '\\';
    r += c;
  }
  r += '"';
  return r;
}

void apply_model_defect(model::Project& p, Defect defect) {
  const std::size_t mid = p.stages.size() / 2;
  switch (defect) {
  case Defect::cycle: {
    // mid runs after its predecessor; make the predecessor run after mid as well.
    auto& s = p.stages[mid];
    const std::size_t pred = s.after.front().pred;
    add_dep(p.stages[pred], p, mid, DepType::fs, 0);
    break;
  }
  case Defect::unknown_stage: p.stages[mid].after.front().stage += "x"; break;
  case Defect::duplicate_stage: p.stages[mid].id = p.stages[mid - 1].id; break;
  case Defect::negative_days:
    p.stages[mid].unit = DurationUnit::working_days;
    p.stages[mid].duration = -3;
    break;
  case Defect::finish_before_start: {
    model::Progress* pr = nullptr;
    for (auto& x : p.progress)
      if (x.finished && *x.finished > *x.started) pr = &x;
    if (pr == nullptr) {
      p.progress.insert(p.progress.begin(), model::Progress{});
      pr = &p.progress.front();
      pr->stage = p.stages.front().id;
      pr->index = 0;
      pr->started = p.info.applied.plus_days(6);
    }
    pr->finished = pr->started->plus_days(-3);
    break;
  }
  default: break;
  }
}

} // namespace

std::string to_toml(const model::Project& original, Defect defect) {
  model::Project p = original;
  apply_model_defect(p, defect);
  const std::size_t mid = p.stages.size() / 2;
  const auto& info = p.info;
  std::string t;
  t.reserve(256 + p.stages.size() * 160 + p.progress.size() * 80);
  auto line = [&t](std::string_view key, const auto& value) { fmt::format_to(std::back_inserter(t), "{} = {}\n", key, value); };
  auto list = [](const std::vector<std::string>& v) {
    std::string r = "[";
    for (std::size_t i = 0; i < v.size(); ++i) r += (i ? ", " : "") + quoted(v[i]);
    return r + "]";
  };

  t += "# Generated by yekuo-gen-portfolio (benchmarks): synthetic data, not a real order.\n";
  t += "schema = 1\n\n[project]\n";
  line("id", quoted(info.id));
  if (defect == Defect::toml_syntax)
    t += "name = \"" + info.name + "\n"; // the closing quote is missing
  else
    line("name", quoted(info.name));
  line("customer", quoted(info.customer));
  line("voltage_kv", static_cast<int>(info.voltage_kv));
  line("capacity_kva", static_cast<int>(info.capacity_kva));
  line("key_project", info.key_project);
  line("live_line_work", info.live_line_work);
  line("customer_manager", quoted(info.customer_manager));
  line("applied", info.applied.iso());
  line("target", defect == Defect::bad_date ? fmt::format("{}-02-30", info.target.year()) : info.target.iso());
  line("customer_items", list(info.customer_items));
  line("customer_payments", list(info.customer_payments));
  if (!info.notes.empty()) line("notes", list(info.notes));

  for (std::size_t i = 0; i < p.stages.size(); ++i) {
    const auto& s = p.stages[i];
    t += "\n[[stage]]\n";
    line("id", quoted(s.id));
    line("name", quoted(s.name));
    line(defect == Defect::unknown_key && i == mid ? "detp" : "dept", quoted(s.dept));
    line(s.unit == DurationUnit::calendar_days ? "calendar_days" : "days", s.duration);
    if (s.min_duration) line("min_days", *s.min_duration);
    if (!s.after.empty()) {
      t += "after = [";
      for (std::size_t k = 0; k < s.after.size(); ++k) {
        const auto& d = s.after[k];
        if (k) t += ", ";
        if (d.type == DepType::fs && d.lag == 0)
          t += quoted(d.stage);
        else if (d.type == DepType::fs)
          fmt::format_to(std::back_inserter(t), "{{ stage = {}, lag = {} }}", quoted(d.stage), d.lag);
        else
          fmt::format_to(std::back_inserter(t), "{{ stage = {}, type = \"{}\", lag = {} }}", quoted(d.stage),
                         d.type == DepType::ss ? "SS" : "FF", d.lag);
      }
      t += "]\n";
    }
  }
  for (const auto& pr : p.progress) {
    t += "\n[[progress]]\n";
    line("stage", quoted(pr.stage));
    if (pr.started) line("started", pr.started->iso());
    if (pr.finished) line("finished", pr.finished->iso());
  }
  for (const auto& d : p.delays) {
    t += "\n[[delay]]\n";
    line("stage", quoted(d.stage));
    line("from", d.from.iso());
    line("to", d.to.iso());
    line("reason", quoted(d.reason));
    if (d.reported) line("reported", d.reported->iso());
  }
  if (p.revisit) {
    t += "\n[revisit]\n";
    if (p.revisit->date) line("date", p.revisit->date->iso());
    if (p.revisit->satisfied) line("satisfied", *p.revisit->satisfied);
  }
  return t;
}

std::string relative_path(const model::Project& project, std::size_t index) {
  return fmt::format("b{:03}/{}.toml", index / 1000, project.info.id);
}

} // namespace yekuo::bench
