// Glazed windows (OpeningDef::glassBreaksAtC): shut until the hot layer breaks the glass out,
// then open for good, and the fire that was starved of air through the doorway gets it.
#include <gtest/gtest.h>

#include <cstdio>
#include <string>

#include "fire/fire_case.h"
#include "fire/fire_model.h"

using namespace cd::fire;

namespace {

// A 5 x 5 x 2.7 m room whose only open vent is a 0.5 x 1.2 m hatch (A sqrt(H) = 0.66 m^5/2,
// about 1 MW of ventilation-limited burning), a 1.8 x 1.5 m window with a 0.9 m sill, and a
// fast fire that would reach 2 MW.
FireModelDef roomWithWindow(double glassBreaksAtC) {
    FireModelDef def;
    RoomDef r;
    r.id = "room";
    r.sizeM = {5, 5, 2.7};
    def.rooms.push_back(r);
    OpeningDef hatch;
    hatch.id = "hatch";
    hatch.roomA = "room";
    hatch.widthM = 0.5;
    hatch.heightM = 1.2;
    OpeningDef window;
    window.id = "window";
    window.roomA = "room";
    window.widthM = 1.8;
    window.heightM = 1.5;
    window.sillM = 0.9;
    window.open = false;
    window.glassBreaksAtC = glassBreaksAtC;
    def.openings = {hatch, window};
    FireDef f;
    f.id = "sofa";
    f.room = "room";
    f.positionM = {2.5, 2.5, 0};
    f.alphaKwS2 = kAlphaFast;
    f.peakHrrKw = 2000;
    def.fires.push_back(f);
    return def;
}

std::string errorOf(const std::string& text) {
    auto c = parseFireCase(text, "case.toml");
    return c ? std::string("no error") : c.error().str();
}

}  // namespace

TEST(Glazing, TheGlassFallsOutWhenTheHotLayerCoversItAtTheBreakingTemperature) {
    auto m = FireModel::create(roomWithWindow(kSingleGlazingFalloutC));
    ASSERT_TRUE(m) << m.error().str();
    const double windowTopM = 0.9 + 1.5;
    double brokeAtS = -1, layerC = 0;
    RoomState before;
    for (int i = 0; i < 1200 && brokeAtS < 0; ++i) {
        before = m->roomState(0);
        m->step(0.5);
        for (const FireEvent& e : m->drainEvents())
            if (e.type == FireEventType::GlassBroke) {
                brokeAtS = e.timeS;
                layerC = e.value;
                EXPECT_EQ(e.device, 1);
                EXPECT_EQ(e.room, 0);
            }
    }
    ASSERT_GT(brokeAtS, 0) << "the glass never broke";
    std::printf("glass broke at %.1f s, layer %.0f C\n", brokeAtS, layerC);
    // Not before: half a second earlier the layer was cooler than 450 C or above the pane's top.
    EXPECT_TRUE(before.upperTempC < kSingleGlazingFalloutC || before.layerHeightM >= windowTopM)
        << before.upperTempC << " C, layer at " << before.layerHeightM << " m";
    EXPECT_GE(layerC, kSingleGlazingFalloutC);
    EXPECT_LT(layerC, kSingleGlazingFalloutC + 60.0);  // one 0.5 s step of a growing fire
    EXPECT_TRUE(m->openingOpen(1));
    // A pane that fell out cannot be shut again.
    m->setOpeningOpen(1, false);
    EXPECT_TRUE(m->openingOpen(1));
    EXPECT_TRUE(m->openingOpen(0));
    m->setOpeningOpen(0, false);
    EXPECT_FALSE(m->openingOpen(0));
}

TEST(Glazing, TheWindowThatBreaksLetsTheStarvedFireGrowAndOneThatHoldsDoesNot) {
    auto breaks = FireModel::create(roomWithWindow(kSingleGlazingFalloutC));
    auto holds = FireModel::create(roomWithWindow(1200.0));
    ASSERT_TRUE(breaks && holds);
    double brokeAtS = -1;
    for (int i = 0; i < 1200 && brokeAtS < 0; ++i) {
        breaks->step(0.5);
        holds->step(0.5);
        for (const FireEvent& e : breaks->drainEvents())
            if (e.type == FireEventType::GlassBroke) brokeAtS = e.timeS;
    }
    ASSERT_GT(brokeAtS, 0);
    // Through the hatch alone the fire is ventilation-controlled well under its 2 MW.
    FireState starved = breaks->fireState(0);
    EXPECT_LT(starved.hrrKw, 0.8 * starved.requestedHrrKw) << starved.hrrKw << " of " << starved.requestedHrrKw << " kW at " << brokeAtS << " s";
    breaks->step(60.0);
    holds->step(60.0);
    EXPECT_FALSE(holds->openingOpen(1));
    const FireState open = breaks->fireState(0), shut = holds->fireState(0);
    EXPECT_GT(open.hrrKw, 0.9 * open.requestedHrrKw) << open.hrrKw << " of " << open.requestedHrrKw << " kW";
    std::printf("broke at %.1f s: %.0f of %.0f kW; 60 s later %.0f kW (window shut: %.0f kW)\n", brokeAtS, starved.hrrKw, starved.requestedHrrKw, open.hrrKw,
                shut.hrrKw);
    EXPECT_GT(open.hrrKw, 1.5 * shut.hrrKw) << open.hrrKw << " vs " << shut.hrrKw << " kW";
}

TEST(Glazing, TheCaseFileReadsTheBreakingTemperatureAndRejectsWhatCannotBreak) {
    const std::string room = "[[room]]\nid = \"r\"\nsize = [4.0, 4.0, 3.0]\n\n";
    const std::string window = room + "[[opening]]\nfrom = \"r\"\nwidth = 1.2\nheight = 1.5\nsill = 0.9\n";
    auto c = parseFireCase(window + "open = false\nglass_breaks_at_c = 450.0\n", "case.toml");
    ASSERT_TRUE(c) << c.error().str();
    ASSERT_EQ(c->model.openings.size(), 1u);
    EXPECT_DOUBLE_EQ(c->model.openings[0].glassBreaksAtC, 450.0);
    EXPECT_EQ(errorOf(window + "glass_breaks_at_c = 450.0\n"), "case.toml:5: opening.open: glazing that can break starts shut: give open = false");
    EXPECT_EQ(errorOf(window + "open = false\nglass_breaks_at_c = 50.0\n"), "case.toml:5: opening.glass_breaks_at_c: must be between 100 and 1200 C");
    EXPECT_EQ(errorOf(room + "[[opening]]\nfrom = \"r\"\nkind = \"ceiling\"\narea_m2 = 1.0\nopen = false\nglass_breaks_at_c = 450.0\n"),
              "case.toml:5: opening.glass_breaks_at_c: only a wall opening (a window) is glazed");
}
