// The HTML after-action report: one self-contained page, inline CSS and SVG, no scripts.
//
// [SECTION] style sheet
// [SECTION] header and score summary
// [SECTION] criteria table
// [SECTION] timeline, exposure plots, plan views, pictures
// [SECTION] event log and record integrity
#include <algorithm>
#include <fstream>

#include "core/hash.h"
#include "record/iso_time.h"
#include "report/report_writer.h"
#include "report_svg.h"
#include "score/scorer.h"

namespace cd::report {
namespace {

using record::SessionLog;

std::string esc(const std::string& s) { return htmlEscape(s); }

// [SECTION] style sheet
const char* kCss = R"css(
:root{--ink:#1d2433;--muted:#5b6475;--line:#d9dee7;--bg:#f5f7fa;--card:#fff;--accent:#1f4e79;
--pass:#1b7f3b;--fail:#b3261e;--warn:#b26a00;}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--ink);font:14px/1.5 "Segoe UI","Helvetica Neue",Arial,"Noto Sans",sans-serif}
main{max-width:1040px;margin:0 auto;padding:24px}
header.top{background:var(--accent);color:#fff;padding:22px 24px;border-radius:10px 10px 0 0;display:flex;gap:24px;align-items:center;justify-content:space-between}
header.top h1{margin:0;font-size:24px;font-weight:600}
header.top .sub{opacity:.85;font-size:13px}
.scorebox{text-align:right}
.scorebox .pct{font-size:34px;font-weight:700;line-height:1}
.scorebox .pts{font-size:13px;opacity:.9}
.badge{display:inline-block;padding:3px 10px;border-radius:999px;font-size:12px;font-weight:700;letter-spacing:.04em;text-transform:uppercase;color:#fff}
.badge.pass{background:var(--pass)}.badge.fail{background:var(--fail)}.badge.partial{background:var(--warn)}.badge.na{background:#78909c}
header.top .badge{font-size:14px;padding:5px 14px;margin-top:6px;border:2px solid rgba(255,255,255,.7)}
.meta{background:var(--card);border:1px solid var(--line);border-top:0;border-radius:0 0 10px 10px;padding:14px 24px;display:grid;grid-template-columns:repeat(4,1fr);gap:8px 20px}
.meta div{font-size:13px}.meta b{display:block;color:var(--muted);font-weight:600;font-size:11px;text-transform:uppercase;letter-spacing:.05em}
section{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:18px 24px;margin-top:18px;break-inside:avoid-page}
h2{font-size:17px;margin:0 0 12px;color:var(--accent)}
h3{font-size:14px;margin:14px 0 6px}
.callout{border-left:4px solid var(--fail);background:#fdecea;padding:10px 14px;border-radius:6px;margin-top:18px}
.note{border-left:4px solid var(--accent);background:#eef3f9;padding:10px 14px;border-radius:6px;margin-top:18px}
table{width:100%;border-collapse:collapse;font-size:13px}
th{text-align:left;color:var(--muted);font-weight:600;border-bottom:2px solid var(--line);padding:6px 8px}
td{border-bottom:1px solid var(--line);padding:6px 8px;vertical-align:top}
td.num,th.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
tr.total td{font-weight:700;border-top:2px solid var(--line)}
code,.mono{font-family:"SFMono-Regular",Consolas,"DejaVu Sans Mono",monospace;font-size:12px}
.evidence{color:var(--muted)}
.bar{height:6px;background:#e6e9ef;border-radius:3px;margin-top:4px;min-width:80px}
.bar span{display:block;height:6px;border-radius:3px}
svg.figure{width:100%;height:auto;display:block;margin:6px 0 10px}
svg text{font-family:"Segoe UI","Helvetica Neue",Arial,sans-serif}
svg .grid{stroke:#e6e9ef;stroke-width:1}
svg .axis{stroke:#8a94a6;stroke-width:1.2}
svg .laneline{stroke:#cfd6e1;stroke-width:1.5}
svg .leader{stroke:#b0b8c6;stroke-width:.8}
svg .tick{font-size:10px;fill:#5b6475}
svg .lane{font-size:11px;font-weight:600;fill:#1d2433}
svg .mark{font-size:10px}
svg .plottitle{font-size:12px;font-weight:600;fill:#1d2433}
svg .reflabel{font-size:10px;font-weight:600}
svg .rmlabel{font-size:10px;fill:#37474f}
svg .mklabel{font-size:10px;font-weight:600;fill:#1d2433}
svg .asmlabel{font-size:11px;font-weight:700;fill:#fff}
svg .rm-room{fill:#eef1f5;stroke:#7d8796;stroke-width:1}
svg .rm-corridor{fill:#f7f3e6;stroke:#7d8796;stroke-width:1}
svg .rm-hall{fill:#f3eee2;stroke:#7d8796;stroke-width:1}
svg .rm-stair{fill:#dfe8f3;stroke:#51627a;stroke-width:1}
svg .rm-lift{fill:#e5e0ef;stroke:#51627a;stroke-width:1}
svg .rm-exit{fill:#def2e4;stroke:#2e7d32;stroke-width:1}
svg .rm-outside{fill:#eef5e9;stroke:#a5b99a;stroke-width:1;stroke-dasharray:4 3}
svg .rm-hazard{fill:#fbe3df;stroke:#b3261e;stroke-width:1}
svg .door{fill:#8d6e63;stroke:#fff;stroke-width:1}
svg .window{fill:#4fc3f7;stroke:#01579b;stroke-width:1}
svg .exit{fill:#1b7f3b;stroke:#fff;stroke-width:1}
svg .assembly{fill:#1b7f3b;stroke:#fff;stroke-width:2}
svg .fire{fill:#e65100;stroke:#b71c1c;stroke-width:1}
svg .fire-halo{fill:#ff7043;opacity:.25}
svg .pathstart{fill:#fff;stroke:#1d2433;stroke-width:2}
svg .pathend{stroke:#1d2433;stroke-width:1.5}
.legend{font-size:12px;color:var(--muted);display:flex;flex-wrap:wrap;gap:4px 16px}
.legend i{display:inline-block;width:10px;height:10px;border-radius:50%;margin-right:5px;vertical-align:-1px}
figure{margin:10px 0}figure img{max-width:100%;border:1px solid var(--line);border-radius:6px}
figcaption{font-size:12px;color:var(--muted)}
.ok{color:var(--pass);font-weight:700}.bad{color:var(--fail);font-weight:700}.muted{color:var(--muted)}
footer{color:var(--muted);font-size:12px;text-align:center;margin:18px 0 6px}
@media print{body{background:#fff;font-size:12px}main{max-width:none;padding:0}
section,.meta,header.top{border-radius:0;box-shadow:none}header.top{-webkit-print-color-adjust:exact;print-color-adjust:exact}
.badge,svg{-webkit-print-color-adjust:exact;print-color-adjust:exact}section{break-inside:avoid}}
@page{margin:14mm}
@media (max-width:720px){.meta{grid-template-columns:repeat(2,1fr)}header.top{flex-direction:column;align-items:flex-start}.scorebox{text-align:left}}
)css";

std::string fmtDuration(double s) {
    int total = static_cast<int>(std::lround(std::max(0.0, s)));
    char buf[32];
    std::snprintf(buf, sizeof buf, "%d:%02d", total / 60, total % 60);
    return std::string(buf) + " (" + num(s, 1) + " s)";
}

// "2026-11-29 02:00 UTC" from an ISO 8601 time; the text itself when it does not parse.
std::string readableTime(const std::string& iso) {
    auto ms = record::parseIso8601Ms(iso);
    if (!ms) return iso;
    std::string t = record::formatIso8601Ms(*ms);  // 2026-11-29T02:00:00.000Z
    return t.substr(0, 10) + " " + t.substr(11, 5) + " UTC";
}

std::string metaItem(const char* name, const std::string& value) {
    return "<div><b>" + std::string(name) + "</b>" + (value.empty() ? "<span class=\"muted\">-</span>" : esc(value)) + "</div>";
}

// [SECTION] header and score summary
std::string headerHtml(const SessionLog& log, const score::ScoreResult& score) {
    const auto& m = log.meta;
    std::string title = m.scenarioTitle.empty() ? (m.scenarioId.empty() ? "CityDrill session" : m.scenarioId) : m.scenarioTitle;
    std::string badge = score.passed ? "<span class=\"badge pass\">Passed</span>"
                                     : (score.criticalFailure ? "<span class=\"badge fail\">Failed: critical</span>"
                                                              : "<span class=\"badge fail\">Failed</span>");
    std::string s = "<header class=\"top\"><div><div class=\"sub\">After-action report</div><h1>" + esc(title) +
                    "</h1><div class=\"sub\">" + esc(m.scenarioId) + (m.scenarioPath.empty() ? "" : " &middot; " + esc(m.scenarioPath)) +
                    "</div></div><div class=\"scorebox\"><div class=\"pct\">" + num(score.percent, 0) +
                    "%</div><div class=\"pts\">" + num(score.points, 1) + " / " + num(score.maxPoints, 1) +
                    " points &middot; pass mark " + num(score.passMark, 0) + "%</div>" + badge + "</div></header>";
    std::string trainee = m.traineeName + (m.traineeRole.empty() ? "" : " (" + m.traineeRole + ")");
    s += "<div class=\"meta\">" + metaItem("Trainee", trainee) + metaItem("Date", readableTime(m.startedAtUtc)) +
         metaItem("Duration", fmtDuration(m.durationS)) + metaItem("Seed", std::to_string(m.seed)) +
         metaItem("Session", m.sessionId) + metaItem("Input", m.input) + metaItem("Rubric", score.rubricId) +
         metaItem("CityDrill", m.citydrillVersion) + "</div>";
    return s;
}

// [SECTION] criteria table
std::string criteriaHtml(const score::ScoreResult& score) {
    std::string s = "<section id=\"criteria\"><h2>Score by criterion</h2><table><thead><tr><th>Criterion</th><th>Evidence</th>"
                    "<th class=\"num\">Points</th><th>Result</th></tr></thead><tbody>";
    for (const auto& c : score.criteria) {
        double frac = c.maxPoints > 0 ? c.points / c.maxPoints : 0.0;
        std::string badge = c.criticalFailure ? "<span class=\"badge fail\">Critical</span>"
                            : c.met           ? "<span class=\"badge pass\">Met</span>"
                            : c.points > 0    ? "<span class=\"badge partial\">Partial</span>"
                                              : "<span class=\"badge fail\">Missed</span>";
        std::string colour = frac >= 0.999 ? "#1b7f3b" : (frac > 0 ? "#b26a00" : "#b3261e");
        s += "<tr id=\"criterion-" + esc(c.id) + "\"><td><code>" + esc(c.id) + "</code><br>" + esc(c.description) +
             "<div class=\"muted\">" + score::toString(c.kind) + "</div></td><td class=\"evidence\">" + esc(c.evidence) +
             "</td><td class=\"num\">" + num(c.points, 2) + " / " + num(c.maxPoints, 2) +
             "<div class=\"bar\"><span style=\"width:" + num(100.0 * frac, 0) + "%;background:" + colour +
             "\"></span></div></td><td>" + badge + "</td></tr>";
    }
    s += "<tr class=\"total\"><td>Total</td><td></td><td class=\"num\">" + num(score.points, 2) + " / " +
         num(score.maxPoints, 2) + "</td><td>" + num(score.percent, 1) + "%</td></tr></tbody></table></section>";
    return s;
}

// [SECTION] timeline, exposure plots, plan views, pictures
std::string timelineHtml(const SessionLog& log) {
    std::string s = "<section id=\"timeline\"><h2>Timeline</h2>" + timelineSvg(log);
    s += "<div class=\"legend\">";
    const std::pair<const char*, const char*> keys[] = {{"fire.*", "fire"},  {"alarm.*", "alarm"}, {"door.*", "door"},
                                                        {"trainee.*", "trainee"}, {"*threshold*", "threshold"},
                                                        {"other", "scenario"}};
    const char* sample[] = {"fire.x", "alarm.x", "door.x", "trainee.x", "x.threshold", "scenario.x"};
    for (int i = 0; i < 6; ++i)
        s += "<span><i style=\"background:" + eventColour(sample[i]) + "\"></i>" + keys[i].second + " (" + keys[i].first + ")</span>";
    s += "<span><i style=\"background:#283593\"></i>action</span><span>hover a marker for its details</span></div></section>";
    return s;
}

std::string plotsHtml(const SessionLog& log, const ReportExtras& extras) {
    if (!extras.smokeExposure && extras.hazardPlots.empty()) return {};
    std::vector<const record::PoseSample*> p;
    for (const auto& x : log.poses) p.push_back(&x);
    std::stable_sort(p.begin(), p.end(), [](auto* a, auto* b) { return a->timeS < b->timeS; });
    PlotSeries fed{"FED", "#b3261e", {}}, vis{"visibility", "#1f4e79", {}}, temp{"temperature", "#e65100", {}};
    double maxFed = 0, maxVis = 0, maxT = 20, minT = 20;
    for (const auto* x : p) {
        fed.points.emplace_back(x->timeS, x->fed);
        vis.points.emplace_back(x->timeS, x->visibilityM);
        temp.points.emplace_back(x->timeS, x->temperatureC);
        maxFed = std::max(maxFed, x->fed);
        maxVis = std::max(maxVis, x->visibilityM);
        maxT = std::max(maxT, x->temperatureC);
        minT = std::min(minT, x->temperatureC);
    }
    double d = log.meta.durationS;
    std::string s = "<section id=\"exposure\"><h2>Exposure at the trainee</h2>";
    for (const ReportPlot& plot : extras.hazardPlots) {
        std::vector<PlotSeries> lines;
        for (const auto& l : plot.lines) lines.push_back({l.label, l.colour, l.points});
        std::vector<PlotRefLine> refs;
        for (const auto& t : plot.thresholds) refs.push_back({t.value, t.label, t.colour});
        s += timePlotSvg(plot.title, plot.unit, d, lines, refs, plot.minY, plot.maxY);
    }
    if (!extras.smokeExposure) return s + "</section>";
    s += timePlotSvg("Fractional effective dose (ISO 13571)", "FED", d, {fed},
                     {{0.3, "0.3 sensitive", "#b26a00"}, {1.0, "1.0 incapacitation", "#b3261e"}}, 0.0,
                     std::max(1.1, maxFed * 1.1));
    s += timePlotSvg("Visibility at eye height", "m", d, {vis}, {}, 0.0, std::max(10.0, maxVis * 1.05));
    s += timePlotSvg("Gas temperature at eye height", "\xC2\xB0" "C", d, {temp}, {{60.0, "60 \xC2\xB0" "C", "#b26a00"}},
                     std::min(0.0, minT), std::max(80.0, maxT * 1.1));
    s += "</section>";
    return s;
}

std::string planHtml(const SessionLog& log, const ReportExtras& extras) {
    if (extras.storeys.empty()) return {};
    std::string s = "<section id=\"plan\"><h2>Plan and route</h2>";
    for (std::size_t i = 0; i < extras.storeys.size(); ++i) {
        const PlanStorey& st = extras.storeys[i];
        double next = i + 1 < extras.storeys.size() ? extras.storeys[i + 1].floorZ : 1e300;
        s += "<h3>" + esc(st.name.empty() ? st.id : st.name) + "</h3>" + planSvg(st, i == 0, next, extras, log);
    }
    s += "<div class=\"legend\"><span>&#9675; start</span><span>&#9632; last pose</span><span><i style=\"background:#8d6e63;border-radius:0\"></i>door</span>"
         "<span><i style=\"background:#1b7f3b\"></i>exit / assembly point</span><span><i style=\"background:#e65100\"></i>fire</span></div></section>";
    return s;
}

std::string picturesHtml(const ReportExtras& extras) {
    if (extras.pictures.empty()) return {};
    std::string s = "<section id=\"pictures\"><h2>Pictures</h2>";
    for (const auto& p : extras.pictures) {
        s += "<figure><img alt=\"" + esc(p.caption) + "\" src=\"data:image/png;base64," + base64Encode(p.png.data(), p.png.size()) +
             "\"><figcaption>" + esc(p.caption) + "</figcaption></figure>";
    }
    return s + "</section>";
}

// [SECTION] event log and record integrity
std::string logHtml(const SessionLog& log) {
    struct Row { double t; std::string what, kind, subject, detail; };
    std::vector<Row> rows;
    for (const auto& e : log.events) rows.push_back({e.timeS, "event", e.kind, e.subject, e.text});
    for (const auto& a : log.actions) {
        if (a.kind == record::ActionKind::Move || a.kind == record::ActionKind::Look) continue;
        rows.push_back({a.timeS, "action", record::toString(a.kind), a.target, a.text});
    }
    std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.t < b.t; });
    const std::size_t cap = 400;
    std::string s = "<section id=\"log\"><h2>Events and actions</h2><table><thead><tr><th class=\"num\">Time</th><th>Type</th>"
                    "<th>Kind</th><th>Subject</th><th>Detail</th></tr></thead><tbody>";
    for (std::size_t i = 0; i < rows.size() && i < cap; ++i) {
        const Row& r = rows[i];
        s += "<tr><td class=\"num\">" + num(r.t, 1) + " s</td><td>" + r.what + "</td><td><code>" + esc(r.kind) +
             "</code></td><td>" + esc(r.subject) + "</td><td>" + esc(r.detail) + "</td></tr>";
    }
    s += "</tbody></table>";
    if (rows.size() > cap)
        s += "<p class=\"muted\">" + std::to_string(rows.size() - cap) + " more rows are in the session database.</p>";
    std::size_t moves = 0;
    for (const auto& a : log.actions)
        if (a.kind == record::ActionKind::Move || a.kind == record::ActionKind::Look) ++moves;
    if (moves) s += "<p class=\"muted\">" + std::to_string(moves) + " move/look actions are not listed.</p>";
    return s + "</section>";
}

std::string integrityHtml(const SessionLog& log, const ReportExtras& extras) {
    std::string status, head;
    if (extras.chain) {
        const auto& c = *extras.chain;
        status = c.intact ? "<span class=\"ok\">Intact</span>" : "<span class=\"bad\">Broken</span>";
        status += " &middot; " + esc(c.message);
        head = c.head;
    } else {
        status = "<span class=\"muted\">not verified</span>";
        head = extras.chainHead;
    }
    std::string finalHash = "-";
    if (!log.hashes.empty()) {
        const record::StateHash* last = &log.hashes.front();
        for (const auto& h : log.hashes)
            if (h.tick >= last->tick) last = &h;
        finalHash = toHex(last->hash) + " (tick " + std::to_string(last->tick) + ", " + num(last->timeS, 1) + " s)";
    }
    return "<section id=\"integrity\"><h2>Record integrity</h2><table><tbody>"
           "<tr><td>Hash chain (SHA-256)</td><td>" + status + "</td></tr>"
           "<tr><td>Chain head</td><td class=\"mono\">" + (head.empty() ? "-" : esc(head)) + "</td></tr>"
           "<tr><td>Final state hash</td><td class=\"mono\">" + esc(finalHash) + "</td></tr>"
           "<tr><td>Rows</td><td>" + std::to_string(log.actions.size()) + " actions, " + std::to_string(log.events.size()) +
           " events, " + std::to_string(log.poses.size()) + " poses, " + std::to_string(log.hashes.size()) +
           " state hashes</td></tr></tbody></table></section>";
}

}  // namespace

std::string renderReportHtml(const SessionLog& log, const score::ScoreResult& score, const ReportExtras& extras) {
    std::string title = log.meta.scenarioTitle.empty() ? log.meta.scenarioId : log.meta.scenarioTitle;
    std::string s = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                    "<title>" + esc(title) + " - " + esc(log.meta.traineeName) + " - CityDrill report</title><style>" +
                    kCss + "</style></head><body><main>\n";
    s += headerHtml(log, score) + "\n";
    if (score.criticalFailure) {
        s += "<div class=\"callout\"><b>Critical failure.</b><ul>";
        for (const auto& r : score.criticalReasons) s += "<li>" + esc(r) + "</li>";
        s += "</ul></div>";
    }
    if (!extras.note.empty()) s += "<div class=\"note\">" + esc(extras.note) + "</div>";
    s += criteriaHtml(score) + "\n" + timelineHtml(log) + "\n" + plotsHtml(log, extras) + "\n" + planHtml(log, extras) + "\n" +
         picturesHtml(extras) + "\n" + logHtml(log) + "\n" + integrityHtml(log, extras) + "\n";
    s += "<footer>CityDrill " + esc(log.meta.citydrillVersion) + " &middot; session " + esc(log.meta.sessionId) +
         " &middot; scores are a pure function of the session log and the rubric</footer>";
    s += "</main></body></html>\n";
    return s;
}

Status writeReportHtml(const std::string& path, const SessionLog& log, const score::ScoreResult& score,
                       const ReportExtras& extras) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out) return makeError("cannot write report", path);
    out << renderReportHtml(log, score, extras);
    out.close();
    if (!out) return makeError("write failed", path);
    return Ok{};
}

}  // namespace cd::report
