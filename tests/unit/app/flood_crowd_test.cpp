// The crowd in a flood: exits judged flooded from the water outside them, people who see one
// go elsewhere, exposure and people swept off their feet recorded, doors blocked by debris,
// vehicles at risk (Shand et al. 2011), and the HUD's water line.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include <unistd.h>

#include <nlohmann/json.hpp>

#include "crowd_population.h"
#include "scene_view.h"
#include "session.h"
#include "vehicle_stability.h"

using namespace cd;

namespace {

// One classroom R (0..8 x 0..4) in a block (-0.2..8.2), an exit on each end wall: DW/EW to the
// west, DE/EE to the east (without the west one when !twoExits). Assembly point AP south.
world::District district(bool twoExits) {
    using J = nlohmann::ordered_json;
    J j;
    j["format"] = "citydrill-district";
    j["version"] = 1;
    j["name"] = "floodblock";
    j["model"] = "floodblock.gltf";
    j["terrain"] = {{"nx", 2}, {"ny", 2}, {"cellM", 40.0}, {"originM", {-20, -20}}, {"heightsM", {0, 0, 0, 0}}};
    j["buildings"] = J::array({{{"id", "B"}, {"name", "Block"}, {"box", {{"min", {-0.2, 0, 0}}, {"max", {8.2, 4, 3.5}}}}, {"storeys", 1}, {"storeyHeightM", 3.5}}});
    j["rooms"] = J::array({{{"id", "R"}, {"building", "B"}, {"storey", 0}, {"kind", "classroom"}, {"box", {{"min", {0, 0, 0}}, {"max", {8, 4, 3}}}}}});
    j["doors"] = J::array({{{"id", "DE"}, {"roomA", "R"}, {"roomB", "outside"}, {"centerM", {8.1, 2, 0}}, {"normal", {1, 0, 0}}, {"widthM", 1.2}, {"heightM", 2.1}, {"isExit", true}}});
    j["exits"] = J::array({{{"id", "EE"}, {"door", "DE"}, {"positionM", {10, 2, 0}}}});
    if (twoExits) {
        j["doors"].push_back({{"id", "DW"}, {"roomA", "R"}, {"roomB", "outside"}, {"centerM", {-0.1, 2, 0}}, {"normal", {-1, 0, 0}}, {"widthM", 1.2}, {"heightM", 2.1}, {"isExit", true}});
        j["exits"].push_back({{"id", "EW"}, {"door", "DW"}, {"positionM", {-2, 2, 0}}});
    }
    j["stairs"] = J::array();
    j["assemblyPoints"] = J::array({{{"id", "AP"}, {"positionM", {2, -5, 0.8}}, {"radiusM", 3}}});
    j["lowArea"] = {{"polygonM", {{9, -10}, {20, -10}, {20, 10}, {9, 10}}}};
    auto d = world::parseDistrict(j.dump(), "floodblock.json");
    EXPECT_TRUE(d.ok()) << (d.ok() ? "" : d.error().str());
    return *d;
}

// The DEM: 1 m cells over x -12..20, y -10..10; a terrace at 0.8 m, a basin at 0 from the
// block's east wall (x = 8.2) on, where the inflow pours in; the block's footprint NODATA.
std::string writeDem() {
    const std::string path = (std::filesystem::temp_directory_path() / ("floodblock_dem_" + std::to_string(::getpid()) + ".asc")).string();
    std::ofstream f(path);
    f << "ncols 32\nnrows 20\nxllcorner -12\nyllcorner -10\ncellsize 1\nNODATA_value -9999\n";
    for (int r = 0; r < 20; ++r) {
        const double y = -10.0 + (19 - r) + 0.5;
        for (int c = 0; c < 32; ++c) {
            const double x = -12.0 + c + 0.5;
            const bool building = x > -0.2 && x < 8.2 && y > 0.0 && y < 4.0;
            f << (building ? "-9999" : x >= 8.2 ? "0" : "0.8") << (c + 1 < 32 ? " " : "\n");
        }
    }
    return path;
}

// A class of 10 (with their teacher unless !teacher) in R; 10 m^3/s poured into the basin for
// inflowS seconds (236 m^2 of basin: 0.38 m of water after 9 s); a small car in the basin, a
// 4WD on the terrace.
scenario::ScenarioDef scenarioDef(const std::string& dem, double inflowS, bool withFlood = true, bool teacher = true) {
    scenario::ScenarioDef s;
    s.path = "floodblock.toml";
    s.id = "floodblock";
    s.durationS = 60.0;
    s.tickHz = 20.0;
    s.assemblyPoint = "AP";
    s.trainee.startRoom = "R";
    s.trainee.startPosition = scenario::Vec3{0.6, 0.6, 0.0};
    scenario::CrowdGroupDef g;
    g.id = "class";
    g.room = "R";
    g.count = 10;
    g.speedProfile = "weidmann-child";
    g.premovementMinS = 12.0;
    g.premovementMaxS = 15.0;
    g.leader = teacher ? "teacher" : "";
    g.source = {"floodblock.toml", 30, "crowd[0]"};
    s.crowd.push_back(g);
    if (!withFlood) return s;
    scenario::FloodDef f;
    f.demPath = dem;
    f.manningN = 0.03;
    scenario::FloodInflowDef in;
    in.x0 = 14.0; in.y0 = 0.0; in.x1 = 14.0; in.y1 = 4.0;
    in.timesS = {0.0, inflowS, inflowS + 1.0, 600.0};
    in.dischargeM3s = {10.0, 10.0, 0.0, 0.0};
    in.source = {"floodblock.toml", 12, "flood.inflow[0]"};
    f.inflows.push_back(in);
    f.vehicles.push_back({"car.wet", 15.0, -6.0, "small_car", {"floodblock.toml", 20, "flood.vehicle[0]"}});
    f.vehicles.push_back({"car.dry", -6.0, -6.0, "4wd", {"floodblock.toml", 24, "flood.vehicle[1]"}});
    f.source = {"floodblock.toml", 10, "flood"};
    s.flood = f;
    return s;
}

struct Outcome {
    record::SessionLog log;
    app::CrowdFigures figures;
    std::vector<std::string> exitDoors;  ///< door each person left by
    std::vector<crowd::Vec2> stillInside;  ///< where those not out stand at the end
    ui::HudModel hud;
};

// obstacles: laid in the crowd model before anyone moves, as the earthquake's debris would be.
Outcome play(const world::District& d, const scenario::ScenarioDef& sc, const std::vector<std::string>& blockDoors = {},
             const std::vector<crowd::Obstacle>& obstacles = {}) {
    app::SessionSetup setup;
    setup.scenario = &sc;
    setup.district = &d;
    setup.durationS = sc.durationS;
    setup.seed = 5;
    auto session = app::Session::start(setup);
    EXPECT_TRUE(session.ok()) << (session.ok() ? "" : session.error().str());
    Outcome run;
    if (!session.ok()) return run;
    app::Session& s = **session;
    for (const auto& door : blockDoors) {
        auto st = const_cast<app::CrowdPopulation*>(s.crowd())->setDoorBlocked(door, true);
        EXPECT_TRUE(st.ok()) << (st.ok() ? "" : st.error().str());
    }
    if (!obstacles.empty()) {
        // The session hands out its crowd read-only; the test lays the debris here.
        auto st = const_cast<crowd::CrowdSim&>(s.crowd()->sim()).setObstacles(obstacles);
        EXPECT_TRUE(st.ok()) << (st.ok() ? "" : st.error().str());
    }
    while (!s.ended()) s.tick();
    run.log = s.log();
    run.figures = s.crowdFigures();
    run.hud = app::hudModel(s, false);
    const auto& sim = s.crowd()->sim();
    for (const auto& a : sim.agents())
        if (!a.external && a.exitDoor >= 0) run.exitDoors.push_back(sim.building().doors[static_cast<size_t>(a.exitDoor)].id);
        else if (!a.external) run.stillInside.push_back(a.pos);
    return run;
}

int count(const record::SessionLog& log, const std::string& kind, const std::string& subject = "") {
    return static_cast<int>(std::count_if(log.events.begin(), log.events.end(),
                                          [&](const auto& e) { return e.kind == kind && (subject.empty() || e.subject == subject); }));
}

}  // namespace

