// A responder lifting the debris off a pupil trapped under the fallen east end of the top-floor
// corridor of block A: the shipped scene's collapse, scripted at 0.5 s into 6 s of 0.3 g shaking
// (on a still ground the cut slab stays wedged between the rooms either side).
#include <gtest/gtest.h>

#include <algorithm>

#include "campus_district.h"
#include "debris_rescue.h"
#include "earthquake_hazard.h"

using namespace cd;

namespace {

using testdata::campus;

constexpr double kTickS = 1.0 / 30.0;

scenario::ScenarioDef trappedPupil() {
    scenario::ScenarioDef s;
    s.path = "rescue.toml";
    s.seed = 3;
    scenario::EarthquakeDef q;
    q.atS = 0.2;
    q.building = "A";
    q.shaking.pgaG = 0.3;
    q.shaking.periodS = 0.4;
    q.shaking.durationS = 6.0;
    q.structureRooms = {"A.4.corridor"};
    q.furniture = false;
    q.source = {"rescue.toml", 12, "earthquake"};
    scenario::CollapseDef c;
    c.atS = 0.5;
    c.room = "A.4.corridor";
    c.hasPart = true;
    c.x0 = 126.0; c.y0 = 167.9; c.x1 = 130.7; c.y1 = 170.9;
    q.collapses.push_back(c);
    scenario::CasualtyDef pupil;
    pupil.id = "pupil";
    pupil.position = {128.6, 169.0, 24.2};
    q.casualties.push_back(pupil);
    s.earthquake = q;
    return s;
}

struct Scene {
    scenario::ScenarioDef def = trappedPupil();
    std::unique_ptr<app::EarthquakeHazard> quake;
    double timeS = 0.0;

    Scene() {
        auto q = app::EarthquakeHazard::build(def, campus());
        EXPECT_TRUE(q.ok()) << q.error().str();
        quake = std::move(*q);
        advance(10.0);  // the part falls, the shaking stops, the debris settles
    }
    void advance(double untilS) {
        for (; timeS < untilS; timeS += kTickS) quake->advanceTo(timeS);
    }
    /// Where a rescuer stands to reach the first piece: 1 m west of its west side, on the floor.
    glm::vec3 besideFirstPiece() const {
        const auto pieces = quake->debrisOn(0);
        if (pieces.empty()) {
            ADD_FAILURE() << "nothing lies on the pupil";
            return glm::vec3(0.0f);
        }
        const auto& p = pieces.front();
        return {p.centerM.x - p.halfExtentsM.x - 1.0f, p.centerM.y, 24.2f};
    }
};

/// Ticks the rescue for forS seconds, or until the work stops.
std::vector<app::HazardEvent> run(Scene& s, app::DebrisRescue& r, const glm::vec3& feetM, double forS) {
    std::vector<app::HazardEvent> out;
    const double end = s.timeS + forS;
    while (s.timeS < end) {
        s.quake->advanceTo(s.timeS);
        r.update(*s.quake, feetM, false, s.timeS, out);
        s.timeS += kTickS;
        if (!r.working()) break;
    }
    return out;
}

}  // namespace

