#include "core/campaign/schedule.h"

#include <algorithm>
#include <map>
#include <tuple>
#include <unordered_map>

namespace zj {

namespace {

struct Interviewer {
  std::vector<char> available;  // per day offset
  std::vector<int> used;        // talks placed per day (held ones included)
  std::map<int, std::vector<std::pair<int, int>>> busy;  // day offset -> [start, end) minutes already taken
  int capacity = 0;
};

struct Group {
  size_t interviewer = 0;
  Id interviewer_id, branch_id;
  std::vector<size_t> pairs;  // pair indices, ascending
  int deadline = 0;           // day offset (min over its pairs)
  int free_before_deadline = 0;
};

}  // namespace

ScheduleResult ScheduleTalks(const std::vector<TalkPair>& pairs, Date from, Date to, const TalkScheduleSettings& s,
                             const std::vector<TakenTalk>& taken) {
  ScheduleResult res;
  auto fail_all = [&](const std::string& zh, const std::string& en) {
    for (size_t i = 0; i < pairs.size(); ++i) res.unscheduled.push_back({i, zh, en});
    return res;
  };
  if (from > to) return fail_all("排期开始日期 " + from.ToString() + " 晚于结束日期 " + to.ToString(),
                                 "the schedule starts " + from.ToString() + ", after its end " + to.ToString());
  if (s.talk_minutes <= 0 || s.gap_minutes < 0 || s.day_start_minute < 0 || s.day_start_minute > 1439)
    return fail_all("排期设置无效: 每次谈话时长须大于0, 开始时间须在一天之内",
                    "invalid settings: talk length must be > 0 and the day start within the day");
  const int D = to - from + 1;
  const int slot = s.talk_minutes + s.gap_minutes;
  const int max_per_day = std::max(0, (1440 - s.day_start_minute + s.gap_minutes) / slot);

  // Interviewers.
  std::unordered_map<Id, size_t> iv_index;
  std::vector<Interviewer> ivs;
  std::unordered_map<Id, const InterviewerAvailability*> avail_of;
  for (const auto& a : s.interviewers) avail_of.emplace(a.cadre_id, &a);  // first entry wins
  auto interviewer = [&](const Id& id) {
    auto it = iv_index.find(id);
    if (it != iv_index.end()) return it->second;
    Interviewer iv;
    iv.available.assign(D, 0);
    iv.used.assign(D, 0);
    auto a = avail_of.find(id);
    const bool all_weekdays = a == avail_of.end() || a->second->days.empty();
    iv.capacity = std::min(max_per_day, std::max(0, a == avail_of.end() ? s.default_capacity : a->second->daily_capacity));
    if (all_weekdays) {
      for (int d = 0; d < D; ++d) iv.available[d] = !(from + d).IsWeekend();
    } else {
      for (Date d : a->second->days)
        if (d >= from && d <= to) iv.available[d - from] = 1;
    }
    ivs.push_back(std::move(iv));
    iv_index.emplace(id, ivs.size() - 1);
    return ivs.size() - 1;
  };

  // Interviewees: unavailable days and days already taken (one talk a day).
  std::unordered_map<Id, std::vector<char>> blocked;  // 1 = unavailable, 2 = has a talk that day
  for (const auto& u : s.interviewees) {
    auto& v = blocked[u.person_id];
    if (v.empty()) v.assign(D, 0);
    for (Date d : u.days)
      if (d >= from && d <= to) v[d - from] = 1;
  }
  auto state = [&](const Id& person, int day) -> int {
    auto it = blocked.find(person);
    return it == blocked.end() ? 0 : it->second[day];
  };
  auto take = [&](const Id& person, int day) {
    auto& v = blocked[person];
    if (v.empty()) v.assign(D, 0);
    v[day] = 2;
  };

  // Deadlines per pair as day offsets (may be < 0: before the window).
  std::vector<int> dl(pairs.size());
  for (size_t i = 0; i < pairs.size(); ++i) {
    Date d = to;
    const auto& k = s.deadline[static_cast<int>(pairs[i].kind)];
    if (k && *k < d) d = *k;
    dl[i] = d - from;
  }

  // Groups (interviewer, branch).
  std::map<std::pair<Id, Id>, size_t> group_of;
  std::vector<Group> groups;
  for (size_t i = 0; i < pairs.size(); ++i) {
    auto key = std::make_pair(pairs[i].interviewer_id, pairs[i].branch_id);
    auto it = group_of.find(key);
    if (it == group_of.end()) {
      Group g;
      g.interviewer = interviewer(pairs[i].interviewer_id);
      g.interviewer_id = pairs[i].interviewer_id;
      g.branch_id = pairs[i].branch_id;
      g.deadline = dl[i];
      groups.push_back(std::move(g));
      it = group_of.emplace(key, groups.size() - 1).first;
    }
    Group& g = groups[it->second];
    g.pairs.push_back(i);
    g.deadline = std::min(g.deadline, dl[i]);
  }
  for (auto& g : groups) {
    const auto& iv = ivs[g.interviewer];
    for (int d = 0; d <= std::min(g.deadline, D - 1); ++d)
      if (iv.available[d]) g.free_before_deadline += iv.capacity;
  }
  std::vector<size_t> order(groups.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const Group &x = groups[a], &y = groups[b];
    const int sx = -static_cast<int>(x.pairs.size()), sy = -static_cast<int>(y.pairs.size());
    return std::tie(x.deadline, x.free_before_deadline, sx, x.interviewer_id, x.branch_id) <
           std::tie(y.deadline, y.free_before_deadline, sy, y.interviewer_id, y.branch_id);
  });

