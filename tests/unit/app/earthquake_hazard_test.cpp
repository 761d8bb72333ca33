#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>

#include <glm/glm.hpp>

#include "earthquake_hazard.h"
#include "earthquake_hazard_impl.h"
#include "felt_shaking.h"
#include "physics/ground_motion.h"
#include "physics/seismic_intensity.h"
#include "physics/structural_damage.h"
#include "school_quake_run.h"
#include "block_a_quake.h"
#include "campus_district.h"
#include "world/district.h"

using namespace cd;

namespace {

using testdata::campus;

// A still earthquake (it starts long after the test ends) over the top-floor corridor of block A.
scenario::ScenarioDef quietQuake() {
    scenario::ScenarioDef s;
    s.path = "quake.toml";
    s.seed = 3;
    scenario::EarthquakeDef q;
    q.atS = 1000.0;
    q.building = "A";
    q.shaking.pgaG = 0.05;
    q.structureRooms = {"A.4.corridor"};
    q.furniture = false;
    q.source = {"quake.toml", 12, "earthquake"};
    s.earthquake = q;
    return s;
}

// The quiet quake with the shipped scene's scripted part: the east end of the corridor at 0.5 s.
scenario::ScenarioDef eastEndCollapsesAtHalfASecond() {
    auto s = quietQuake();
    scenario::CollapseDef c;
    c.atS = 0.5;
    c.room = "A.4.corridor";
    c.hasPart = true;
    c.x0 = 126.0; c.y0 = 167.9; c.x1 = 130.7; c.y1 = 170.9;
    s.earthquake->collapses.push_back(c);
    return s;
}

bool has(const std::vector<app::HazardEvent>& events, const std::string& kind) {
    return std::any_of(events.begin(), events.end(), [&](const app::HazardEvent& e) { return e.kind == kind; });
}

}  // namespace

TEST(EarthquakeHazard, AScenarioWithoutAnEarthquakeBuildsNone) {
    scenario::ScenarioDef s;
    auto q = app::EarthquakeHazard::build(s, campus());
    ASSERT_TRUE(q.ok());
    EXPECT_EQ(q->get(), nullptr);
}

TEST(EarthquakeHazard, AStructureLeftAloneStands) {
    const auto s = quietQuake();
    auto q = app::EarthquakeHazard::build(s, campus());
    ASSERT_TRUE(q.ok()) << q.error().str();
    (*q)->advanceTo(3.0);
    EXPECT_FALSE(has((*q)->drainEvents(), "structure.collapse"));
    EXPECT_EQ((*q)->figures().chunksLoose, 0);
    EXPECT_GT((*q)->figures().chunks, 50);
}

TEST(EarthquakeHazard, TheWholeBlockAsStructureStandsThroughAQuakeBelowItsDesignAndFailsAboveIt) {
    // Every room of block A breakable, storey on storey: 5 storeys of walls and slabs on the ground.
    for (double designG : {0.3, 0.05}) {
        auto s = quietQuake();
        s.earthquake->structureRooms.clear();
        for (const auto& r : campus().rooms)
            if (r.building == "A") s.earthquake->structureRooms.push_back(r.id);
        s.earthquake->atS = 0.2;
        s.earthquake->shaking.pgaG = 0.2;
        s.earthquake->shaking.periodS = 0.4;
        s.earthquake->shaking.durationS = 6.0;
        s.earthquake->designPgaG = designG;
        auto q = app::EarthquakeHazard::build(s, campus());
        ASSERT_TRUE(q.ok()) << q.error().str();
        EXPECT_GT((*q)->figures().chunks, 1500);
        std::vector<app::HazardEvent> events;
        for (double t = 0.5; t <= 6.5 && !has(events, "structure.collapse"); t += 0.5) {
            (*q)->advanceTo(t);
            for (auto& e : (*q)->drainEvents()) events.push_back(e);
        }
        EXPECT_EQ(has(events, "structure.collapse"), designG < 0.2) << "designed for " << designG << " g, shaken at 0.2 g";
    }
}

