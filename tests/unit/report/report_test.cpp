// The after-action report: HTML structure, escaping, embedded pictures and the JSON keys.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "core/hash.h"
#include "report/report_writer.h"
#include "sample_session.h"
#include "score/scorer.h"

namespace fs = std::filesystem;
using namespace cd;

namespace {

score::Rubric sampleRubric() {
    score::Rubric r;
    r.id = "school_fire_v1";
    r.passMark = 70;
    auto add = [&](const std::string& kind, score::CriterionParams p) {
        auto c = score::makeCriterion(kind, p);
        EXPECT_TRUE(c.ok()) << c.error().str();
        r.criteria.push_back(*c);
    };
    using S = std::string;
    add("action_before", {{"id", S("raise_alarm")}, {"description", S("Pull the alarm within 60 s")}, {"action", S("pull_alarm")},
                          {"target_s", 60.0}, {"points", 2.0}});
    add("reach_assembly", {{"id", S("assembly")}, {"description", S("Reach the assembly point")}, {"target_s", 120.0},
                           {"limit_s", 240.0}, {"points", 4.0}});
    add("max_fed", {{"id", S("fed")}, {"description", S("Keep FED low")}, {"points", 2.0}});
    add("action_never", {{"id", S("no_lift")}, {"description", S("Never use the lift")}, {"action", S("use_lift")},
                         {"critical", true}});
    add("route_via", {{"id", S("stairs")}, {"description", S("Use stair B")}, {"via", std::vector<S>{"stair_b"}},
                      {"not_via", std::vector<S>{"stair_a"}}});
    return r;
}

report::ReportExtras sampleExtras() {
    report::ReportExtras x;
    report::PlanStorey g;
    g.id = "g";
    g.name = "Ground floor";
    g.rooms = {{"classroom_12", "Classroom 12", "room", 0, 0, 8, 6},
               {"corridor", "Corridor", "corridor", 8, 0, 20, 6},
               {"lab", "Science lab <B>", "hazard", 0, 6, 12, 14},
               {"stair_b", "Stair B", "stair", 20, 0, 24, 6},
               {"yard", "Yard", "outside", 24, -10, 44, 14}};
    g.doors = {{"d_class_corr", "", 8, 3, ""}, {"d_lab", "", 6, 6, ""}};
    g.exits = {{"exit_south", "South exit", 24, 3, ""}};
    g.windows = {{"w_lab", "w_lab opened by the trainee at 75 s", 3, 14, ""}};
    report::PlanStorey f1;
    f1.id = "f1";
    f1.name = "First floor";
    f1.floorZ = 3.5;
    f1.rooms = {{"hall_1", "", "hall", 0, 0, 20, 10}};
    x.storeys = {g, f1};
    x.assemblyPoint = report::PlanMarker{"assembly_field", "Sports field", 40, 3, ""};
    x.fires = {{"lab_fire", "", 4, 10, ""}};
    // A 1x1 PNG.
    static const std::uint8_t png[] = {0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
                                       0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89, 0, 0, 0, 0x0d, 0x49,
                                       0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0xf0, 0x1f, 0, 0x05, 0, 0x01,
                                       0xff, 0x89, 0x99, 0x3d, 0x1d, 0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82};
    x.pictures = {{"Final view", std::vector<std::uint8_t>(std::begin(png), std::end(png))}};
    record::ChainReport chain;
    chain.intact = true;
    chain.closed = true;
    chain.rows = 57;
    chain.head = std::string(64, 'a');
    chain.message = "chain intact over 57 rows";
    x.chain = chain;
    return x;
}

record::SessionLog hostileSession() {
    record::SessionLog log = testdata::sampleSession();
    log.meta.scenarioTitle = "Lab fire <script>alert('x')</script> & more";
    log.events.push_back({33.0, "scenario.message", "pa", 0, "<script>alert(1)</script>"});
    return log;
}

// A naive balance check of the markup: every opened element is closed in order (void
// elements and self-closing tags aside). Enough to catch broken string building.
std::string checkBalanced(const std::string& html) {
    static const std::set<std::string> voids = {"meta", "br", "img", "hr", "input", "link"};
    std::vector<std::string> stack;
    std::size_t i = 0;
    while ((i = html.find('<', i)) != std::string::npos) {
        std::size_t end = html.find('>', i);
        if (end == std::string::npos) return "unterminated tag at " + std::to_string(i);
        std::string tag = html.substr(i + 1, end - i - 1);
        i = end + 1;
        if (tag.empty() || tag[0] == '!') continue;
        bool closing = tag[0] == '/';
        bool selfClosing = tag.back() == '/';
        std::string name = tag.substr(closing ? 1 : 0);
        name = name.substr(0, name.find_first_of(" /"));
        if (name == "style") {  // skip the style sheet's text
            i = html.find("</style>", i);
            if (i == std::string::npos) return "unterminated style";
            i += 8;
            continue;
        }
        if (closing) {
            if (stack.empty() || stack.back() != name)
                return "</" + name + "> closes <" + (stack.empty() ? "nothing" : stack.back()) + "> near " +
                       std::to_string(i);
            stack.pop_back();
        } else if (!selfClosing && !voids.count(name)) {
            stack.push_back(name);
        }
    }
    if (!stack.empty()) return "unclosed <" + stack.back() + ">";
    // Every & starts an entity (inline SVG is XML, where a bare & is fatal).
    for (std::size_t a = html.find('&'); a != std::string::npos; a = html.find('&', a + 1)) {
        std::size_t semi = html.find(';', a);
        if (semi == std::string::npos || semi - a > 10) return "bare & at " + std::to_string(a);
        for (std::size_t k = a + 1; k < semi; ++k)
            if (!std::isalnum(static_cast<unsigned char>(html[k])) && html[k] != '#') return "bare & at " + std::to_string(a);
    }
    return "";
}

std::size_t count(const std::string& s, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t i = s.find(what); i != std::string::npos; i = s.find(what, i + 1)) ++n;
    return n;
}

}  // namespace

