// Drop, cover, hold on (crowd_population_cover.cpp), in the shipped school earthquake: the
// classes sit at their desks, get under them when the shaking begins, move with them while it
// lasts and stand at the alarm; under a desk, the bookcases that topple do not strike them as
// they strike a class that stays standing.
#include <algorithm>
#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <cstdio>
#include <set>
#include <string>

#include <glm/glm.hpp>
#include <glm/gtc/quaternion.hpp>

#include "crowd_furniture.h"
#include "felt_shaking.h"
#include "school_quake_run.h"

using namespace cd;

namespace {

constexpr float kPlaceToleranceM = 0.03f;

// The shaking runs 5-25 s; the alarm is at 28 s (the scene's timeline).
constexpr double kCoveredByS = 12.0;  // 5 s + at most 4 s to react + a crawl of at most 1.5 m at 0.5 m/s
constexpr double kShakingEndsS = 25.0, kAlarmS = 28.0;  // as test::SchoolQuakeRun

struct Snapshot {
    std::vector<app::CrowdPersonView> people;
    std::vector<render::BoxInstance> boxes;
    std::vector<int> shoved;  // CrowdPopulation::shovedFurniture: indices into boxes
};

struct ShakingRun {
    Snapshot beforeShaking, covered, endOfShaking, afterAlarm;
    std::vector<app::HazardEvent> events;
    app::CrowdFigures figures;
    int struckByBookcase = 0;
};

bool isDesk(const render::BoxInstance& b) {
    return glm::all(glm::lessThan(glm::abs(b.halfExtents - glm::vec3(0.3f, 0.6f, 0.375f)), glm::vec3(1e-4f)));
}

// Distance from feetM to the nearest place under an upright desk on its storey.
float toNearestPlace(const glm::vec3& feetM, const std::vector<render::BoxInstance>& boxes) {
    float best = 1e9f;
    for (const render::BoxInstance& b : boxes)
        if (isDesk(b))
            for (const glm::vec3& p : app::placesUnderDesk(b).floorM)
            if (std::fabs(p.z - feetM.z) < 0.3f) best = std::min(best, glm::length(glm::vec2(p) - glm::vec2(feetM)));
    return best;
}

/// The desk whose footprint feetM stands in, or -1.
int deskAt(const glm::vec3& feetM, const std::vector<render::BoxInstance>& boxes) {
    for (std::size_t i = 0; i < boxes.size(); ++i) {
        const render::BoxInstance& b = boxes[i];
        if (!isDesk(b) || std::fabs(b.center.z - b.halfExtents.z - feetM.z) > 0.3f) continue;
        const glm::vec3 local = glm::inverse(b.orientation) * (glm::vec3(feetM.x, feetM.y, b.center.z) - b.center);
        if (std::fabs(local.x) < b.halfExtents.x - 0.02f && std::fabs(local.y) < b.halfExtents.y - 0.02f) return static_cast<int>(i);
    }
    return -1;
}

// The shipped scene, its classes drilled (as shipped) or not; aftershocks added; its floors'
// response (the shipped "sway", or "asce7").
bool runSchool(bool takeCover, const std::vector<scenario::AftershockDef>& aftershocks, double untilS,
               const std::function<void(double, app::CrowdPopulation&, app::EarthquakeHazard&, const std::vector<app::HazardEvent>&)>& each,
               const std::string& floorResponse = "sway") {
    test::SchoolQuakeRun run;
    run.untilS = untilS;
    run.edit = [&](scenario::ScenarioDef& sc) {
        for (auto& g : sc.crowd) {
            EXPECT_TRUE(g.hasTakeCover) << "the shipped classes are drilled";
            g.hasTakeCover = takeCover;
        }
        sc.earthquake->aftershocks = aftershocks;
        EXPECT_EQ(sc.earthquake->floorResponse, "sway") << "as shipped";
        sc.earthquake->floorResponse = floorResponse;
    };
    run.afterTick = each;
    return test::runSchoolQuake(run);
}

bool at(double t, double mark) { return std::fabs(t - mark) < 0.5 / 30.0; }  // the scene's 30 Hz tick

ShakingRun runTheShaking(bool takeCover, const std::string& floorResponse = "sway") {
    ShakingRun out;
    bool first = true;
    runSchool(takeCover, {}, kAlarmS + 1.0, [&](double t, app::CrowdPopulation& pop, app::EarthquakeHazard& q, const std::vector<app::HazardEvent>& events) {
        auto snap = [&] { return Snapshot{pop.people(), q.boxes(), pop.shovedFurniture()}; };
        if (first) out.beforeShaking = snap();  // the first tick: nobody moves before 5 s
        first = false;
        for (const auto& e : events) {
            out.events.push_back(e);
            out.struckByBookcase += e.kind == "crowd.struck_by_debris" && e.text.find("toppling bookcase") != std::string::npos;
        }
        if (at(t, kCoveredByS)) out.covered = snap();
        if (at(t, kShakingEndsS + 1.0)) out.endOfShaking = snap();
        if (at(t, kAlarmS)) out.afterAlarm = snap();
        out.figures = pop.figures();
    }, floorResponse);
    return out;
}

}  // namespace