TEST(EarthquakeHazard, AFireUnderTheSlabBringsItDown) {
    // The corridor's members heat through (physics/member_heating.h): half an hour of 900 C gas
    // leaves the slab's bottom bars below 400 C, where they keep their strength, and the walls
    // most of their section; two hours take the bars past 600 C (EN 1992-1-2 Table 3.2a: 0.47)
    // and the corridor's slab, designed for 1.35 x its dead load, comes down. 300 C never does.
    const auto s = quietQuake();
    const world::Room* corridor = campus().findRoom("A.4.corridor");
    struct Case { double gasC, minutes; bool falls; } cases[] = {{300.0, 120.0, false}, {900.0, 30.0, false}, {900.0, 120.0, true}};
    for (const Case& c : cases) {
        auto q = app::EarthquakeHazard::build(s, campus());
        ASSERT_TRUE(q.ok()) << q.error().str();
        app::RoomSmoke hot;
        hot.room = corridor;
        hot.layerHeightM = 1.0;
        hot.upperTempC = c.gasC;
        (*q)->heat({hot}, 60.0 * c.minutes);  // the fire's history, then 3 s of physics
        (*q)->advanceTo(3.0);
        int broken = 0;
        bool collapsed = false;
        for (const auto& e : (*q)->drainEvents()) {
            if (e.kind == "structure.collapse") collapsed = true, broken = static_cast<int>(e.value);
        }
        std::printf("%.0f C for %.0f min: %s (%d joints broken)\n", c.gasC, c.minutes, collapsed ? "collapse" : "stands", broken);
        EXPECT_EQ(collapsed, c.falls) << c.gasC << " C for " << c.minutes << " min";
    }
}

// A fire heats the members round its own room, not its whole storey: two hours of 900 C in the
// classroom beside the corridor heat only the wall between them, and nothing of the corridor
// fails, where the same fire in the corridor breaks its slab's most loaded links (above).
TEST(EarthquakeHazard, AFireNextDoorHeatsTheWallBetweenNotTheCorridorsSlab) {
    const auto s = quietQuake();
    for (const char* room : {"A.4.corridor", "A.4.classroom1"}) {
        auto q = app::EarthquakeHazard::build(s, campus());
        ASSERT_TRUE(q.ok()) << q.error().str();
        app::RoomSmoke hot;
        hot.room = campus().findRoom(room);
        ASSERT_NE(hot.room, nullptr);
        hot.layerHeightM = 1.0;
        hot.upperTempC = 900.0;
        (*q)->heat({hot}, 7200.0);
        (*q)->advanceTo(3.0);
        const bool failed = has((*q)->drainEvents(), "structure.collapse");
        std::printf("900 C for 2 h in %s: %s\n", room, failed ? "joints fail" : "nothing fails");
        EXPECT_EQ(failed, std::string(room) == "A.4.corridor") << room;
    }
}

TEST(EarthquakeHazard, WhereTheStructureCameDownTheDistrictModelIsCutAway) {
    const auto s = eastEndCollapsesAtHalfASecond();
    auto q = app::EarthquakeHazard::build(s, campus());
    ASSERT_TRUE(q.ok()) << q.error().str();
    (*q)->advanceTo(0.4);
    EXPECT_TRUE((*q)->fallenStructure().empty()) << "nothing has fallen yet";
    (*q)->advanceTo(4.0);
    const auto cut = (*q)->fallenStructure();
    ASSERT_FALSE(cut.empty());
    EXPECT_LE(cut.size(), render::kMaxHiddenBoxes);
    const world::Room* corridor = campus().findRoom("A.4.corridor");
    const float roofTop = campus().findBuilding("A")->box.max.z;
    bool throughTheRoof = false;
    for (const auto& b : cut) {
        // Above the corridor's floor (which stays), around the collapsed part, up to the roof.
        EXPECT_GE(b.min.z, corridor->box.min.z + 0.04f);
        EXPECT_LE(b.max.z, corridor->box.max.z + 1.0f);
        EXPECT_GT(b.max.x, 126.0f - 1.6f);
        EXPECT_LT(b.min.y, 170.9f + 0.6f);
        // Where the roof slab fell, the roof build-up over it goes too (the building is drawn
        // to its top, the physics slab is only as thick as a floor slab): no skin over the hole.
        throughTheRoof = throughTheRoof || b.max.z > roofTop;
    }
    EXPECT_GT(roofTop, corridor->box.max.z + 0.3f) << "block A has roof build-up over its top slab";
    EXPECT_TRUE(throughTheRoof);
    // The roof left standing round the hole shows its cut: a face on the hole's west, east and
    // north sides (the stair and the classrooms' roof), none on the south, where the hole
    // reaches the facade.
    const world::Building* a = campus().findBuilding("A");
    const auto sides = (*q)->holeSides(cut);
    EXPECT_EQ(sides.size(), 3u);
    for (const auto& c : sides) {
        const glm::vec3 lo = c.center - c.halfExtents, hi = c.center + c.halfExtents;
        EXPECT_NEAR(lo.z, corridor->box.max.z, 0.01f);
        EXPECT_NEAR(hi.z, roofTop, 0.01f);
        EXPECT_GE(lo.x, a->box.min.x);
        EXPECT_LE(hi.x, a->box.max.x);
        EXPECT_GE(lo.y, a->box.min.y);
        EXPECT_LE(hi.y, a->box.max.y);
        if (hi.y - lo.y < 0.1f) {
            EXPECT_GT(lo.y, a->box.min.y + 0.1f) << "no face along the open facade";
        }
        EXPECT_LE(std::min(hi.x - lo.x, hi.y - lo.y), 0.021f);
    }
}

