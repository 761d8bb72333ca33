#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>

#include "core/rng.h"
#include "crowd/crowd_sim.h"

namespace cd::crowd {
namespace {

Polygon rect(double x0, double y0, double x1, double y1) { return {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}}; }

/// A room with a pillar, a 1.2 m door to a hall with two exits (west near, east far).
struct TwoExitFixture {
    Building b;
    int room, hall, door, west, east;
    TwoExitFixture() {
        b.areas.push_back({"room", rect(0, 0, 10, 10), 0, 0});
        b.areas.push_back({"hall", rect(0, 10, 40, 14), 0, 0});
        room = 0;
        hall = 1;
        b.obstacles.push_back({rect(4, 4, 5, 6), -1, 0});
        b.doors.push_back({"door", room, hall, {{4.4, 10}, {5.6, 10}}, true, 0});
        b.doors.push_back({"west", hall, kSafeArea, {{0, 10.5}, {0, 13.5}}, true, 0});
        b.doors.push_back({"east", hall, kSafeArea, {{40, 10.5}, {40, 13.5}}, true, 0});
        door = 0;
        west = 1;
        east = 2;
    }
    std::unique_ptr<CrowdSim> make(unsigned threads, int people, std::uint64_t seed = 1) {
        CrowdSettings s;
        s.threads = threads;
        auto r = CrowdSim::create(b, s);
        EXPECT_TRUE(r.ok());
        std::unique_ptr<CrowdSim> sim = std::move(r.value());
        const int group = sim->addGroup({"all", {}, 0.0});
        Rng rng(seed);
        int placed = 0;
        while (placed < people) {
            const Vec2 p{rng.uniform(0.3, 9.7), rng.uniform(0.3, 9.7)};
            if (!sim->fitsGeometry(p, room, 0.2)) continue;
            bool clear = true;
            for (const Agent& o : sim->agents()) clear = clear && length(o.pos - p) > 0.35;
            if (!clear) continue;
            Agent a;
            a.pos = p;
            a.group = group;
            a.desiredSpeedMps = rng.uniform(1.1, 1.5);
            EXPECT_TRUE(sim->addAgent(a).ok());
            ++placed;
        }
        return sim;
    }
};

TEST(CrowdSim, ResultsAreBitIdenticalForOneTwoAndFourThreads) {
    TwoExitFixture f;
    std::uint64_t hashes[3];
    const unsigned threads[3] = {1, 2, 4};
    for (int k = 0; k < 3; ++k) {
        auto sim = f.make(threads[k], 120);
        for (int i = 0; i < 400; ++i) sim->step();
        hashes[k] = sim->stateHash();
    }
    EXPECT_EQ(hashes[0], hashes[1]);
    EXPECT_EQ(hashes[0], hashes[2]);
}

TEST(CrowdSim, TheSameSeedGivesTheSameRunAndAnotherSeedADifferentOne) {
    TwoExitFixture f;
    auto a = f.make(1, 60, 5), b = f.make(1, 60, 5), c = f.make(1, 60, 6);
    for (int i = 0; i < 200; ++i) {
        a->step();
        b->step();
        c->step();
    }
    EXPECT_EQ(a->stateHash(), b->stateHash());
    EXPECT_NE(a->stateHash(), c->stateHash());
}

TEST(CrowdSim, NobodyCrossesAWallOrOverlapsAnotherByMoreThanAThirdOfABodyInADenseRoom) {
    TwoExitFixture f;
    auto sim = f.make(2, 200);
    std::vector<Vec2> before;
    double worstOverlap = 0.0;
    while (sim->timeS() < 120 && sim->insideCount() > 0) {
        sim->positions(before);
        sim->step();
        const auto& agents = sim->agents();
        for (size_t i = 0; i < agents.size(); ++i) {
            if (agents[i].state != AgentState::Walking || agents[i].exitDoor >= 0) continue;
            for (size_t w = 0; w < sim->walls().size(); ++w)
                ASSERT_FALSE(segmentsIntersect(before[i], agents[i].pos, sim->walls()[w].a, sim->walls()[w].b)) << "person " << i;
            EXPECT_FALSE(pointInPolygon(agents[i].pos, f.b.obstacles[0].polygon));
            for (size_t j = i + 1; j < agents.size(); ++j) {
                if (agents[j].state != AgentState::Walking || agents[j].exitDoor >= 0) continue;
                const double l = agents[i].radiusM + agents[j].radiusM;
                worstOverlap = std::max(worstOverlap, (l - length(agents[i].pos - agents[j].pos)) / l);
            }
        }
    }
    EXPECT_EQ(sim->evacuatedCount(), 200) << "nobody freezes in the doorway";
    EXPECT_LT(worstOverlap, 1.0 / 3.0);
}

// Frantzich & Nilsson (2003): Ks = 3 /m gives v = 0.758 v0 in the smoky room.
TEST(CrowdSim, PeopleWalkSlowerInSmoke) {
    double exitS[2];
    for (int k = 0; k < 2; ++k) {
        Building b;
        b.areas.push_back({"room", rect(0, 0, 10, 10), 0, 0});
        b.doors.push_back({"exit", 0, kSafeArea, {{10, 4}, {10, 6}}, true, 0});
        auto sim = std::move(CrowdSim::create(b, CrowdSettings{}).value());
        Agent a;
        a.pos = {0.5, 5.0};
        a.desiredSpeedMps = 1.3;
        ASSERT_TRUE(sim->addAgent(a).ok());
        if (k == 1) sim->setAreaHazard(0, {3.0, 0.0, 0.0});
        sim->runUntil(100);
        exitS[k] = sim->agents()[0].exitTimeS;
    }
    EXPECT_NEAR(exitS[1] / exitS[0], 1.0 / smokeSpeedFactor(3.0), 0.03);
}

TEST(CrowdSim, PeopleWhoSeeASmokeLoggedExitTurnToTheOtherOne) {
    TwoExitFixture f;
    auto sim = f.make(1, 30);
    sim->runUntil(1.0);
    for (const Agent& a : sim->agents()) EXPECT_EQ(a.chosenExit, f.west) << "west is nearer";
    sim->setDoorHazardBlocked(f.west, true);  // e.g. the fire model reports visibility < 3 m there
    sim->runUntil(400);
    EXPECT_EQ(sim->evacuatedCount(), 30);
    for (const Agent& a : sim->agents()) EXPECT_EQ(a.exitDoor, f.east) << "seen from the hall, west is avoided";
}

TEST(CrowdSim, AFloodedDoorIsAvoidedOnceSeen) {
    // Room with two doors into two halls, each with its exit; one hall floods.
    Building b;
    b.areas.push_back({"room", rect(0, 0, 10, 10), 0, 0});
    b.areas.push_back({"westHall", rect(-6, 0, 0, 10), 0, 0});
    b.areas.push_back({"eastHall", rect(10, 0, 30, 10), 0, 0});
    b.doors.push_back({"toWest", 0, 1, {{0, 4}, {0, 6}}, true, 0});
    b.doors.push_back({"toEast", 0, 2, {{10, 4}, {10, 6}}, true, 0});
    b.doors.push_back({"westExit", 1, kSafeArea, {{-6, 4}, {-6, 6}}, true, 0});
    b.doors.push_back({"eastExit", 2, kSafeArea, {{30, 4}, {30, 6}}, true, 0});
    auto sim = std::move(CrowdSim::create(b, CrowdSettings{}).value());
    for (int k = 0; k < 10; ++k) {
        Agent a;
        a.pos = {1.0 + 0.5 * k, 2.0 + 0.6 * k};
        ASSERT_TRUE(sim->addAgent(a).ok());
    }
    sim->setAreaHazard(1, {0.0, 0.6, 0.5});  // knee-deep flowing water: M0 > 0.125 m^2
    sim->runUntil(200);
    EXPECT_EQ(sim->evacuatedCount(), 10);
    for (const Agent& a : sim->agents()) EXPECT_EQ(a.exitDoor, 3) << "everybody avoids the flooded west hall";
}

TEST(CrowdSim, ATeacherDirectingAClassSendsItToTheFarExitAndIsRecorded) {
    TwoExitFixture f;
    auto sim = f.make(1, 20);
    EXPECT_EQ(sim->directGroup(0, f.east), 20);
    sim->runUntil(300);
    EXPECT_EQ(sim->evacuatedCount(), 20);
    for (const Agent& a : sim->agents()) EXPECT_EQ(a.exitDoor, f.east);
    ASSERT_EQ(sim->actions().size(), 1u);
    EXPECT_EQ(sim->actions()[0].kind, CrowdAction::Kind::DirectGroup);
    EXPECT_EQ(sim->actions()[0].affected, 20);
}

TEST(CrowdSim, ClassmatesFollowAStudentTraineeWhoLeadsThem) {
    TwoExitFixture f;
    auto sim = f.make(1, 10);
    const int trainee = sim->addExternalAgent({8.0, 8.0}, f.room);
    EXPECT_EQ(sim->leadGroup(trainee, 0), 10);
    // The trainee stays in the corner: classmates gather round instead of leaving.
    sim->runUntil(20);
    for (int i = 0; i < 10; ++i) EXPECT_LT(length(sim->agents()[i].pos - Vec2{8, 8}), 4.0) << "person " << i;
    EXPECT_EQ(sim->evacuatedCount(), 0);
}

TEST(CrowdSim, ClosingADoorReroutesEverybodyToTheOtherExit) {
    TwoExitFixture f;
    auto sim = f.make(1, 20);
    sim->setDoorOpen(f.west, false);
    sim->runUntil(300);
    EXPECT_EQ(sim->evacuatedCount(), 20);
    for (const Agent& a : sim->agents()) EXPECT_EQ(a.exitDoor, f.east);
}

// An aisle 1.15 m wide between desk rows (as in the school's classrooms), its exit at the south
// end, and a pupil walking down it from x, 8 m north of the exit (agent 0).
std::unique_ptr<CrowdSim> aisleWithAPupilAt(double x) {
    Building b;
    b.areas.push_back({"aisle", rect(0, 0, 1.15, 10), 0, 0});
    b.doors.push_back({"exit", 0, kSafeArea, {{0.075, 0}, {1.075, 0}}, true, 0});
    auto r = CrowdSim::create(b, CrowdSettings{});
    EXPECT_TRUE(r.ok()) << r.error().str();
    if (!r.ok()) return nullptr;
    std::unique_ptr<CrowdSim> sim = std::move(r.value());
    Agent a;
    a.pos = {x, 8.0};
    a.group = sim->addGroup({"pupils", {}, 0.0});
    a.desiredSpeedMps = 1.2;
    EXPECT_TRUE(sim->addAgent(a).ok());
    return sim;
}

// The trainee standing in the aisle's middle turned sideways (0.15 m): the pupil steps round
// them, as people do, where the CSM's radial push from someone straight ahead only held them
// behind (they stood there to the end).
TEST(CrowdSim, APersonStepsRoundATraineeStandingInANarrowAisle) {
    for (const double x : {0.575, 0.50, 0.65}) {  // straight behind the trainee, or a little to one side
        auto made = aisleWithAPupilAt(x);
        ASSERT_NE(made, nullptr);
        CrowdSim& sim = *made;
        const int trainee = sim.addExternalAgent({0.575, 4.0}, 0, 0.15);
        double closest = 1e9;
        for (int k = 0; k < 400 && sim.evacuatedCount() == 0; ++k) {
            sim.setExternalAgent(trainee, {0.575, 4.0}, 0);  // standing still
            sim.runUntil(sim.timeS() + 0.05);
            closest = std::min(closest, length(sim.agents()[0].pos - Vec2{0.575, 4.0}));
        }
        std::printf("from x = %.3f: out at %.1f s, closest to the trainee %.3f m\n", x, sim.agents()[0].exitTimeS, closest);
        EXPECT_EQ(sim.evacuatedCount(), 1) << "from x = " << x;
        // 8 m at 1.2 m/s is 6.7 s; stepping round costs a few seconds more.
        EXPECT_LT(sim.agents()[0].exitTimeS, 12.0) << "from x = " << x;
        EXPECT_GT(closest, 0.15 + 0.2 - 0.05) << "bodies overlap by at most 5 cm in passing";
    }
}

// The same aisle with a classmate still waiting to move (pre-movement, facing the front: 0.2 m)
// in its middle: walked round too, the one passing turned sideways.
TEST(CrowdSim, APersonStepsRoundSomeoneStillWaitingInANarrowAisle) {
    auto made = aisleWithAPupilAt(0.575);
    ASSERT_NE(made, nullptr);
    CrowdSim& sim = *made;
    Agent waiting;
    waiting.pos = {0.575, 4.0};
    waiting.group = sim.agents()[0].group;
    waiting.premovementS = 1000.0;
    ASSERT_TRUE(sim.addAgent(waiting).ok());
    double closest = 1e9;
    while (sim.timeS() < 20.0 && sim.agents()[0].exitTimeS < 0.0) {
        sim.runUntil(sim.timeS() + 0.05);
        closest = std::min(closest, length(sim.agents()[0].pos - sim.agents()[1].pos));
    }
    std::printf("past someone waiting: out at %.1f s, closest %.3f m\n", sim.agents()[0].exitTimeS, closest);
    EXPECT_GE(sim.agents()[0].exitTimeS, 0.0) << "the walker gets out";
    EXPECT_LT(sim.agents()[0].exitTimeS, 12.0);
    EXPECT_EQ(sim.agents()[1].state, AgentState::Waiting) << "the other still waits";
    EXPECT_GT(closest, 0.15 + 0.2 - 0.05) << "bodies overlap by at most 5 cm in passing";
}

// A 10 x 10 m room with its exit door at x 4.6-5.6 on the south wall, the given desks (at
// least the two with a 0.15 m slot between them at x 5.05-5.2, y 4.0-4.6) and one person.
std::unique_ptr<CrowdSim> roomWithDesks(const std::vector<Polygon>& desks, Vec2 person) {
    Building b;
    b.areas.push_back({"room", rect(0, 0, 10, 10), 0, 0});
    for (const Polygon& d : desks) b.obstacles.push_back({d, 0, 0});
    b.doors.push_back({"exit", 0, kSafeArea, {{4.6, 0}, {5.6, 0}}, true, 0});
    auto r = CrowdSim::create(b, CrowdSettings{});
    EXPECT_TRUE(r.ok()) << r.error().str();
    if (!r.ok()) return nullptr;
    Agent a;
    a.pos = person;
    a.desiredSpeedMps = 1.3;
    EXPECT_TRUE(r.value()->addAgent(a).ok());
    return std::move(r.value());
}

// Two desks the shaking left 0.15 m apart stand across the straight way to the door: no body
// (0.4 m shoulders, 0.3 m sideways) passes the slot, so the floor field takes the person round
// the desks' ends instead of into it, where they would stand pressed between the two.
TEST(CrowdSim, APersonBehindTwoDesksWithASlotNarrowerThanABodyWalksRoundThem) {
    auto sim = roomWithDesks({rect(1.0, 4.0, 5.05, 4.6), rect(5.2, 4.0, 9.0, 4.6)}, {5.12, 6.0});
    ASSERT_NE(sim, nullptr);
    double closestToSlotM = 1e9;
    while (sim->timeS() < 60 && sim->evacuatedCount() == 0) {
        sim->step();
        if (sim->agents()[0].state == AgentState::Walking)
            closestToSlotM = std::min(closestToSlotM, length(sim->agents()[0].pos - Vec2{5.125, 4.3}));
    }
    // Round the east end: about 4 m across, 5 m down and 4 m back, some 10-11 s at 1.3 m/s.
    EXPECT_EQ(sim->evacuatedCount(), 1) << "still at " << sim->agents()[0].pos.x << ", " << sim->agents()[0].pos.y;
    EXPECT_LT(sim->timeS(), 20.0);
    EXPECT_GT(closestToSlotM, 1.0) << "walked up to the slot";
}

// A 0.3 m heap of debris from wall to wall cuts the room in two, the door on the far side. Those
// on the near side have no route: they stand (and the app reports them cut off). Until 30 Nov
// the floor field's dilation into wall and obstacle cells (meant to give someone whose centre
// sits in one a direction) also ran on into the floor behind a thin heap, up to 0.75 m: a person
// there had a route through the heap and walked into it.
TEST(CrowdSim, ThoseAThinHeapCutsOffFromTheDoorHaveNoRouteAndStand) {
    for (const Vec2 person : {Vec2{5.0, 3.6}, Vec2{3.0, 3.9}, Vec2{5.0, 6.0}}) {
        auto sim = roomWithDesks({rect(0.01, 3.0, 9.99, 3.3)}, person);
        ASSERT_NE(sim, nullptr);
        sim->runUntil(10.0);
        const Agent& a = sim->agents()[0];
        EXPECT_EQ(sim->evacuatedCount(), 0);
        EXPECT_EQ(a.state, AgentState::Walking);
        EXPECT_LT(a.nextGate, 0) << "a route from " << person.x << ", " << person.y;
        EXPECT_LT(a.pathLengthM, 0.05) << "walked from " << person.x << ", " << person.y;
    }
    // On the door's side of the heap the way is open.
    auto open = roomWithDesks({rect(0.01, 3.0, 9.99, 3.3)}, {5.0, 1.5});
    ASSERT_NE(open, nullptr);
    open->runUntil(10.0);
    EXPECT_EQ(open->evacuatedCount(), 1);
}

// Shut in by desks whose only gap is such a slot, a person still has a direction: to the slot
// (the floor field keeps narrow cells walkable at a high cost; with them closed, people in a
// pocket stood still). The app pushes aside desks someone stands pressed against (crowd.md).
TEST(CrowdSim, APersonShutInByDesksWithOnlyASlotOutHeadsForTheSlot) {
    auto sim = roomWithDesks({rect(2.0, 4.0, 5.05, 4.6), rect(5.2, 4.0, 8.0, 4.6),  // south side, the slot
                              rect(2.0, 4.6, 2.6, 8.0), rect(2.0, 8.0, 8.0, 8.6), rect(7.4, 4.6, 8.0, 8.0)},
                             {4.0, 7.0});
    ASSERT_NE(sim, nullptr);
    sim->runUntil(10.0);
    EXPECT_LT(length(sim->agents()[0].pos - Vec2{5.125, 4.6}), 0.6)
        << "at " << sim->agents()[0].pos.x << ", " << sim->agents()[0].pos.y;
}

// A pupil on the far side of a row of desks from the teacher, who walks slowly to the exit.
// Straight at her, the pupil would slide along the row pressed against it and rejoin her only
// where she passes its end; out of sight of her they take the floor field round the row's end
// and, once they see her, walk back to her (NavMap::lineClear).
TEST(CrowdSim, AFollowerWithDesksBetweenThemAndTheLeaderGoesRoundThemAndRejoinsTheLeader) {
    Building b;
    b.areas.push_back({"room", rect(0, 0, 20, 10), 0, 0});
    b.obstacles.push_back({rect(1.0, 5.0, 12.0, 5.6), 0, 0});
    b.doors.push_back({"exit", 0, kSafeArea, {{20, 4.5}, {20, 5.5}}, true, 0});
    auto r = CrowdSim::create(b, CrowdSettings{});
    ASSERT_TRUE(r.ok()) << r.error().str();
    CrowdSim& sim = *r.value();
    Agent teacher;
    teacher.pos = {3.0, 3.0};
    teacher.desiredSpeedMps = 0.3;
    auto t = sim.addAgent(teacher);
    ASSERT_TRUE(t.ok());
    Agent pupil;
    pupil.pos = {3.0, 8.0};
    pupil.desiredSpeedMps = 1.3;
    pupil.leader = *t;
    ASSERT_TRUE(sim.addAgent(pupil).ok());
    auto together = [&] {
        const Agent &tc = sim.agents()[0], &p = sim.agents()[1];
        return p.pos.y < 5.0 && length(p.pos - tc.pos) < 2.5;
    };
    while (sim.timeS() < 40.0 && !together()) sim.step();
    // Round the row's east end (9 m) and back to her: some 12-14 s. Along the row beside her,
    // the pupil would reach its end with her, at about 30 s.
    std::printf("the pupil rejoins the teacher at %.1f s\n", sim.timeS());
    EXPECT_TRUE(together()) << "pupil at " << sim.agents()[1].pos.x << ", " << sim.agents()[1].pos.y;
    EXPECT_LT(sim.timeS(), 18.0);
}

}  // namespace
}  // namespace cd::crowd