TEST(VehicleStability, TheLimitsAreThoseOfShandEtAl2011ForEachKind) {
    auto small = app::vehicleLimits("small_car");
    auto large = app::vehicleLimits("large_car");
    auto fourWd = app::vehicleLimits("4wd");
    ASSERT_TRUE(small.ok() && large.ok() && fourWd.ok());
    EXPECT_DOUBLE_EQ(small->stillDepthM, 0.3);
    EXPECT_DOUBLE_EQ(small->depthSpeedM2s, 0.3);
    EXPECT_DOUBLE_EQ(large->stillDepthM, 0.4);
    EXPECT_DOUBLE_EQ(large->depthSpeedM2s, 0.45);
    EXPECT_DOUBLE_EQ(fourWd->stillDepthM, 0.5);
    EXPECT_DOUBLE_EQ(fourWd->depthSpeedM2s, 0.6);
    EXPECT_DOUBLE_EQ(fourWd->speedMs, 3.0);
    EXPECT_FALSE(app::vehicleLimits("bus").ok());
}

TEST(VehicleStability, ACarFloatsInDeepStillWaterAndSlidesInShallowFastWater) {
    const auto small = *app::vehicleLimits("small_car");
    const auto fourWd = *app::vehicleLimits("4wd");
    EXPECT_FALSE(app::vehicleUnstable(small, 0.29, 0.0));
    EXPECT_TRUE(app::vehicleUnstable(small, 0.30, 0.0));   // floats
    EXPECT_FALSE(app::vehicleUnstable(small, 0.09, 2.9));  // d.v = 0.26
    EXPECT_TRUE(app::vehicleUnstable(small, 0.10, 3.0));   // the published high-velocity depth, 0.1 m at 3 m/s
    EXPECT_FALSE(app::vehicleUnstable(fourWd, 0.45, 1.0)); // d.v = 0.45 < 0.6
    EXPECT_TRUE(app::vehicleUnstable(fourWd, 0.45, 1.4));  // d.v = 0.63
    EXPECT_FALSE(app::vehicleUnstable(small, 0.005, 3.5)) << "a film on the road is not a flow";
}

