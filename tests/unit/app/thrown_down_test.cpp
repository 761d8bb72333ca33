// A trainee standing in a classroom of block A when the ground shakes beyond JMA 6 upper is
// thrown to the floor (JMA: "impossible to remain standing"), cannot stand until the shaking
// drops below 6 lower, and may stand after it; one who dropped and covered is not thrown.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>

#include "block_a_quake.h"

using namespace cd;

namespace {

// Into JMA 6 upper at the trainee: 1.0 g for 8 s from 1 s (6.2 through JMA's filters; 0.7 g,
// which read 6 upper before they were applied on 30 Nov, reads 5.9).
scenario::ScenarioDef strongShaking() { return test::blockAQuake("thrown", "A.4.classroom3", 16.0, 1.0, 1.0, 8.0, false); }

struct Shaken {
    std::vector<record::SimEvent> events;
    double peakIntensity = 0.0;
    double recordIntensity = 0.0;  ///< the whole record's JMA intensity (EarthquakeFigures)
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
    if (s->earthquake()) r.recordIntensity = s->earthquake()->figures().jmaIntensity;
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
    std::printf("peak felt intensity %.2f\n", r.peakIntensity);
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

// What the trainee feels is the ground's acceleration through JMA's filters: the strongest 3 s
// of it reads as the whole record does (the record's I is cut to 0.1; the felt one is sampled
// at the session's 30 Hz tick). Measured: 6.25 felt, the record 6.2. Unfiltered, this record
// read 6.62 (the test fails with the raw acceleration).
TEST(ThrownDown, TheShakingFeltIsReadThroughJmasFilters) {
    const Shaken r = play(-1.0, 1e9);
    std::printf("felt at most %.2f, the record %.1f\n", r.peakIntensity, r.recordIntensity);
    EXPECT_GT(r.recordIntensity, 6.0);
    EXPECT_NEAR(r.peakIntensity, r.recordIntensity + 0.05, 0.15);
}

TEST(ThrownDown, ATraineeAlreadyDownUnderCoverIsNotThrown) {
    const Shaken r = play(1.2, 1e9);
    EXPECT_TRUE(ofKind(r, "trainee.thrown_down").empty());
    EXPECT_EQ(ofKind(r, "trainee.take_cover").size(), 1u);
}