TEST(CrowdCover, ADrilledClassGetsUnderTheDesksHoldsOnAndStandsAtTheAlarm) {
    // Under the code's profile: it scales the whole record, its long periods too, so the desks
    // slide far enough (over 5 cm) to show that those under them hold on wherever they slide.
    // Block A's own sway (as shipped) shakes the floors at its 0.42 s period: the desks slide back
    // and forth, 2 cm at most in the end.
    const ShakingRun r = runTheShaking(true, "asce7");
    ASSERT_EQ(r.beforeShaking.people.size(), 73u);
    // In the lesson every pupil sits behind a desk place (0.55 m from the middle of its desk).
    int seated = 0;
    for (const auto& v : r.beforeShaking.people) {
        EXPECT_FALSE(v.coverUp);
        EXPECT_FLOAT_EQ(v.heightM, v.teacher ? 1.7f : 1.4f);
        seated += !v.teacher && std::fabs(toNearestPlace(v.feetM, r.beforeShaking.boxes) - 0.55f) < kPlaceToleranceM;
    }
    EXPECT_GE(seated, 66) << "of 70 pupils (12 double desks a room; the trainee keeps the middle of their room free)";

    // By 12 s everyone has dropped, most under desks at a place of one. On hands and knees a
    // 1.7 m teacher (0.63 m) fits under the 0.73 m top as a pupil (0.52 m) does; who finds a free
    // place within reach is the crawl's business.
    EXPECT_LT(app::CrowdPopulation::kCrawlHeightFraction * 1.7f, 0.73f);
    int under = 0, open = 0, teachersUnder = 0;
    for (const auto& v : r.covered.people) {
        if (v.struck) continue;
        EXPECT_TRUE(v.coverUp);
        EXPECT_NEAR(v.heightM, app::CrowdPopulation::kCrawlHeightFraction * (v.teacher ? 1.7f : 1.4f), 1e-5f);
        const bool atPlace = toNearestPlace(v.feetM, r.covered.boxes) < kPlaceToleranceM;
        under += atPlace;
        open += !atPlace;
        teachersUnder += v.teacher && atPlace;
    }
    EXPECT_EQ(under, r.figures.underDesks);
    EXPECT_EQ(open, r.figures.inTheOpen);
    EXPECT_GE(under, 66);
    int groups = 0;
    double underInEvents = 0.0;
    for (const auto& e : r.events)
        if (e.kind == "crowd.took_cover") {
            ++groups;
            underInEvents += e.value;
        }
    EXPECT_EQ(groups, 3) << "one per class";
    EXPECT_DOUBLE_EQ(underInEvents, under);

    // Holding on: after the shaking each is still at a place of their desk, wherever it slid.
    int moved = 0;
    for (std::size_t i = 0; i < r.covered.people.size(); ++i) {
        const auto& a = r.covered.people[i];
        const auto& b = r.endOfShaking.people[i];
        if (a.struck || b.struck || toNearestPlace(a.feetM, r.covered.boxes) >= kPlaceToleranceM) continue;
        EXPECT_LT(toNearestPlace(b.feetM, r.endOfShaking.boxes), kPlaceToleranceM);
        moved += glm::length(b.feetM - a.feetM) > 0.05f;
    }
    EXPECT_GT(moved, 0) << "some desks slid with their pupils under them";
    std::printf("%d under desks (%d of them teachers), %d in the open; %d moved with their desk\n", under, teachersUnder, open, moved);

    // At the alarm they stand, and step out from under the desks: also from under a desk that
    // debris came down against, which is shoved aside by whoever passes
    // (CrowdPopulation::shovedFurniture) and so is no obstacle to walk through.
    for (const auto& v : r.afterAlarm.people) {
        if (v.struck) continue;
        EXPECT_FALSE(v.coverUp);
        const int desk = deskAt(v.feetM, r.afterAlarm.boxes);
        const bool shoved = std::find(r.afterAlarm.shoved.begin(), r.afterAlarm.shoved.end(), desk) != r.afterAlarm.shoved.end();
        EXPECT_LT(desk, 0) << "standing in desk " << desk << (shoved ? " (shoved)" : "") << " at " << v.feetM.x << " " << v.feetM.y;
    }
    std::printf("%zu desks shoved\n", r.afterAlarm.shoved.size());
}