TEST(Base64, MatchesTheRfc4648TestVectors) {
    auto b = [](const std::string& s) {
        return report::base64Encode(reinterpret_cast<const std::uint8_t*>(s.data()), s.size());
    };
    EXPECT_EQ(b(""), "");
    EXPECT_EQ(b("f"), "Zg==");
    EXPECT_EQ(b("fo"), "Zm8=");
    EXPECT_EQ(b("foo"), "Zm9v");
    EXPECT_EQ(b("foob"), "Zm9vYg==");
    EXPECT_EQ(b("fooba"), "Zm9vYmE=");
    EXPECT_EQ(b("foobar"), "Zm9vYmFy");
}

TEST(ReportHtml, HasTheFiguresEveryCriterionAndBalancedMarkup) {
    record::SessionLog log = hostileSession();
    score::ScoreResult s = score::scoreSession(log, sampleRubric());
    std::string html = report::renderReportHtml(log, s, sampleExtras());
    EXPECT_EQ(checkBalanced(html), "");
    EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
    // timeline + 3 plots + 2 plan views
    EXPECT_EQ(count(html, "<svg "), 6u);
    EXPECT_EQ(count(html, "</svg>"), 6u);
    for (const auto& c : s.criteria) EXPECT_NE(html.find("criterion-" + c.id), std::string::npos) << c.id;
    EXPECT_NE(html.find("data:image/png;base64,iVBORw0KGgo"), std::string::npos);
    EXPECT_NE(html.find("Sports field"), std::string::npos);
    EXPECT_NE(html.find("1.0 incapacitation"), std::string::npos);
    EXPECT_NE(html.find(std::string(64, 'a')), std::string::npos);  // chain head
    EXPECT_NE(html.find("Intact"), std::string::npos);
    // No external references: the only URL is the SVG namespace.
    for (std::size_t i = html.find("http://"); i != std::string::npos; i = html.find("http://", i + 1))
        EXPECT_EQ(html.compare(i, 26, "http://www.w3.org/2000/svg"), 0) << "external reference at " << i;
    EXPECT_EQ(html.find("<script"), std::string::npos);
    EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
    EXPECT_NE(html.find("Science lab &lt;B&gt;"), std::string::npos);
    EXPECT_NE(html.find("<title>window w_lab opened by the trainee at 75 s</title><rect class=\"window\""), std::string::npos);
}

TEST(ReportHtml, AnEmptySessionStillRendersAValidPage) {
    record::SessionLog log;
    score::ScoreResult s;
    std::string html = report::renderReportHtml(log, s, {});
    EXPECT_EQ(checkBalanced(html), "");
    EXPECT_NE(html.find("no pose samples recorded"), std::string::npos);
    EXPECT_NE(html.find("not verified"), std::string::npos);
}

