// The JSON after-action report: the same facts as the HTML page under stable keys.
#include <algorithm>
#include <fstream>

#include "core/hash.h"
#include "report/report_writer.h"
#include "score/scorer.h"

namespace cd::report {
namespace {

nlohmann::json nullable(const std::optional<double>& v) { return v ? nlohmann::json(*v) : nlohmann::json(nullptr); }

}  // namespace

nlohmann::json buildReportJson(const record::SessionLog& log, const score::ScoreResult& score,
                               const ReportExtras& extras) {
    using nlohmann::json;
    const record::SessionMeta& m = log.meta;
    json criteria = json::array();
    for (const auto& c : score.criteria) {
        criteria.push_back({{"id", c.id},
                            {"description", c.description},
                            {"kind", score::toString(c.kind)},
                            {"points", c.points},
                            {"max_points", c.maxPoints},
                            {"met", c.met},
                            {"critical_failure", c.criticalFailure},
                            {"evidence", c.evidence}});
    }
    score::FedPeak peak = score::peakFed(log);
    json finalHash = nullptr;
    if (!log.hashes.empty()) {
        const record::StateHash* last = &log.hashes.front();
        for (const auto& h : log.hashes)
            if (h.tick >= last->tick) last = &h;
        finalHash = toHex(last->hash);
    }
    json chain = {{"verified", extras.chain.has_value()}};
    json chainHead = nullptr;
    if (extras.chain) {
        chain["intact"] = extras.chain->intact;
        chain["closed"] = extras.chain->closed;
        chain["rows"] = extras.chain->rows;
        chain["message"] = extras.chain->message;
        chainHead = extras.chain->head;
    } else if (!extras.chainHead.empty()) {
        chainHead = extras.chainHead;
    }
    return {
        {"format", "citydrill.report/1"},
        {"session_id", m.sessionId},
        {"scenario", {{"id", m.scenarioId}, {"title", m.scenarioTitle}, {"path", m.scenarioPath}}},
        {"trainee", {{"name", m.traineeName}, {"role", m.traineeRole}}},
        {"started_at_utc", m.startedAtUtc},
        {"seed", m.seed},
        {"input", m.input},
        {"citydrill_version", m.citydrillVersion},
        {"tick_s", m.tickS},
        {"duration_s", m.durationS},
        {"score",
         {{"rubric", score.rubricId},
          {"points", score.points},
          {"max_points", score.maxPoints},
          {"percent", score.percent},
          {"pass_mark", score.passMark},
          {"passed", score.passed},
          {"critical_failure", score.criticalFailure},
          {"critical_reasons", score.criticalReasons},
          {"criteria", criteria}}},
        {"counts",
         {{"actions", log.actions.size()},
          {"events", log.events.size()},
          {"poses", log.poses.size()},
          {"state_hashes", log.hashes.size()}}},
        {"max_fed", peak.fed},
        {"max_fed_time_s", peak.timeS},
        {"time_to_assembly_s", nullable(score::firstEventTime(log, "trainee.reached_assembly"))},
        {"time_to_leave_building_s", nullable(score::firstEventTime(log, "trainee.left_building"))},
        {"final_state_hash", finalHash},
        {"chain_head", chainHead},
        {"chain", chain},
    };
}

Status writeReportJson(const std::string& path, const record::SessionLog& log, const score::ScoreResult& score,
                       const ReportExtras& extras) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out) return makeError("cannot write report", path);
    // Replace invalid UTF-8 rather than throw: names come from scenario files and input.
    out << buildReportJson(log, score, extras).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    out.close();
    if (!out) return makeError("write failed", path);
    return Ok{};
}

}  // namespace cd::report