TEST(CrowdCover, TopplingBookcasesStrikePupilsStandingAtTheirDesksNotThoseUnderThem) {
    // Under the code's profile, whose floors are felt as the ground (JMA 5.4 at most): the
    // undrilled stand through it. Under block A's sway the top floor's 6.2 throws them to the
    // floor before the bookcases topple (the next test).
    const ShakingRun standing = runTheShaking(false, "asce7");
    const ShakingRun covering = runTheShaking(true, "asce7");
    std::printf("struck by toppling bookcases: %d standing, %d under desks (%d struck in all)\n", standing.struckByBookcase,
                covering.struckByBookcase, covering.figures.struck);
    EXPECT_EQ(standing.figures.underDesks + standing.figures.inTheOpen + standing.figures.thrownDown, 0);
    // Each blow graded by its energy (debris_strike.h): a bookcase reaching someone early in its
    // fall hurts them (they walk on), late in it strikes them down. Nobody is hurt twice or
    // struck down twice (one body, one blow; the same bookcase going on through them is none).
    std::set<std::string> hurt, down;
    double hurtLo = 1e9, hurtHi = 0.0, downLo = 1e9, downHi = 0.0;
    for (const auto& e : standing.events) {
        if (e.kind != "crowd.struck_by_debris") continue;
        double& lo = e.value >= app::kSeriousInjuryEnergyJ ? downLo : hurtLo;
        double& hi = e.value >= app::kSeriousInjuryEnergyJ ? downHi : hurtHi;
        lo = std::min(lo, e.value);
        hi = std::max(hi, e.value);
        EXPECT_GE(e.value, app::kInjuryEnergyJ) << e.text;
        const bool serious = e.text.find("seriously injured") != std::string::npos;
        EXPECT_EQ(serious, e.value >= app::kSeriousInjuryEnergyJ) << e.text;
        EXPECT_TRUE((serious ? down : hurt).insert(e.subject).second) << e.subject << " twice: " << e.text;
    }
    EXPECT_EQ(standing.figures.struck, static_cast<int>(down.size()));
    int hurtOnly = 0;
    for (const auto& p : hurt) hurtOnly += down.count(p) == 0;
    EXPECT_EQ(standing.figures.hurt, hurtOnly);
    EXPECT_GE(standing.figures.struck, 1);
    EXPECT_GE(standing.figures.hurt, 1);
    // Drawn as they are: the hurt ones pink and on their feet, those struck down red.
    int drawnHurt = 0, drawnDown = 0;
    for (const auto& v : standing.afterAlarm.people) {
        drawnHurt += v.hurt;
        drawnDown += v.struck;
        EXPECT_FALSE(v.hurt && v.struck);
    }
    EXPECT_EQ(drawnHurt, standing.figures.hurt);
    EXPECT_EQ(drawnDown, standing.figures.struck);
    std::printf("standing: %d struck down (%.0f-%.0f J), %d hurt (%.0f-%.0f J)\n", standing.figures.struck, downLo, downHi, standing.figures.hurt,
                hurtLo, hurtHi);
    // The back row sits 0.5 m from the bookcase on the back wall; 6 of 182 pieces topple.
    EXPECT_GE(standing.struckByBookcase, 3);
    EXPECT_LE(covering.struckByBookcase * 3, standing.struckByBookcase);
}