  // Held talks keep their time and their interviewee's day.
  for (const TakenTalk& t : taken) {
    if (t.date < from || t.date > to) continue;
    const int day = t.date - from;
    Interviewer& iv = ivs[interviewer(t.interviewer_id)];
    ++iv.used[day];
    iv.busy[day].push_back({t.start_minute, t.start_minute + std::max(1, t.minutes)});
    take(t.interviewee_id, day);
  }

  auto place = [&](size_t p, size_t ivi, int day) {
    Interviewer& iv = ivs[ivi];
    // The first slot of the day that overlaps no talk already there (slots are talk_minutes + gap apart).
    int start = s.day_start_minute;
    auto& busy = iv.busy[day];
    for (bool clash = true; clash;) {
      clash = false;
      for (const auto& [b, e] : busy)
        if (start < e + s.gap_minutes && b < start + s.talk_minutes + s.gap_minutes) { clash = true; break; }
      if (clash) start += slot;
    }
    busy.push_back({start, start + s.talk_minutes});
    ++iv.used[day];
    take(pairs[p].interviewee_id, day);
    res.scheduled.push_back({p, from + day, start, start + s.talk_minutes});
  };

  const int last_any = pairs.empty() ? -1 : std::min(D - 1, *std::max_element(dl.begin(), dl.end()));
  std::vector<size_t> failed;
  for (size_t gi : order) {
    Group& g = groups[gi];
    Interviewer& iv = ivs[g.interviewer];
    const int last = std::min(g.deadline, D - 1);
    const int n = static_cast<int>(g.pairs.size());
    bool whole = false;
    for (int d = 0; d <= last && !whole; ++d) {
      if (!iv.available[d] || iv.capacity - iv.used[d] < n) continue;
      bool ok = true;
      for (size_t p : g.pairs)
        if (state(pairs[p].interviewee_id, d) != 0) { ok = false; break; }
      if (!ok) continue;
      for (size_t p : g.pairs) place(p, g.interviewer, d);
      whole = true;
    }
    if (whole) continue;
    // Split over as few days as possible: each round takes the day that fits the most remaining pairs.
    std::vector<size_t> left = g.pairs;
    while (!left.empty()) {
      int best_day = -1, best = 0;
      for (int d = 0; d <= last_any; ++d) {
        if (!iv.available[d]) continue;
        const int room = iv.capacity - iv.used[d];
        if (room <= 0) continue;
        int fit = 0;
        for (size_t p : left)
          if (d <= dl[p] && state(pairs[p].interviewee_id, d) == 0) ++fit;
        fit = std::min(fit, room);
        if (fit > best) best = fit, best_day = d;
      }
      if (best_day < 0) break;
      std::vector<size_t> rest;
      int placed = 0;
      for (size_t p : left) {
        if (placed < best && best_day <= dl[p] && state(pairs[p].interviewee_id, best_day) == 0) {
          place(p, g.interviewer, best_day);
          ++placed;
        } else {
          rest.push_back(p);
        }
      }
      left.swap(rest);
    }
    failed.insert(failed.end(), left.begin(), left.end());
  }