TEST(FloodCrowd, AnExitIsFloodedBeyondTheWadingLimitOrFromDangerForSome) {
    app::FloodPointSample w;
    w.depthM = 0.2;
    w.speedMs = 0.5;
    w.hazardRating = 0.2;
    w.specificForceM2 = 0.025;
    EXPECT_FALSE(app::exitFlooded(w));
    w.hazardRating = 0.75;  // Defra FD2321: danger for some (children)
    EXPECT_TRUE(app::exitFlooded(w));
    w.hazardRating = 0.2;
    w.specificForceM2 = 0.125;  // Ishigaki et al. (2009): adults cannot walk on
    EXPECT_TRUE(app::exitFlooded(w));
}

TEST(FloodCrowd, TheClassSeesTheFloodedExitAndLeavesByTheOtherOne) {
    const std::string dem = writeDem();
    const auto d = district(true);
    const auto sc = scenarioDef(dem, 9.0);
    const Outcome r = play(d, sc);
    ASSERT_EQ(count(r.log, "crowd.exit_flooded"), 1);
    EXPECT_EQ(count(r.log, "crowd.exit_flooded", "DE"), 1);
    EXPECT_EQ(r.figures.exitsFlooded, 1);
    EXPECT_EQ(r.figures.out, 11);
    ASSERT_EQ(r.exitDoors.size(), 11u);
    for (const auto& door : r.exitDoors) EXPECT_EQ(door, "DW") << "nobody wades out of the flooded east exit";
    EXPECT_EQ(r.figures.floodExposed, 0);
    EXPECT_EQ(count(r.log, "crowd.flood_exposure"), 0);
    EXPECT_EQ(r.figures.assembled, 11) << "the walk from the west exit to the assembly point stays on the dry terrace";
    EXPECT_EQ(count(r.log, "crowd.all_assembled"), 1);
    std::filesystem::remove(dem);
}

TEST(FloodCrowd, WithNoOtherWayOutPeopleWadeAndTheirExposureIsRecorded) {
    const std::string dem = writeDem();
    const auto d = district(false);
    const Outcome r = play(d, scenarioDef(dem, 7.0));  // 0.30 m of water
    EXPECT_EQ(count(r.log, "crowd.exit_flooded", "DE"), 1);
    EXPECT_EQ(r.figures.out, 11);
    EXPECT_EQ(r.figures.floodExposed, 11) << "0.3 m of water: hazard rating above 1 (danger for some)";
    EXPECT_EQ(count(r.log, "crowd.flood_exposure"), 11);
    EXPECT_GT(r.figures.maxFloodExposureS, 0.5);
    EXPECT_LT(r.figures.maxFloodExposureS, 20.0) << "a few metres of water, then the terrace";
    EXPECT_GE(r.figures.totalFloodExposureS, 11 * 0.5);
    EXPECT_EQ(r.figures.swept, 0) << "M0 about 0.3^2 / 2 = 0.045 m^2, below the 0.125 m^2 limit";
    EXPECT_EQ(r.figures.assembled, 11) << "slowed, not stopped";
    std::filesystem::remove(dem);
}