TEST(EarthquakeHazard, ASecondScriptedCollapseAfterTheFirstSettledIsReportedAgainWithItsDebris) {
    // The east end at 0.5 s, then the corridor's west end once that debris is at rest: each
    // collapse has its structure.collapse and its structure.settled (the crowd takes the new
    // debris as obstacles on the second).
    auto s = eastEndCollapsesAtHalfASecond();
    const world::Room* corridor = campus().findRoom("A.4.corridor");
    ASSERT_NE(corridor, nullptr);
    scenario::CollapseDef west = s.earthquake->collapses[0];
    west.atS = 15.0;
    west.x0 = corridor->box.min.x;
    west.x1 = corridor->box.min.x + 4.0;
    west.y0 = corridor->box.min.y;
    west.y1 = corridor->box.max.y;
    s.earthquake->collapses.push_back(west);
    auto q = app::EarthquakeHazard::build(s, campus());
    ASSERT_TRUE(q.ok()) << q.error().str();
    std::vector<app::HazardEvent> collapse, settled;
    std::vector<double> collapseAt, settledAt, fallingAt;  // the second of the run the event came in
    for (double t = 1.0; t <= 35.0; t += 1.0) {
        (*q)->advanceTo(t);
        for (const app::HazardEvent& e : (*q)->drainEvents()) {
            if (e.kind == "structure.collapse") collapse.push_back(e), collapseAt.push_back(t);
            if (e.kind == "structure.settled") settled.push_back(e), settledAt.push_back(t);
            if (e.kind == "structure.falling") fallingAt.push_back(t);
        }
        if (t == 14.0) {
            EXPECT_EQ(collapse.size(), 1u);
            EXPECT_EQ(settled.size(), 1u) << "the east end's debris is at rest before the west end goes";
        }
    }
    ASSERT_EQ(collapse.size(), 2u);
    ASSERT_EQ(settled.size(), 2u);
    for (std::size_t i = 0; i < 2; ++i)
        std::printf("by %.0f s: %s; by %.0f s: %s\n", collapseAt[i], collapse[i].text.c_str(), settledAt[i], settled[i].text.c_str());
    EXPECT_NE(collapse[0].text.find("starts to fail"), std::string::npos);
    EXPECT_NE(collapse[1].text.find("fails again"), std::string::npos);
    EXPECT_GE(collapseAt[1], 15.0);
    EXPECT_GT(collapse[1].value, collapse[0].value) << "joints broken so far";
    EXPECT_GT(settledAt[1], collapseAt[1]);
    EXPECT_GT(settled[1].value, settled[0].value) << "more chunks down";
    ASSERT_EQ(fallingAt.size(), 2u) << "pieces fall once per collapse";
    for (std::size_t i = 0; i < 2; ++i) {
        EXPECT_GE(fallingAt[i], collapseAt[i]);
        EXPECT_LE(fallingAt[i], settledAt[i]);
    }
}

TEST(EarthquakeHazard, ACollapseBelowTheTopStoreyLeavesTheFloorsAboveDrawn) {
    // The same east end one storey down (A.3): its ceiling slab is the floor of A.4, not the roof,
    // so the cutaway stops at that slab's top and no roof hole is capped.
    auto s = eastEndCollapsesAtHalfASecond();
    s.earthquake->structureRooms = {"A.3.corridor"};
    s.earthquake->collapses[0].room = "A.3.corridor";
    auto q = app::EarthquakeHazard::build(s, campus());
    ASSERT_TRUE(q.ok()) << q.error().str();
    (*q)->advanceTo(4.0);
    const auto cut = (*q)->fallenStructure();
    ASSERT_FALSE(cut.empty());
    const world::Room* above = campus().findRoom("A.4.corridor");
    for (const auto& b : cut) EXPECT_LE(b.max.z, above->box.min.z + 0.06f) << "the storey above stays drawn";
    EXPECT_TRUE((*q)->holeSides(cut).empty());
}