TEST(ReportJson, ParsesBackWithTheStableKeys) {
    record::SessionLog log = hostileSession();
    score::ScoreResult s = score::scoreSession(log, sampleRubric());
    fs::path dir = fs::temp_directory_path() / ("cd_report_" + std::to_string(::getpid()));
    fs::create_directories(dir);
    std::string jsonPath = (dir / "report.json").string(), htmlPath = (dir / "report.html").string();
    ASSERT_TRUE(report::writeReportJson(jsonPath, log, s, sampleExtras()).ok());
    ASSERT_TRUE(report::writeReportHtml(htmlPath, log, s, sampleExtras()).ok());
    if (const char* keep = std::getenv("CD_REPORT_SAMPLE_DIR")) {  // to look at the sample by eye
        fs::create_directories(keep);
        fs::copy_file(htmlPath, fs::path(keep) / "sample_report.html", fs::copy_options::overwrite_existing);
        fs::copy_file(jsonPath, fs::path(keep) / "sample_report.json", fs::copy_options::overwrite_existing);
    }
    std::ifstream in(jsonPath);
    nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
    fs::remove_all(dir);
    ASSERT_FALSE(j.is_discarded());
    for (const char* key : {"scenario", "trainee", "seed", "duration_s", "score", "counts", "max_fed",
                            "time_to_assembly_s", "final_state_hash", "chain_head"})
        EXPECT_TRUE(j.contains(key)) << key;
    EXPECT_EQ(j["scenario"]["id"], "school_fire");
    EXPECT_EQ(j["trainee"]["name"], "Alex Chen");
    EXPECT_EQ(j["seed"], 42);
    EXPECT_EQ(j["duration_s"], 200.0);
    EXPECT_EQ(j["time_to_assembly_s"], 150.0);
    EXPECT_NEAR(j["max_fed"].get<double>(), 0.1, 1e-12);
    EXPECT_EQ(j["counts"]["actions"], log.actions.size());
    EXPECT_EQ(j["counts"]["events"], log.events.size());
    EXPECT_EQ(j["counts"]["poses"], log.poses.size());
    EXPECT_EQ(j["final_state_hash"], toHex(log.hashes.back().hash));
    EXPECT_EQ(j["chain_head"], std::string(64, 'a'));
    const auto& sc = j["score"];
    for (const char* key : {"points", "max_points", "percent", "passed", "critical_failure", "criteria"})
        EXPECT_TRUE(sc.contains(key)) << key;
    ASSERT_EQ(sc["criteria"].size(), s.criteria.size());
    EXPECT_EQ(sc["criteria"][0]["id"], "raise_alarm");
    EXPECT_DOUBLE_EQ(sc["points"].get<double>(), s.points);
}

TEST(ReportJson, NotReachingTheAssemblyPointIsNull) {
    record::SessionLog log = testdata::sampleSession();
    std::erase_if(log.events, [](const record::SimEvent& e) { return e.kind == "trainee.reached_assembly"; });
    log.hashes.clear();
    nlohmann::json j = report::buildReportJson(log, score::ScoreResult{}, {});
    EXPECT_TRUE(j["time_to_assembly_s"].is_null());
    EXPECT_TRUE(j["final_state_hash"].is_null());
    EXPECT_TRUE(j["chain_head"].is_null());
    EXPECT_EQ(j["chain"]["verified"], false);
}

TEST(ReportHtml, FedCrossingsFromPosesAppearOnTheTimeline) {
    record::SessionLog log = testdata::sampleSession();
    log.poses[12].fed = 0.35;  // 120 s
    log.poses[18].fed = 1.05;  // 180 s
    std::string html = report::renderReportHtml(log, score::ScoreResult{}, {});
    EXPECT_NE(html.find("FED 0.3 crossed"), std::string::npos);
    EXPECT_NE(html.find("FED 1.0 crossed"), std::string::npos);
    EXPECT_NE(html.find("2026-11-29 02:00 UTC"), std::string::npos);
}

TEST(ReportHtml, AFloodOrQuakeSessionShowsItsOwnPlotsInsteadOfTheSmokeOnes) {
    record::SessionLog log = hostileSession();
    score::ScoreResult s = score::scoreSession(log, sampleRubric());
    report::ReportExtras extras = sampleExtras();
    extras.smokeExposure = false;
    report::ReportPlot shake{"Horizontal ground acceleration", "m/s2", {{"ground", "#6a1b9a", {{0.0, 0.0}, {5.0, 3.4}, {10.0, 0.1}}}},
                             {{3.92, "0.4 g hard to stand", "#b3261e"}}, 0.0, 4.5};
    extras.hazardPlots.push_back(shake);
    std::string html = report::renderReportHtml(log, s, extras);
    EXPECT_EQ(checkBalanced(html), "");
    // timeline + 1 hazard plot + 2 plan views: no FED, visibility or temperature plot.
    EXPECT_EQ(count(html, "<svg "), 4u);
    EXPECT_NE(html.find("Horizontal ground acceleration"), std::string::npos);
    EXPECT_NE(html.find("0.4 g hard to stand"), std::string::npos);
    EXPECT_EQ(html.find("1.0 incapacitation"), std::string::npos);
    // With a fire as well, both: the hazard plot first, then the three smoke ones.
    extras.smokeExposure = true;
    html = report::renderReportHtml(log, s, extras);
    EXPECT_EQ(count(html, "<svg "), 7u);
    EXPECT_LT(html.find("Horizontal ground acceleration"), html.find("1.0 incapacitation"));
}
