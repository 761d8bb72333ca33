// A trainee standing in a classroom of block A when the ground shakes beyond JMA 6 upper is
// thrown to the floor (JMA: "impossible to remain standing"), cannot stand until the shaking
// drops below 6 lower, and may stand after it; one who dropped and covered is not thrown.
#include <gtest/gtest.h>

#include <algorithm>

#include "block_a_quake.h"

using namespace cd;

namespace {

// Well into JMA 6 upper at the trainee: 0.7 g for 8 s from 1 s.
scenario::ScenarioDef strongShaking() { return test::blockAQuake("thrown", "A.4.classroom3", 16.0, 1.0, 0.7, 8.0, false); }

struct Shaken {
    std::vector<record::SimEvent> events;
    double peakIntensity = 0.0;
    bool crouchedAtPeak = false, crouchedAtEnd = true;
};

// Plays the session; at coverS the trainee drops and covers (never, if negative); at standS asks to stand.
Shaken play(double coverS, double standS) {
    const scenario::ScenarioDef sc = strongShaking();
    auto s = test::startSession(sc);
    Shaken r;
    if (!s) return r;
    bool covered = false, stood = false;
    while (!s->ended()) {
        const double t = s->timeS();
        if (coverS >= 0.0 && !covered && t >= coverS) {
            test::act(*s, record::ActionKind::DropCoverHold);
            covered = true;
        }
        if (!stood && t >= standS) {
            test::act(*s, record::ActionKind::Stand);
            stood = true;
        }
        s->tick();
        const double felt = s->feltShaking().intensity();
        if (felt > r.peakIntensity) {
            r.peakIntensity = felt;
            r.crouchedAtPeak = s->body().crouched;
        }
    }
    r.crouchedAtEnd = s->body().crouched;
    r.events = s->log().events;
    return r;
}

std::vector<const record::SimEvent*> ofKind(const Shaken& r, const std::string& kind) {
    std::vector<const record::SimEvent*> out;
    for (const auto& e : r.events)
        if (e.kind == kind) out.push_back(&e);
    return out;
}

}  // namespace

TEST(ThrownDown, AStandingTraineeIsThrownToTheFloorOnceAndStandsOnlyAfterTheShakingEases) {
    // Asks to stand at 5 s, in the strong shaking: refused; the shaking ends at 9 s.
    const Shaken r = play(-1.0, 5.0);
    ASSERT_GE(r.peakIntensity, 6.0) << "the record must reach 6 upper for this test";
    const auto thrown = ofKind(r, "trainee.thrown_down");
    ASSERT_EQ(thrown.size(), 1u);
    EXPECT_GE(thrown[0]->value, 6.0);
    EXPECT_LT(thrown[0]->timeS, 9.0);
    EXPECT_TRUE(r.crouchedAtPeak);
    EXPECT_TRUE(r.crouchedAtEnd) << "the stand asked for during the shaking was refused";
    // Asks to stand at 14 s, 5 s after the shaking stopped: allowed.
    EXPECT_FALSE(play(-1.0, 14.0).crouchedAtEnd);
}

TEST(ThrownDown, ATraineeAlreadyDownUnderCoverIsNotThrown) {
    const Shaken r = play(1.2, 1e9);
    EXPECT_TRUE(ofKind(r, "trainee.thrown_down").empty());
    EXPECT_EQ(ofKind(r, "trainee.take_cover").size(), 1u);
}