TEST(EarthquakeHazard, FallingDebrisStrikesWhoStandsUnderItNotWhoIsBehindAWall) {
    const auto s = eastEndCollapsesAtHalfASecond();
    auto q = app::EarthquakeHazard::build(s, campus());
    ASSERT_TRUE(q.ok()) << q.error().str();
    const float floorZ = campus().findRoom("A.4.corridor")->box.min.z;
    const glm::vec3 under(128.4f, 168.7f, floorZ);       // in the corridor, under the slab that falls
    const glm::vec3 behind(128.4f, 174.5f, floorZ);      // in classroom 3, 3.7 m beyond the corridor wall
    const glm::vec3 westward(118.0f, 169.4f, floorZ);    // in the corridor, 8 m west of the part
    std::optional<app::DebrisStrike> firstUnder;
    bool struckBehind = false, struckWest = false, sameBodyAgain = false;
    for (double t = 0.0; t < 6.0; t += 1.0 / 30.0) {
        (*q)->advanceTo(t);
        if (!firstUnder) {
            firstUnder = (*q)->struckBy(under, 0.25f, 1.75f);
            // One body, one blow: left out, the slab that struck them does not strike again.
            if (firstUnder) {
                const auto again = (*q)->struckBy(under, 0.25f, 1.75f, false, firstUnder->body);
                sameBodyAgain = again && again->body == firstUnder->body;
            }
        }
        struckBehind = struckBehind || (*q)->struckBy(behind, 0.25f, 1.75f).has_value();
        struckWest = struckWest || (*q)->struckBy(westward, 0.25f, 1.75f).has_value();
    }
    ASSERT_TRUE(firstUnder.has_value());
    // A piece of a 0.2 m concrete slab (hundreds of kg) faster than 1 m/s: far over 79 J.
    EXPECT_GE(firstUnder->energyJ, 10.0f * app::kSeriousInjuryEnergyJ);
    EXPECT_TRUE(firstUnder->serious());
    EXPECT_NE(firstUnder->describe().find("seriously injured"), std::string::npos) << firstUnder->describe();
    EXPECT_FALSE(sameBodyAgain);
    EXPECT_FALSE(struckBehind);
    EXPECT_FALSE(struckWest);
}