TEST(DebrisRescue, LiftingThePiecesOneAtATimeFreesThePupil) {
    Scene s;
    ASSERT_TRUE(s.quake->casualtyTrapped(0)) << "the fallen slab traps the pupil";
    const auto pieces = s.quake->debrisOn(0);
    ASSERT_FALSE(pieces.empty());
    const std::size_t drawnBefore = s.quake->boxes().size();
    app::DebrisRescue rescue(20000.0);  // a team with lifting bags
    const glm::vec3 feet = s.besideFirstPiece();
    const double startS = s.timeS;
    ASSERT_TRUE(rescue.start(*s.quake, "pupil", feet, s.timeS).ok());
    const auto events = run(s, rescue, feet, 900.0);
    std::vector<const app::HazardEvent*> lifted;
    for (const auto& e : events)
        if (e.kind == "rescue.piece_cleared") lifted.push_back(&e);
    ASSERT_FALSE(lifted.empty());
    EXPECT_FALSE(s.quake->casualtyTrapped(0)) << "free once the debris is off";
    EXPECT_FALSE(rescue.working());
    EXPECT_EQ(rescue.piecesCleared(), static_cast<int>(lifted.size()));
    EXPECT_EQ(s.quake->boxes().size(), drawnBefore - lifted.size()) << "lifted pieces are no longer drawn";
    // The first piece is the highest of those on the pupil, and it takes 10 s + 0.06 s/kg.
    EXPECT_NEAR(lifted.front()->value, pieces.front().massKg, 0.5);
    double massKg = 0.0;
    for (const auto* e : lifted) massKg += e->value;
    EXPECT_NEAR(rescue.massClearedKg(), massKg, 1e-6);
    EXPECT_GT(massKg, 100.0) << "structure chunks, not gravel";
    // The work ran piece after piece: it cannot have been quicker than the pieces' handling times.
    const double minimumS = lifted.size() * app::DebrisRescue::kBaseS + app::DebrisRescue::kPerKgS * massKg;
    EXPECT_GE(s.timeS - startS, minimumS);
}

TEST(DebrisRescue, APieceHeavierThanTheRescuerCanMoveStopsTheWork) {
    Scene s;
    app::DebrisRescue byHand(25.0);  // one person, no equipment
    const glm::vec3 feet = s.besideFirstPiece();
    ASSERT_TRUE(byHand.start(*s.quake, "pupil", feet, s.timeS).ok());
    const auto events = run(s, byHand, feet, 5.0);
    const auto heavy = std::find_if(events.begin(), events.end(), [](const auto& e) { return e.kind == "rescue.too_heavy"; });
    ASSERT_NE(heavy, events.end());
    EXPECT_GT(heavy->value, 25.0);
    EXPECT_EQ(byHand.piecesCleared(), 0);
    EXPECT_FALSE(byHand.working());
    EXPECT_TRUE(s.quake->casualtyTrapped(0));
}

TEST(DebrisRescue, WalkingAwayStopsTheWorkAndNothingIsLifted) {
    Scene s;
    app::DebrisRescue rescue(20000.0);
    const glm::vec3 feet = s.besideFirstPiece();
    ASSERT_TRUE(rescue.start(*s.quake, "pupil", feet, s.timeS).ok());
    (void)run(s, rescue, feet, 2.0);
    const auto events = run(s, rescue, feet - glm::vec3(1.0f, 0.0f, 0.0f), 1.0);
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].kind, "rescue.stopped");
    EXPECT_EQ(rescue.piecesCleared(), 0) << "the first piece takes at least 10 s";
    EXPECT_TRUE(s.quake->casualtyTrapped(0));
}

TEST(DebrisRescue, NoWorkStartsOutOfReachOnAnotherFloorOrForSomeoneUnknown) {
    Scene s;
    app::DebrisRescue rescue(20000.0);
    const glm::vec3 feet = s.besideFirstPiece();
    auto far = rescue.start(*s.quake, "pupil", feet - glm::vec3(10.0f, 0.0f, 0.0f), s.timeS);
    ASSERT_FALSE(far.ok()) << "11 m from the debris, nothing within reach";
    EXPECT_NE(far.error().message.find("nothing within 2.5 m lies in the way"), std::string::npos) << far.error().message;
    EXPECT_FALSE(rescue.start(*s.quake, "pupil", feet - glm::vec3(0.0f, 0.0f, 3.5f), s.timeS).ok()) << "the floor below";
    auto unknown = rescue.start(*s.quake, "nobody", feet, s.timeS);
    ASSERT_FALSE(unknown.ok());
    EXPECT_NE(unknown.error().message.find("nobody"), std::string::npos);
    EXPECT_FALSE(rescue.working());
}