  // Explain each pair that could not be placed.
  std::sort(failed.begin(), failed.end());
  for (size_t p : failed) {
    const Interviewer& iv = ivs[iv_index.at(pairs[p].interviewer_id)];
    const Date deadline = from + dl[p];
    const std::string win = from.ToString() + " — " + deadline.ToString();
    if (dl[p] < 0) {
      res.unscheduled.push_back({p, "截止日期 " + deadline.ToString() + " 早于排期开始 " + from.ToString(),
                                 "the deadline " + deadline.ToString() + " is before the schedule starts " + from.ToString()});
      continue;
    }
    int days_iv = 0, days_free = 0, days_unbusy = 0;
    for (int d = 0; d <= std::min(dl[p], D - 1); ++d) {
      if (!iv.available[d] || iv.capacity <= 0) continue;
      ++days_iv;
      const int st = state(pairs[p].interviewee_id, d);
      if (st == 1) continue;
      ++days_free;
      if (st == 0) ++days_unbusy;
    }
    if (days_iv == 0) {
      res.unscheduled.push_back({p, "谈话人在 " + win + " 之间没有可谈话的日期 (或每日名额为0)",
                                 "the interviewer has no available day (or a capacity of 0) in " + win});
    } else if (days_free == 0) {
      res.unscheduled.push_back({p, "被谈话人在谈话人可用的 " + std::to_string(days_iv) + " 天 (" + win + ") 都不在",
                                 "the interviewee is unavailable on all " + std::to_string(days_iv) +
                                     " days the interviewer is available in " + win});
    } else if (days_unbusy == 0) {
      res.unscheduled.push_back({p, "被谈话人在其余可用日期已有其他谈话 (每人每天至多一次)",
                                 "the interviewee already has another talk on each remaining day (at most one a day)"});
    } else {
      res.unscheduled.push_back({p, "谈话人在截止日期前的可用日期已排满 (" + std::to_string(days_iv) + " 天，每天 " +
                                        std::to_string(iv.capacity) + " 次)",
                                 "the interviewer's days before the deadline are full (" + std::to_string(days_iv) +
                                     " days, " + std::to_string(iv.capacity) + " talks a day)"});
    }
  }
  std::sort(res.scheduled.begin(), res.scheduled.end(), [&](const ScheduledTalk& a, const ScheduledTalk& b) {
    return std::tie(a.date.days, pairs[a.pair_index].interviewer_id, a.start_minute) <
           std::tie(b.date.days, pairs[b.pair_index].interviewer_id, b.start_minute);
  });
  return res;
}

void ApplySchedule(std::vector<Talk>& talks, const std::vector<TalkPair>& pairs, const ScheduleResult& r,
                   int talk_minutes, TimestampMs now, const std::string& device) {
  std::map<std::tuple<int, Id, Id>, size_t> index;
  for (size_t i = 0; i < talks.size(); ++i)
    index.emplace(std::make_tuple(static_cast<int>(talks[i].pair.kind), talks[i].pair.interviewer_id,
                                  talks[i].pair.interviewee_id),
                  i);
  auto find = [&](size_t p) -> Talk* {
    if (p >= pairs.size()) return nullptr;
    auto it = index.find({static_cast<int>(pairs[p].kind), pairs[p].interviewer_id, pairs[p].interviewee_id});
    return it == index.end() || talks[it->second].Held() ? nullptr : &talks[it->second];
  };
  auto touch = [&](Talk& t) {
    t.meta.updated = now;
    t.meta.device = device;
  };
  for (const auto& s : r.scheduled) {
    Talk* t = find(s.pair_index);
    if (!t) continue;
    if (t->planned_date != s.date || t->planned_start_minute != s.start_minute || t->duration_minutes != talk_minutes) {
      t->planned_date = s.date;
      t->planned_start_minute = s.start_minute;
      t->duration_minutes = talk_minutes;
      touch(*t);
    }
  }
  for (const auto& u : r.unscheduled) {
    Talk* t = find(u.pair_index);
    if (t && t->planned_date) {
      t->planned_date.reset();
      touch(*t);
    }
  }
}

}  // namespace zj