// Strong shaking (0.6 g) brings ceiling lights down (5 kg, hung 0.5 m below 3.2 m ceilings).
// Each light is followed from its release (its centre 5 cm below where it hung: more than its
// swing on its pendant can lower it): over the next tick, in free fall, its speed and its height
// give what it will strike with, E = m v^2 / 2 + m g (z - z_head), z its underside's. A light that
// let go mid-swing falls tilted: the part over the head lies between its lowest corner and the
// middle of its underside, so E lies between the two. Standing (1.75 m) a person is hurt
// (debris_strike.h: under 79 J); crouching (1.0 m; the lights hang over desks whose 0.75 m tops
// they land on) a light that comes down level falls 0.75 m further and strikes with
// m g 0.75 = 37 J more, 80-90 J: struck down. A tilted one may land its low end on the desk
// first and pivot onto them, slower. The anchors tear on the resultant of their pull (as wall
// ties), so lights let go mid-swing too.
TEST(EarthquakeHazard, AFallingLightStrikesWithTheEnergyOfItsFallHurtingWhoStandsStrikingDownWhoCrouches) {
    const scenario::ScenarioDef sc = test::blockAQuake("lights", "A.4.classroom3", 14.0, 2.0, 0.6, 8.0, true);
    auto q = app::EarthquakeHazard::build(sc, campus());
    ASSERT_TRUE(q.ok()) << q.error().str();
    constexpr float kMassKg = 5.0f, kG = 9.81f, kTickS = 1.0f / 30.0f;
    struct Light {
        std::size_t body = 0;
        glm::vec3 start{0.0f};
        float floorZ = 0.0f;
        int releasedTicks = -1;  // ticks since its release was seen
        render::BoxInstance atRelease;
        float speedMS = 0.0f, lowestZ = 0.0f, middleZ = 0.0f;  // over the tick after it
        std::optional<app::DebrisStrike> standing, crouching;
    };
    std::vector<Light> lights;
    const auto all = (*q)->boxes();
    for (std::size_t i = 0; i < all.size(); ++i) {  // the lights: 1.2 x 0.3 x 0.08 m
        const auto& b = all[i];
        if (std::fabs(b.halfExtents.x - 0.6f) > 1e-3f || std::fabs(b.halfExtents.z - 0.04f) > 1e-3f) continue;
        for (const auto& r : campus().rooms)
            if (r.box.contains(b.center)) lights.push_back({i, b.center, r.box.min.z});
    }
    ASSERT_GE(lights.size(), 20u);
    auto lowest = [](const render::BoxInstance& b) {  // its lowest corner
        float z = b.center.z;
        for (int c = 0; c < 8; ++c) {
            const glm::vec3 corner((c & 1 ? 1.0f : -1.0f) * b.halfExtents.x, (c & 2 ? 1.0f : -1.0f) * b.halfExtents.y,
                                   (c & 4 ? 1.0f : -1.0f) * b.halfExtents.z);
            z = std::min(z, (b.center + b.orientation * corner).z);
        }
        return z;
    };
    auto underside = [](const render::BoxInstance& b) { return (b.center + b.orientation * glm::vec3(0.0f, 0.0f, -b.halfExtents.z)).z; };
    int step = 0;
    for (double t = 0.0; t < 12.0; t += kTickS, ++step) {  // the session's 30 Hz tick
        (*q)->advanceTo(t);
        for (Light& l : lights) {
            const render::BoxInstance now = (*q)->bodyBox(l.body);
            if (l.releasedTicks < 0 && now.center.z < l.start.z - 0.05f) l.releasedTicks = 0, l.atRelease = now;
            else if (l.releasedTicks >= 0 && ++l.releasedTicks == 1) {
                const render::BoxInstance& was = l.atRelease;
                l.speedMS = glm::length(now.center - was.center) / kTickS;
                l.lowestZ = 0.5f * (lowest(was) + lowest(now));
                l.middleZ = 0.5f * (underside(was) + underside(now));
            }
            const glm::vec3 feet(l.start.x, l.start.y, l.floorZ);
            if (!l.standing) l.standing = (*q)->struckBy(feet, 0.25f, 1.75f);
            if (!l.crouching) l.crouching = (*q)->struckBy(feet, 0.25f, 1.0f);
        }
    }
    int fell = 0, level = 0, missed = 0;
    for (const Light& l : lights) {
        if (!l.standing) continue;
        ++fell;
        ASSERT_GE(l.releasedTicks, 2) << "struck by a light not seen falling";
        EXPECT_EQ(l.standing->what, "a falling light fitting");
        const float kinetic = 0.5f * kMassKg * l.speedMS * l.speedMS;
        auto energy = [&](float z, float headZ) { return kinetic + kMassKg * kG * (z - (l.floorZ + headZ)); };
        // Sampled at 30 Hz, a strike is found once the light is within the 0.1 m reach (up to
        // m g 0.1 less fall) and up to a tick late (v dt + g dt^2 / 2 more; its speed read over
        // one tick, 5 % more).
        auto low = [&](float headZ) { return energy(l.lowestZ, headZ) - kMassKg * kG * 0.1f; };
        auto high = [&](float headZ) {
            const float e = energy(l.middleZ, headZ), v = std::sqrt(2.0f * e / kMassKg);
            return 1.05f * (e + kMassKg * kG * (v * kTickS + 0.5f * kG * kTickS * kTickS));
        };
        const glm::vec3 rest = (*q)->bodyBox(l.body).center;
        const float driftM = glm::length(glm::vec2(rest - l.start));
        std::printf("light at %.1f %.1f %.1f (%zu lights): standing %s (from its release %.0f-%.0f J, its low end %.2f m down), crouching %s; "
                    "at rest %.2f m aside\n",
                    l.start.x, l.start.y, l.start.z, lights.size(), l.standing->describe().c_str(), energy(l.lowestZ, 1.75f),
                    energy(l.middleZ, 1.75f), l.middleZ - l.lowestZ, l.crouching ? l.crouching->describe().c_str() : "not struck", driftM);
        EXPECT_GT(l.standing->energyJ, low(1.75f)) << l.standing->describe();
        EXPECT_LT(l.standing->energyJ, high(1.75f)) << l.standing->describe();
        EXPECT_FALSE(l.standing->serious()) << l.standing->describe();
        if (!l.crouching) {
            // Let go mid-swing, it came down beside them: past the head, not over the crouching body.
            ++missed;
            EXPECT_GT(driftM, 0.25f) << "a light that fell straight strikes who crouches under it";
            continue;
        }
        EXPECT_LT(l.crouching->energyJ, high(1.0f)) << l.crouching->describe();
        if (l.middleZ - l.lowestZ < 0.05f) {  // it came down level: struck down
            ++level;
            EXPECT_GT(l.crouching->energyJ, low(1.0f)) << l.crouching->describe();
            EXPECT_TRUE(l.crouching->serious()) << l.crouching->describe();
        }  // tilted, its low end may land on the desk first and it pivots onto them, slower
    }
    EXPECT_GE(fell, 2);
    EXPECT_GE(level, 1) << "at least one light comes down level";
    EXPECT_LE(2 * missed, fell) << "most lights fall onto who crouches under them";
}