TEST(DebrisRescue, DebrisInTheWayIsWithinReachAlongTheWayToThePieceNearestFirst) {
    Scene s;
    const auto pieces = s.quake->debrisOn(0);
    ASSERT_FALSE(pieces.empty());
    const auto& goal = pieces.front();
    // 4.5 m west of the first piece, in the corridor: the heap's west end lies between.
    const glm::vec3 feet(goal.centerM.x - goal.halfExtentsM.x - 4.5f, goal.centerM.y, 24.2f);
    const auto way = s.quake->debrisInWay(feet, goal, app::DebrisRescue::kReachM);
    float last = 0.0f;
    for (const auto& p : way) {
        EXPECT_NE(p.body.index, goal.body.index);
        const float d = app::planDistance(p, feet);
        EXPECT_LE(d, app::DebrisRescue::kReachM + 1e-4f);
        EXPECT_GE(d, last - 1e-4f) << "nearest first";
        last = d;
        EXPECT_GT(p.centerM.z + p.halfExtentsM.z, 24.2f + 0.3f) << "taller than a step";
        EXPECT_GT(p.massKg, 0.0f);
    }
    // Nothing in the way from the other end of the corridor, 20 m off.
    EXPECT_TRUE(s.quake->debrisInWay(feet - glm::vec3(15.0f, 0.0f, 0.0f), goal, app::DebrisRescue::kReachM).empty());
}

TEST(DebrisRescue, BeyondReachTheRescuerStepsInThenLiftsWhatLiesInTheWay) {
    Scene s;
    const auto pieces = s.quake->debrisOn(0);
    ASSERT_FALSE(pieces.empty());
    const auto& goal = pieces.front();
    // A place in the corridor west of the heap beyond reach of every piece on the pupil, with
    // debris in the way.
    auto beyondReach = [&](const glm::vec3& p) {
        for (const auto& q : pieces)
            if (app::planDistance(q, p) <= app::DebrisRescue::kReachM) return false;
        return true;
    };
    glm::vec3 feet(0.0f);
    for (float back = 2.6f; back < 8.0f && feet == glm::vec3(0.0f); back += 0.25f) {
        const glm::vec3 p(goal.centerM.x - goal.halfExtentsM.x - back, goal.centerM.y, 24.2f);
        if (beyondReach(p) && !s.quake->debrisInWay(p, goal, app::DebrisRescue::kReachM).empty()) feet = p;
    }
    ASSERT_NE(feet, glm::vec3(0.0f)) << "no debris lies west of the heap's first piece";
    const auto way = s.quake->debrisInWay(feet, goal, app::DebrisRescue::kReachM);
    app::DebrisRescue rescue(20000.0);
    ASSERT_TRUE(rescue.start(*s.quake, "pupil", feet, s.timeS).ok());
    // Standing still (no body here to walk): the step in gains nothing, so the nearest piece in
    // the way comes off, out of the way (not off the pupil), after its handling time.
    const double startS = s.timeS;
    std::vector<app::HazardEvent> events;
    double liftedAtS = -1.0;
    for (const double end = s.timeS + 400.0; s.timeS < end && rescue.working() && liftedAtS < 0.0; s.timeS += kTickS) {
        s.quake->advanceTo(s.timeS);
        rescue.update(*s.quake, feet, /*walking=*/false, s.timeS, events);
        if (!events.empty() && events.back().kind == "rescue.piece_cleared") liftedAtS = s.timeS;
    }
    ASSERT_GE(events.size(), 2u);
    EXPECT_EQ(events.front().kind, "rescue.step_in");
    const app::HazardEvent& lifted = events.back();
    ASSERT_EQ(lifted.kind, "rescue.piece_cleared");
    EXPECT_NE(lifted.text.find("out of the way"), std::string::npos) << lifted.text;
    EXPECT_NEAR(lifted.value, way.front().massKg, 0.5);
    EXPECT_GE(liftedAtS, startS + app::DebrisRescue::kBaseS + app::DebrisRescue::kPerKgS * way.front().massKg - 0.05);
}
