// District windows in a session's fire: shut single glazing that the hot layer breaks out
// (fire::kSingleGlazingFalloutC), named by the window in a "fire.window_broke" event. Tiny
// district: f1 (raised to 2.5 MW, ultrafast) burns in R1 (4 x 4 x 3 m), whose door D1 to R2 stands open
// and so does R2's exit; the test gives R1 a 1.5 x 1.5 m window in its south wall.
#include <gtest/gtest.h>

#include <cstdio>

#include "fire/fire_model_def.h"
#include "fire_hazard.h"
#include "tiny_district.h"
#include "tiny_session.h"

using namespace cd;

namespace {

world::District districtWithWindow(bool window) {
    nlohmann::ordered_json j = test::tinyDistrict();
    if (window)
        j["windows"] = nlohmann::ordered_json::array(
            {{{"id", "R1.window1"}, {"room", "R1"}, {"centerM", {2, -0.1, 0.9}}, {"normal", {0, -1, 0}}, {"widthM", 1.5}, {"heightM", 1.5}}});
    auto d = world::parseDistrict(j.dump(), "tiny.json");
    EXPECT_TRUE(d.ok()) << d.error().str();
    return d.ok() ? std::move(*d) : world::District{};
}

struct Burn {
    double brokeAtS = -1;
    double brokeLayerC = 0;
    std::string subject;
    double o2BeforePct = 0;  ///< R1's upper layer when the glass broke (or at 330 s)
    double layerBeforeM = 0; ///< R1's smoke interface then
    double o2AfterPct = 0;   ///< 60 s later
    double layerAfterM = 0;
};

Burn burn(bool window) {
    scenario::ScenarioDef sc = test::tinyScenario("tiny", 900.0);
    sc.fires.push_back(test::tinyFire());
    sc.fires.back().peakHrrKw = 2500.0;
    const world::District d = districtWithWindow(window);
    auto fire = app::FireHazard::build(sc, d);
    EXPECT_TRUE(fire.ok()) << fire.error().str();
    Burn run;
    if (!fire.ok()) return run;
    app::FireHazard& f = **fire;
    EXPECT_TRUE(f.ignite("f1").ok());
    EXPECT_TRUE(f.setDoorOpen("D2", true).ok());  // the exit stands open: the fire draws air through R2
    const world::Room* r1 = d.findRoom("R1");
    const glm::vec3 underCeiling(2.0f, 2.0f, 2.8f);
    double t = 0, beforeAtS = 330.0;
    for (; t < beforeAtS + 60.0; t += 0.5) {
        f.step(0.5);
        for (const auto& e : f.drainEvents())
            if (e.kind == "fire.window_broke") {
                run.brokeAtS = t + 0.5;
                run.brokeLayerC = e.value;
                run.subject = e.subject;
                beforeAtS = run.brokeAtS;
            }
        if (t + 0.5 == beforeAtS) {
            const app::HazardSample before = f.sample(underCeiling, r1);
            run.o2BeforePct = before.o2Pct;
            run.layerBeforeM = before.layerHeightM;
        }
    }
    const app::HazardSample after = f.sample(underCeiling, r1);
    run.o2AfterPct = after.o2Pct;
    run.layerAfterM = after.layerHeightM;
    return run;
}

}  // namespace

TEST(WindowBreak, TheHotLayerBreaksTheWindowWhichVentsTheSmokeAndLetsAirIn) {
    const Burn with = burn(true);
    ASSERT_GT(with.brokeAtS, 0) << "the glass never broke";
    EXPECT_EQ(with.subject, "R1.window1");
    EXPECT_GE(with.brokeLayerC, cd::fire::kSingleGlazingFalloutC);
    std::printf("broke at %.1f s (layer %.0f C): O2 %.1f %%, interface %.2f m; 60 s later O2 %.1f %%, interface %.2f m\n", with.brokeAtS,
                with.brokeLayerC, with.o2BeforePct, with.layerBeforeM, with.o2AfterPct, with.layerAfterM);
    // Before, the room's smoke was vitiated and low (its door, and the open exit next door, were
    // all the vent it had).
    EXPECT_LT(with.o2BeforePct, 8.0);
    EXPECT_LT(with.layerBeforeM, 0.9);
    // The window vents the smoke out and lets air in: the layer's oxygen and the interface rise.
    EXPECT_GT(with.o2AfterPct, with.o2BeforePct + 4.0);
    EXPECT_GT(with.layerAfterM, with.layerBeforeM + 0.3);
    // The same fire without the window: no such change.
    const Burn without = burn(false);
    EXPECT_LT(without.brokeAtS, 0);
    std::printf("no window: O2 %.1f %%, interface %.2f m\n", without.o2AfterPct, without.layerAfterM);
    EXPECT_LT(without.o2AfterPct, 8.0);
    EXPECT_LT(without.layerAfterM, 0.9);
}