TEST(EarthquakeHazard, ACasualtyOutsideEveryRoomIsAnErrorWithItsLine) {
    auto s = quietQuake();
    scenario::CasualtyDef c;
    c.id = "lost";
    c.position = {0.0, 0.0, 0.0};
    c.source = {"quake.toml", 30, "earthquake.casualty[0]"};
    s.earthquake->casualties.push_back(c);
    auto q = app::EarthquakeHazard::build(s, campus());
    ASSERT_FALSE(q.ok());
    EXPECT_EQ(q.error().line, 30);
    EXPECT_EQ(q.error().field, "earthquake.casualty[0].position");
}

TEST(EarthquakeHazard, AMissingRecordFileNamesTheFile) {
    auto s = quietQuake();
    s.earthquake->shaking.recordPath = "no/such/quake.csv";
    auto q = app::EarthquakeHazard::build(s, campus());
    ASSERT_FALSE(q.ok());
    EXPECT_NE(q.error().str().find("no/such/quake.csv"), std::string::npos) << q.error().str();
}

// jma_intensity scales the motion so that its JMA instrumental intensity (seismic_intensity.h)
// is the one asked for: the shipped record (5.3 as it is) to 6.0 and a parametric one to 5.8,
// both reported so; the shipped record's peak grows by 10^((6.0 - I) / 2) (exactly, the filters
// being linear). An intensity the record cannot reach within 100 m/s^2 is an error naming the
// field, and so is one for a record that never shakes.
TEST(EarthquakeHazard, AJmaIntensityScalesTheShakingToIt) {
    auto s = quietQuake();
    s.earthquake->shaking.recordPath = "assets/ground_motion/synthetic_kt_m6.csv";
    auto plain = app::EarthquakeHazard::build(s, campus());
    ASSERT_TRUE(plain.ok()) << plain.error().str();
    const auto asIs = physics::jmaIntensity(*physics::loadGroundMotionCsv("assets/ground_motion/synthetic_kt_m6.csv"));
    s.earthquake->shaking.jmaIntensity = 6.0;
    auto scaled = app::EarthquakeHazard::build(s, campus());
    ASSERT_TRUE(scaled.ok()) << scaled.error().str();
    const app::EarthquakeFigures before = (*plain)->figures(), after = (*scaled)->figures();
    std::printf("shipped record: JMA %.2f (%s), PGA %.3f m/s^2; scaled to 6.0: %.1f (%s), PGA %.3f\n", asIs.rawI, before.jmaClass.c_str(),
                before.pgaMS2, after.jmaIntensity, after.jmaClass.c_str(), after.pgaMS2);
    EXPECT_DOUBLE_EQ(after.jmaIntensity, 6.0);
    EXPECT_EQ(after.jmaClass, "6+");
    EXPECT_NEAR(after.pgaMS2 / before.pgaMS2, std::pow(10.0, (6.0 - asIs.rawI) / 2.0), 1e-5);

    auto p = quietQuake();
    p.earthquake->shaking.jmaIntensity = 5.8;
    auto parametric = app::EarthquakeHazard::build(p, campus());
    ASSERT_TRUE(parametric.ok()) << parametric.error().str();
    EXPECT_DOUBLE_EQ((*parametric)->figures().jmaIntensity, 5.8);
    EXPECT_EQ((*parametric)->figures().jmaClass, "6-");

    p.earthquake->shaking.jmaIntensity = 7.5;
    p.earthquake->shaking.pgaG = 0.01;
    p.earthquake->shaking.periodS = 0.05;  // a 20 Hz record reads low (JMA's filters keep 0.06 of it): 7.5 needs over 100 m/s^2
    auto tooMuch = app::EarthquakeHazard::build(p, campus());
    ASSERT_FALSE(tooMuch.ok());
    EXPECT_EQ(tooMuch.error().field, "earthquake.jma_intensity");
    EXPECT_EQ(tooMuch.error().line, 12);
}