// Undrilled, in block A swaying (as shipped): the shaking of storeys 3 and 4 reaches JMA 6 upper
// (6.2 on storey 4), "impossible to remain standing", and throws the classes there to the floor
// where they stand, as it throws the trainee (under the code's profile, felt as the ground's 5.4,
// nobody: the test above). Once the shaking is below 6 lower they stand again, before the alarm.
TEST(CrowdCover, UndrilledClassesOnTheSwayingUpperFloorsAreThrownToTheFloorAndStandAgain) {
    const ShakingRun r = runTheShaking(false);
    std::set<std::string> thrown;
    double lowest = 10.0;
    for (const auto& e : r.events) {
        if (e.kind != "crowd.thrown_down") continue;
        EXPECT_TRUE(thrown.insert(e.subject).second) << e.subject << " thrown twice";
        lowest = std::min(lowest, e.value);
    }
    std::printf("thrown down: %zu (at JMA %.2f or more); %d struck down, %d hurt\n", thrown.size(), lowest, r.figures.struck, r.figures.hurt);
    EXPECT_EQ(r.figures.thrownDown, static_cast<int>(thrown.size()));
    EXPECT_GE(lowest, app::FeltShaking::kThrownDownIntensity);
    EXPECT_EQ(r.figures.underDesks + r.figures.inTheOpen, 0) << "nobody drops of themselves";
    int down = 0;
    for (const auto& v : r.covered.people) down += v.coverUp;
    EXPECT_EQ(down, static_cast<int>(thrown.size())) << "on hands and knees at 12 s: those thrown down";
    EXPECT_EQ(static_cast<int>(thrown.size()) + r.figures.struck, 73) << "the three classes of storeys 3 and 4";
    // 1 s after the shaking (26 s), before the alarm (28 s) stands everyone up.
    for (const auto& v : r.endOfShaking.people) EXPECT_FALSE(v.coverUp) << "standing again";
}

// The same, undrilled, in a strong aftershock (60-68 s, 0.5 g) while they walk out: whoever is
// walking in a room when their floor's shaking reaches JMA 6 upper is thrown down where they are
// and stops; once it is below 6 lower they stand and walk on, and all get out.
TEST(CrowdCover, InAStrongAftershockThoseWalkingOutAreThrownDownThenWalkOn) {
    const scenario::AftershockDef after = test::parametricAftershock(60.0, 0.5, 8.0);
    int thrownInAftershock = 0, walkingWhenThrown = 0;
    std::vector<std::string> ids;
    std::vector<char> external;
    std::vector<app::CrowdPersonView> atEnd;
    app::CrowdFigures end;
    ASSERT_TRUE(runSchool(false, {after}, 240.0, [&](double t, app::CrowdPopulation& pop, app::EarthquakeHazard&, const std::vector<app::HazardEvent>& events) {
        for (const auto& e : events) {
            if (e.kind != "crowd.thrown_down" || t < 60.0) continue;
            ++thrownInAftershock;
            const auto& v = pop.personIds();
            const auto k = static_cast<std::size_t>(std::find(v.begin(), v.end(), e.subject) - v.begin());
            ASSERT_LT(k, v.size());
            const crowd::Agent& a = pop.sim().agents()[k];
            walkingWhenThrown += a.external && a.state == crowd::AgentState::Walking;  // stopped where they were
            EXPECT_GE(e.value, app::FeltShaking::kThrownDownIntensity);
        }
        atEnd = pop.people();
        end = pop.figures();
        ids = pop.personIds();
        external.clear();
        for (const auto& a : pop.sim().agents()) external.push_back(a.external ? 1 : 0);
    }));
    std::printf("strong aftershock: %d thrown down while walking out (%d stopped walking); %d out, %d struck\n", thrownInAftershock,
                walkingWhenThrown, end.out, end.struck);
    EXPECT_GT(thrownInAftershock, 0);
    EXPECT_GT(walkingWhenThrown, 0);
    for (std::size_t i = 0; i < atEnd.size() && i < 73; ++i)
        if (!atEnd[i].struck) {
            EXPECT_FALSE(external[i]) << ids[i] << " walks on";
            EXPECT_FALSE(atEnd[i].coverUp) << ids[i] << " stands again";
        }
    EXPECT_EQ(end.out + end.struck, 73);
}

