// The crowd's last resort among an earthquake's furniture (FurniturePush): someone walking who
// gets no further than 0.5 m in 10 s, with nobody walking within 0.7 m, pushes aside the pieces
// within 0.3 m of their body on their own floor.
#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <vector>

#include "furniture_push.h"

using namespace cd;
using namespace cd::app;

namespace {

// A desk's footprint, 0.6 x 1.2 m, its near edge at x = x0.
FurniturePush::Piece desk(double x0, double y0, double baseZM = 0.0) {
    return {{{x0, y0}, {x0 + 0.6, y0}, {x0 + 0.6, y0 + 1.2}, {x0, y0 + 1.2}}, baseZM};
}

FurniturePush::Person walker(double x, double y) {
    FurniturePush::Person p;
    p.posM = {x, y};
    p.area = 0;
    p.floorZM = 0.0;
    p.walking = true;
    return p;
}

// Calls whoIsStuck every 0.5 s from 0 to untilS; returns the first time someone is stuck (-1: never).
double firstStuckS(FurniturePush& push, std::vector<FurniturePush::Person>& people, double untilS,
                   const std::function<void(double, std::vector<FurniturePush::Person>&)>& move = {}) {
    for (double t = 0.0; t <= untilS + 1e-9; t += 0.5) {
        if (move) move(t, people);
        if (!push.whoIsStuck(t, people).empty()) return t;
    }
    return -1.0;
}

TEST(FurniturePush, SomeoneAloneAndGettingNowherePushesAsideTheDeskBesideThemAfterTenSeconds) {
    FurniturePush push;
    // Pressed against a desk (0.1 m from its edge); another desk 1 m off; one on the floor above.
    std::vector<FurniturePush::Person> people{walker(0.0, 0.5)};
    const std::vector<FurniturePush::Piece> pieces{desk(0.3, 0.0), desk(1.5, 0.0), desk(0.3, 0.0, 3.5)};
    // Shuffling on the spot, 0.2 m to and fro: no headway.
    const double t = firstStuckS(push, people, 30.0, [](double s, std::vector<FurniturePush::Person>& p) {
        p[0].posM.x = 0.1 * std::sin(s);
    });
    EXPECT_DOUBLE_EQ(t, 10.0);
    const std::vector<int> pushed = push.pushAside(people, {0}, pieces);
    ASSERT_EQ(pushed.size(), 1u);
    EXPECT_EQ(pushed[0], 0);
    EXPECT_TRUE(push.pushed(0));
    EXPECT_FALSE(push.pushed(1)) << "1.2 m from their body: out of reach";
    EXPECT_FALSE(push.pushed(2)) << "on the floor above";
    EXPECT_TRUE(push.pushAside(people, {0}, pieces).empty()) << "a piece is pushed aside once";
}

TEST(FurniturePush, TheClockStartsAgainWhenTheyGetOnAndEachTimeTheyAreFoundStuck) {
    FurniturePush push;
    std::vector<FurniturePush::Person> people{walker(0.0, 0.0)};
    // 0.6 m on every 6 s: never 10 s without headway.
    EXPECT_LT(firstStuckS(push, people, 60.0,
                          [](double s, std::vector<FurniturePush::Person>& p) { p[0].posM.x = 0.6 * std::floor(s / 6.0); }),
              0.0);
    // The last 0.6 m on came at 60 s, then they stop: stuck at 70 s and again at 80 s, not in between.
    std::vector<double> stuckAt;
    for (double t = 60.5; t <= 85.0; t += 0.5)
        if (!push.whoIsStuck(t, people).empty()) stuckAt.push_back(t);
    ASSERT_EQ(stuckAt.size(), 2u);
    EXPECT_DOUBLE_EQ(stuckAt[0], 70.0);
    EXPECT_DOUBLE_EQ(stuckAt[1], 80.0);
}

TEST(FurniturePush, NobodyHeldUpByOthersOrNotOnTheirWayIsStuck) {
    // Queued: another walking person 0.5 m away in the same area, shuffling on (0.6 m to the
    // side every 2 s) where the first cannot.
    {
        FurniturePush push;
        std::vector<FurniturePush::Person> people{walker(0.0, 0.0), walker(0.5, 0.0)};
        EXPECT_LT(firstStuckS(push, people, 30.0,
                              [](double s, std::vector<FurniturePush::Person>& p) {
                                  p[1].posM.y = std::fmod(s, 4.0) < 2.0 ? -0.3 : 0.3;
                              }),
                  0.0);
    }
    // A knot: both 0.5 m apart and neither getting on. Each is stuck, at 10 s.
    {
        FurniturePush push;
        std::vector<FurniturePush::Person> people{walker(0.0, 0.0), walker(0.5, 0.0)};
        double first = -1.0;
        for (double t = 0.0; t <= 30.0 && first < 0.0; t += 0.5) {
            const std::vector<int> stuck = push.whoIsStuck(t, people);
            if (!stuck.empty()) {
                first = t;
                EXPECT_EQ(stuck.size(), 2u);
            }
        }
        EXPECT_DOUBLE_EQ(first, 10.0);
    }
    // The same other person in another area (through a wall) holds nobody up.
    {
        FurniturePush push;
        std::vector<FurniturePush::Person> people{walker(0.0, 0.0), walker(0.5, 0.0)};
        people[1].area = 1;
        EXPECT_DOUBLE_EQ(firstStuckS(push, people, 30.0), 10.0);
    }
    // Waiting, passing a doorway, or in no area: not watched.
    for (int k = 0; k < 3; ++k) {
        FurniturePush push;
        std::vector<FurniturePush::Person> people{walker(0.0, 0.0)};
        if (k == 0) people[0].walking = false;
        if (k == 1) people[0].passing = true;
        if (k == 2) people[0].area = -1;
        EXPECT_LT(firstStuckS(push, people, 30.0), 0.0) << "case " << k;
    }
}

TEST(FurniturePush, SomeoneInNoRoomPushesNothing) {
    FurniturePush push;
    std::vector<FurniturePush::Person> people{walker(0.0, 0.5)};
    people[0].floorZM = std::nan("");
    EXPECT_TRUE(push.pushAside(people, {0}, {desk(0.3, 0.0)}).empty());
}

}  // namespace