// The main shaking (0.5-2.5 s), a still ground, then an aftershock (4.0-5.5 s): each starts and
// ends with its events, the ground is still between them, and the rescue's "shaking" is true
// again while the aftershock lasts.
TEST(EarthquakeHazard, AnAftershockShakesTheGroundAgainAfterTheMainShakingHasStopped) {
    auto s = quietQuake();
    s.earthquake->atS = 0.5;
    s.earthquake->shaking.durationS = 2.0;
    scenario::AftershockDef a = test::parametricAftershock(4.0, 0.1, 1.5);
    a.source = {"quake.toml", 20, "earthquake.aftershock[0]"};
    s.earthquake->aftershocks.push_back(a);
    auto q = app::EarthquakeHazard::build(s, campus());
    ASSERT_TRUE(q.ok()) << q.error().str();
    EXPECT_EQ((*q)->figures().aftershocks, 1);
    std::vector<std::pair<double, std::string>> seen;
    double peakBetween = 0.0, peakAfter = 0.0;
    bool shookAt1 = false, shookAt3 = false, shookAt45 = false, shookAt6 = false;
    for (double t = 0.05; t <= 6.5 + 1e-9; t += 0.05) {
        (*q)->advanceTo(t);
        for (const auto& e : (*q)->drainEvents())
            if (e.kind.rfind("earthquake.", 0) == 0 && e.kind != "earthquake.item_fell") seen.emplace_back(t, e.kind);
        const double ah = glm::length(glm::vec2((*q)->groundAccelerationMS2()));
        if (t > 2.6 && t < 3.9) peakBetween = std::max(peakBetween, ah);
        if (t > 4.0 && t < 5.5) peakAfter = std::max(peakAfter, ah);
        if (std::fabs(t - 1.0) < 1e-6) shookAt1 = (*q)->shaking();
        if (std::fabs(t - 3.0) < 1e-6) shookAt3 = (*q)->shaking();
        if (std::fabs(t - 4.5) < 1e-6) shookAt45 = (*q)->shaking();
        if (std::fabs(t - 6.0) < 1e-6) shookAt6 = (*q)->shaking();
    }
    ASSERT_EQ(seen.size(), 4u);
    const char* kinds[] = {"earthquake.start", "earthquake.end", "earthquake.aftershock", "earthquake.aftershock_end"};
    const double times[] = {0.5, 2.5, 4.0, 5.5};
    for (int k = 0; k < 4; ++k) {
        EXPECT_EQ(seen[static_cast<std::size_t>(k)].second, kinds[k]);
        EXPECT_NEAR(seen[static_cast<std::size_t>(k)].first, times[k], 0.05 + 1e-6) << kinds[k];
    }
    EXPECT_TRUE(shookAt1);
    EXPECT_FALSE(shookAt3);
    EXPECT_TRUE(shookAt45);
    EXPECT_FALSE(shookAt6);
    EXPECT_EQ(peakBetween, 0.0);
    EXPECT_GT(peakAfter, 0.3) << "0.1 g parametric: its peak is 0.98 m/s^2";
    EXPECT_LE(peakAfter, 0.1 * 9.81 + 1e-3);

    // A record's length is known once it is read: the shipped 20 s record from 5 s is still
    // shaking at 10 s.
    auto r = quietQuake();
    r.earthquake->atS = 5.0;
    r.earthquake->shaking.recordPath = "assets/ground_motion/synthetic_kt_m6.csv";
    a.atS = 10.0;
    r.earthquake->aftershocks = {a};
    auto bad = app::EarthquakeHazard::build(r, campus());
    ASSERT_FALSE(bad.ok());
    EXPECT_NE(bad.error().str().find("quake.toml:20: earthquake.aftershock[0].at_s: must be after the shaking before it has stopped (at 25 s)"),
              std::string::npos) << bad.error().str();
}

// A fire, not an earthquake: with ground_motion = false the building's physics runs on a still
// ground, and two hours of a hot layer over the corridor weaken its structure as its members heat
// through (the slab's bars past 600 C under 900 C gas; nothing near 400 C under 250 C). The most
// loaded links, sized for 1.35 x their dead load, fail; the lightly loaded walls of a top-floor
// corridor still stand on their bearing faces, so nothing comes down in 3 s.
TEST(EarthquakeHazard, WithoutGroundMotionAHotLayerBreaksTheStructuresMostLoadedLinksAndAWarmOneDoesNot) {
    for (double upperC : {250.0, 900.0}) {
        auto s = quietQuake();
        s.earthquake->groundMotion = false;
        auto q = app::EarthquakeHazard::build(s, campus());
        ASSERT_TRUE(q.ok()) << q.error().str();
        app::RoomSmoke smoke;
        smoke.room = campus().findRoom("A.4.corridor");
        ASSERT_NE(smoke.room, nullptr);
        smoke.upperTempC = upperC;
        std::vector<app::HazardEvent> events;
        for (double t = 0.0; t < 3.0; t += 1.0 / 30.0) {
            (*q)->heat({smoke}, t == 0.0 ? 7200.0 : 1.0 / 30.0);  // two hours of the fire first
            (*q)->advanceTo(t);
            for (auto& e : (*q)->drainEvents()) events.push_back(e);
        }
        EXPECT_FALSE(has(events, "earthquake.start")) << "the ground stays still";
        EXPECT_FALSE((*q)->shaking());
        EXPECT_EQ(has(events, "structure.collapse"), upperC > 500.0) << upperC << " C";
        for (const auto& e : events) {
            if (e.kind != "structure.collapse") continue;
            EXPECT_GT(e.value, 0.0) << "joints broken";
        }
    }
}