// An aftershock (60-68 s, 0.1 g) while the classes walk out after the alarm (28 s): those still
// walking in a room stop and hold on (those near a desk crawl under it), those on a flight or at
// an exit go on; after it they stand and walk on. (It brings more of the corridor's debris down:
// one or two pupils of classroom 3 are struck and three are cut off in its east end, with or
// without taking cover.)
TEST(CrowdCover, InAnAftershockThoseWalkingInARoomStopAndHoldOnThenWalkOn) {
    const scenario::AftershockDef after = test::parametricAftershock(60.0, 0.1, 8.0);
    Snapshot at65, at67;
    std::vector<app::CrowdPersonView> at75, atEnd;
    std::vector<char> external;
    std::vector<std::string> ids;
    app::CrowdFigures end;
    int outAt67 = 0, tookCoverInAftershock = 0;
    ASSERT_TRUE(runSchool(true, {after}, 240.0, [&](double t, app::CrowdPopulation& pop, app::EarthquakeHazard& q, const std::vector<app::HazardEvent>& events) {
        for (const auto& e : events) tookCoverInAftershock += e.kind == "crowd.took_cover" && t > 60.0;
        if (at(t, 65.0)) at65 = {pop.people(), q.boxes()};
        if (at(t, 67.5)) {
            at67 = {pop.people(), q.boxes()};
            outAt67 = pop.figures().out;
        }
        if (at(t, 75.0)) at75 = pop.people();
        atEnd = pop.people();
        end = pop.figures();
        ids = pop.personIds();
        external.clear();
        for (const auto& a : pop.sim().agents()) external.push_back(a.external ? 1 : 0);
    }));
    ASSERT_EQ(at65.people.size(), 73u);
    int holding = 0, inTheOpen = 0;
    for (std::size_t i = 0; i < 73; ++i) {
        const auto& a = at65.people[i];
        const auto& b = at67.people[i];
        // Held on at both times (someone who came off a flight after 65 s stops where they
        // arrive).
        if (a.out || b.struck || !a.coverUp || !b.coverUp) continue;
        ++holding;
        // In the open they hold on where they are; under a desk, at a place of it.
        if (toNearestPlace(b.feetM, at67.boxes) < kPlaceToleranceM) continue;
        ++inTheOpen;
        EXPECT_LT(glm::length(b.feetM - a.feetM), 0.02f) << ids[i] << " holds on where they are " << a.feetM.x << "," << a.feetM.y << "," << a.feetM.z << " -> " << b.feetM.x << "," << b.feetM.y << "," << b.feetM.z;
    }
    for (const auto& v : at75) EXPECT_FALSE(v.coverUp) << "they stand again after the aftershock";
    for (std::size_t i = 0; i < 73; ++i)
        if (!atEnd[i].struck) {
            EXPECT_FALSE(external[i]) << ids[i] << " walks on";
        }
    std::printf("aftershock: %d held on (%d in the open); %d groups reported; out %d at 67.5 s, %d at the end; %d struck\n", holding,
                inTheOpen, tookCoverInAftershock, outAt67, end.out, end.struck);
    EXPECT_GT(holding, 10);
    EXPECT_GT(inTheOpen, 0);
    EXPECT_GE(tookCoverInAftershock, 1);
    EXPECT_GE(end.out, outAt67 + 50) << "they walk on and out";
}