TEST(FloodCrowd, DeepWaterSweepsPeopleOffTheirFeet) {
    const std::string dem = writeDem();
    const auto d = district(false);
    const Outcome r = play(d, scenarioDef(dem, 16.0));  // 0.68 m: M0 = 0.23 m^2
    EXPECT_GT(r.figures.swept, 0);
    EXPECT_EQ(count(r.log, "crowd.swept"), r.figures.swept);
    EXPECT_LT(r.figures.assembled, 11);
    std::filesystem::remove(dem);
}

TEST(FloodCrowd, AVehicleInTheWaterIsAtRiskOnceAndOneOnDryGroundIsNot) {
    const std::string dem = writeDem();
    const auto d = district(true);
    const Outcome r = play(d, scenarioDef(dem, 9.0));
    ASSERT_EQ(count(r.log, "flood.vehicle_at_risk"), 1);
    const auto it = std::find_if(r.log.events.begin(), r.log.events.end(), [](const auto& e) { return e.kind == "flood.vehicle_at_risk"; });
    EXPECT_EQ(it->subject, "car.wet");
    EXPECT_GE(it->value, 0.3) << "floats in 0.3 m (small car)";
    EXPECT_NE(it->text.find("Shand"), std::string::npos);
    std::filesystem::remove(dem);
}

TEST(FloodCrowd, AVehicleOffTheDemOrOnABuildingNamesItsLine) {
    const std::string dem = writeDem();
    const auto d = district(true);
    auto sc = scenarioDef(dem, 9.0);
    sc.flood->vehicles[1].x = 500.0;
    auto f = app::FloodHazard::build(sc, d);
    ASSERT_FALSE(f.ok());
    EXPECT_EQ(f.error().str().rfind("floodblock.toml:24: flood.vehicle[1].position:", 0), 0u) << f.error().str();
    sc.flood->vehicles[1].x = 4.0;
    sc.flood->vehicles[1].y = 2.0;
    f = app::FloodHazard::build(sc, d);
    ASSERT_FALSE(f.ok());
    EXPECT_NE(f.error().str().find("building"), std::string::npos) << f.error().str();
    std::filesystem::remove(dem);
}

TEST(FloodCrowd, TheHudShowsTheWaterWhereTheTraineeStandsInBothLanguages) {
    const std::string dem = writeDem();
    const auto d = district(true);
    auto sc = scenarioDef(dem, 9.0);
    sc.durationS = 2.0;
    Outcome r = play(d, sc);
    EXPECT_TRUE(r.hud.trainee.hasFlood);
    EXPECT_FLOAT_EQ(r.hud.trainee.waterDepthM, 0.0f) << "indoors, above the water";
    EXPECT_EQ(r.hud.labels.floodClasses[1], "danger for some");
    sc.language = "zh";
    r = play(d, sc);
    EXPECT_EQ(r.hud.labels.waterDepth, "水深");
    EXPECT_EQ(r.hud.labels.floodClasses[1], "对部分人危险");
    EXPECT_EQ(r.hud.labels.clock, "时间");
    const Outcome noFlood = play(d, scenarioDef(dem, 9.0, false));
    EXPECT_FALSE(noFlood.hud.trainee.hasFlood);
    std::filesystem::remove(dem);
}

// (Without a teacher each child picks the nearer exit; a class follows its teacher's.)
TEST(CrowdDoors, ABlockedExitIsAvoidedByThoseWhoSeeItAndUnknownDoorsAreErrors) {
    const auto d = district(true);
    const auto sc = scenarioDef("", 0.0, false, false);
    const Outcome open = play(d, sc);
    const Outcome blocked = play(d, sc, {"DE"});
    ASSERT_EQ(open.exitDoors.size(), 10u);
    EXPECT_GT(std::count(open.exitDoors.begin(), open.exitDoors.end(), "DE"), 0) << "the east exit is used when open";
    ASSERT_EQ(blocked.exitDoors.size(), 10u);
    for (const auto& door : blocked.exitDoors) EXPECT_EQ(door, "DW");

    auto p = app::CrowdPopulation::build(sc, d, 0.05, 1);
    ASSERT_TRUE(p.ok()) << p.error().str();
    EXPECT_TRUE((*p)->setDoorBlocked("DE", true).ok());
    EXPECT_TRUE((*p)->setDoorBlocked("DE", false).ok());
    auto bad = (*p)->setDoorBlocked("D9", true);
    ASSERT_FALSE(bad.ok());
    EXPECT_NE(bad.error().message.find("no door 'D9'"), std::string::npos) << bad.error().message;
}