// A door leaf hangs on its frame: in a breakable wall it comes off with the wall. The east end of
// the corridor comes down with the door to the east stair in it; the leaves of the doors along
// the standing part of the corridor stay on their hinges.
TEST(EarthquakeHazard, ALeafInABreakableWallComesAwayWithItsWallAndTheOthersHang) {
    auto s = eastEndCollapsesAtHalfASecond();
    s.earthquake->doors = true;
    auto q = app::EarthquakeHazard::build(s, campus());
    ASSERT_TRUE(q.ok()) << q.error().str();
    (*q)->advanceTo(0.4);
    const std::vector<render::BoxInstance> before = (*q)->boxes();
    const std::size_t leaves = (*q)->leavesOff().size();
    ASSERT_GE(leaves, 20u) << "a leaf on every inner door of block A, those of the corridor too";
    (*q)->advanceTo(4.0);
    std::vector<std::string> torn;
    for (const auto& e : (*q)->drainEvents())
        if (e.kind == "door.torn_off") torn.push_back(e.subject);
    ASSERT_EQ(torn, std::vector<std::string>{"A.4.stairE.corridor"});
    const std::vector<render::BoxInstance> after = (*q)->boxes();
    int off = 0;
    for (std::size_t i = 0; i < leaves; ++i) {
        // Without furniture, boxes() lists the leaves first.
        const float dropM = before[i].center.z - after[i].center.z;
        const float upright = (after[i].orientation * glm::vec3(0.0f, 0.0f, 1.0f)).z;
        if ((*q)->leavesOff()[i]) {
            ++off;
            EXPECT_TRUE(dropM > 0.2f || upright < 0.9f) << "the torn leaf fell: dropped " << dropM << " m, up axis z " << upright;
        } else {
            EXPECT_LT(std::fabs(dropM), 0.02f) << "leaf " << i << " hangs on";
            EXPECT_GT(upright, 0.99f) << "leaf " << i << " hangs on";
        }
    }
    EXPECT_EQ(off, 1);
}

TEST(EarthquakeHazard, TheShippedSceneWithItsBookcasesTiedToTheWallsTopplesNoneUnlessTheTiesTear) {
    // The shipped scene topples 6 of its 14 bookcases (storeys 3 and 4; docs/physics.md). Tied
    // with 1 kN (the least that holds through the record on the top floor is 364 N,
    // wall_tie_test.cpp) none tears and none topples; tied with 50 N every tie tears.
    for (double tieN : {1000.0, 50.0}) {
        auto sc = scenario::loadScenario("scenes/earthquake_school.toml");
        ASSERT_TRUE(sc.ok());
        sc.def.earthquake->bookcaseTieN = tieN;
        auto q = app::EarthquakeHazard::build(sc.def, campus());
        ASSERT_TRUE(q.ok()) << q.error().str();
        int torn = 0;
        // Each tie that holds is drawn as an L-bracket of two plates; a torn one is gone.
        auto brackets = [&] {
            const auto boxes = (*q)->boxesToDraw();
            return std::count_if(boxes.begin(), boxes.end(), [](const render::BoxInstance& b) { return b.color == app::kBracketColor; });
        };
        for (double t = 1.0; t <= 30.0; t += 1.0) {
            (*q)->advanceTo(t);
            for (const auto& e : (*q)->drainEvents()) torn += e.kind == "earthquake.tie_torn";
            if (t == 1.0) {
                EXPECT_EQ(brackets(), 28) << tieN;
            }
        }
        EXPECT_EQ(brackets(), 2 * (14 - torn)) << tieN;
        const app::EarthquakeFigures f = (*q)->figures();
        std::printf("tied %.0f N: %d of %d ties torn, %d toppled\n", tieN, f.tiesTorn, f.ties, f.furnitureToppled);
        EXPECT_EQ(f.ties, 14);
        EXPECT_EQ(torn, f.tiesTorn);
        if (tieN > 500.0) {
            EXPECT_EQ(f.tiesTorn, 0);
            EXPECT_EQ(f.furnitureToppled, 0);
        } else {
            EXPECT_EQ(f.tiesTorn, 14);
            EXPECT_GE(f.furnitureToppled, 4);
        }
    }
}
