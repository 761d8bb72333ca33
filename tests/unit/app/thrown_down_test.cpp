// A trainee standing in a classroom of block A when the ground shakes beyond JMA 6 upper is
// thrown to the floor (JMA: "impossible to remain standing"), cannot stand until the shaking
// drops below 6 lower, and may stand after it; one who dropped and covered is not thrown.
// And what the trainee sees of the shaking: the eye lags their floor.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>

#include "block_a_quake.h"
#include "scene_view.h"

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

// The view shakes with the floor under the trainee: in a swaying block A, storey 4's, which
// peaks at about twice the ground there (until 3 Dec it followed the ground on every storey).
TEST(ShakenView, TheEyeShakesWithTheTraineesFloor) {
    scenario::ScenarioDef sc = test::blockAQuake("view", "A.4.classroom3", 10.0, 1.0, 0.3, 8.0, false);
    sc.earthquake->floorResponse = "sway";
    auto s = test::startSession(sc);
    ASSERT_NE(s, nullptr);
    double peakView = 0.0, peakGround = 0.0, worst = 0.0;
    while (!s->ended()) {
        s->tick();
        const render::ViewDesc v = app::eyeView(*s, 64, 64);
        const glm::vec3 still = s->body().feetM + glm::vec3(0.0f, 0.0f, s->eyeHeightM());
        const glm::vec3 floor = s->earthquake()->floorAccelerationMS2(s->body().feetM);
        worst = std::max(worst, double(glm::length((v.eye - still) + 0.01f * floor)));
        peakView = std::max(peakView, double(glm::length(glm::vec2(v.eye - still))));
        peakGround = std::max(peakGround, 0.01 * glm::length(glm::vec2(s->earthquake()->groundAccelerationMS2())));
    }
    std::printf("view offset peak %.3f m, the ground's would be %.3f m\n", peakView, peakGround);
    EXPECT_LT(worst, 1e-5) << "the eye lags the trainee's floor by 1 cm per m/s^2";
    EXPECT_GT(peakView, 1.5 * peakGround) << "storey 4 shakes harder than the ground";
}