TEST(CrowdDoors, AnUnblockedExitIsUsedAgainByThoseWhoNeverSawItBlocked) {
    const auto d = district(true);
    auto sc = scenarioDef("", 0.0, false, false);
    app::SessionSetup setup;
    setup.scenario = &sc;
    setup.district = &d;
    setup.durationS = sc.durationS;
    setup.seed = 5;
    auto s = app::Session::start(setup);
    ASSERT_TRUE(s.ok()) << s.error().str();
    // The session hands out its crowd read-only; the test plays the earthquake's debris here.
    auto* crowd = const_cast<app::CrowdPopulation*>((*s)->crowd());
    ASSERT_TRUE(crowd->setDoorBlocked("DE", true).ok());
    ASSERT_TRUE(crowd->setDoorBlocked("DE", false).ok());  // cleared before anyone moved
    while (!(*s)->ended()) (*s)->tick();
    const auto& sim = crowd->sim();
    int east = 0;
    for (const auto& a : sim.agents())
        if (!a.external && a.exitDoor >= 0 && sim.building().doors[static_cast<size_t>(a.exitDoor)].id == "DE") ++east;
    EXPECT_GT(east, 0);
}

// Two 1 m heaps of debris across the classroom near each exit (obstacles from wall to wall) shut
// the class in between: each of them walking is reported cut off once, after 5 s without a route,
// and counted so at the end; everyone else (beyond a heap, by an exit) gets out. Without the
// heaps nobody is cut off.
TEST(CrowdDoors, ThoseAHeapShutsInAreReportedCutOffOnce) {
    const auto d = district(true);
    const auto sc = scenarioDef("", 0.0, false, false);
    std::vector<crowd::Obstacle> heaps;
    for (double x0 : {0.3, 6.7}) {
        crowd::Obstacle o;
        o.polygon = {{x0, 0.01}, {x0 + 1.0, 0.01}, {x0 + 1.0, 3.99}, {x0, 3.99}};
        o.area = 0;  // the classroom, the district's only room
        heaps.push_back(o);
    }
    const Outcome shut = play(d, sc, {}, heaps);
    const auto& log = shut.log;
    const auto& figures = shut.figures;
    // Those the heaps were laid on (the earthquake's step-off moves such people; not here).
    const auto onHeap = std::count_if(shut.stillInside.begin(), shut.stillInside.end(),
                                      [](crowd::Vec2 p) { return (p.x > 0.3 && p.x < 1.3) || (p.x > 6.7 && p.x < 7.7); });
    std::set<std::string> cutOff;
    for (const auto& e : log.events)
        if (e.kind == "crowd.cut_off") {
            EXPECT_TRUE(cutOff.insert(e.subject).second) << e.subject << " reported twice";
            EXPECT_GE(e.value, app::CrowdPopulation::kCutOffS);
            EXPECT_NE(e.text.find("no way out of R: every route is blocked"), std::string::npos) << e.text;
        }
    std::set<std::string> out;
    for (const auto& e : log.events)
        if (e.kind == "crowd.evacuated") out.insert(e.subject);
    EXPECT_GE(cutOff.size(), 5u) << "most of the class stands between the heaps";
    EXPECT_EQ(static_cast<int>(cutOff.size()), figures.cutOff);
    EXPECT_EQ(static_cast<int>(cutOff.size() + out.size() + static_cast<std::size_t>(onHeap)), figures.people)
        << "each is either out or cut off";
    for (const auto& id : cutOff) EXPECT_EQ(out.count(id), 0u) << id;
    const Outcome clear = play(d, sc);
    EXPECT_EQ(count(clear.log, "crowd.cut_off"), 0);
    EXPECT_EQ(clear.figures.cutOff, 0);
    EXPECT_EQ(clear.figures.out, clear.figures.people);
}
