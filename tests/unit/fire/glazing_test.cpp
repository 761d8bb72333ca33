// Glazed windows (OpeningDef::glassBreaksAtC): shut until the hot layer breaks the glass out,
// then open for good, and the fire that was starved of air through the doorway gets it.
#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include "fire/fire_case.h"
#include "fire/fire_model.h"
#include "fire/window_glass.h"

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

namespace {

struct GlassEvents {
    std::vector<double> crackS, crackRiseK;
    std::vector<int> crackRoom;
    double outS = -1, outLayerC = 0;
    int outRoom = -1;
};

GlassEvents burnUntilOut(FireModel& m, int window, double untilS = 900.0) {
    GlassEvents g;
    while (m.timeS() < untilS && g.outS < 0) {
        m.step(0.5);
        for (const FireEvent& e : m.drainEvents()) {
            if (e.device != window) continue;
            if (e.type == FireEventType::GlassCracked) g.crackS.push_back(e.timeS), g.crackRiseK.push_back(e.value), g.crackRoom.push_back(e.room);
            if (e.type == FireEventType::GlassBroke) g.outS = e.timeS, g.outLayerC = e.value, g.outRoom = e.room;
        }
    }
    return g;
}

FireModelDef withGlazing(GlassKind kind, int panes = 1) {
    FireModelDef def = roomWithWindow(0);
    def.openings[1].glazing.kind = kind;
    def.openings[1].glazing.panes = panes;
    return def;
}

}  // namespace

// Float glass heated through: the pane cracks at Pagni & Joshi's rise (71.4 K for EN 572-1's
// 45 MPa) long before it falls out, which it does at the room-gas temperature as before.
TEST(Glazing, FloatGlassCracksAtItsBreakingRiseThenFallsOutAtTheFallOutTemperature) {
    auto m = FireModel::create(withGlazing(GlassKind::Float));
    ASSERT_TRUE(m) << m.error().str();
    const GlassEvents g = burnUntilOut(*m, 1);
    ASSERT_EQ(g.crackS.size(), 1u);
    ASSERT_GT(g.outS, 0);
    std::printf("float: cracked at %.1f s (%.1f K over the edge), out at %.1f s (%.0f C)\n", g.crackS[0], g.crackRiseK[0], g.outS,
                g.outLayerC);
    const double rise = glassBreakingRiseK(kFloatGlassStrengthMPa);
    EXPECT_GE(g.crackRiseK[0], rise);
    EXPECT_LT(g.crackRiseK[0], rise + 2.0);  // one 0.5 s step of a pane heating at < 4 K/s
    EXPECT_EQ(g.crackRoom[0], 0);
    EXPECT_LT(g.crackS[0], g.outS - 60.0);
    EXPECT_GE(g.outLayerC, kSingleGlazingFalloutC);
    EXPECT_LT(g.outLayerC, kSingleGlazingFalloutC + 60.0);
    EXPECT_TRUE(m->openingOpen(1));
    // The same window under the room-gas criterion alone falls out at the same moment: float glass
    // has cracked well before the layer reaches 450 C.
    auto plain = FireModel::create(roomWithWindow(kSingleGlazingFalloutC));
    ASSERT_TRUE(plain);
    const GlassEvents p = burnUntilOut(*plain, 1);
    EXPECT_TRUE(p.crackS.empty());
    EXPECT_NEAR(p.outS, g.outS, 0.51);
}

// Toughened glass (EN 12150-1, 120 MPa: 190 K) falls out whole as it breaks, hotter than float
// glass cracks. Double float glazing cracks its inner pane, then its outer one, and opens when
// both are out, no sooner than one pane.
TEST(Glazing, ToughenedGlassFallsOutAsItBreaksAndDoubleGlazingCracksPaneByPane) {
    auto floatGlass = FireModel::create(withGlazing(GlassKind::Float));
    auto toughened = FireModel::create(withGlazing(GlassKind::Toughened));
    auto twoPanes = FireModel::create(withGlazing(GlassKind::Float, 2));
    ASSERT_TRUE(floatGlass && toughened && twoPanes);
    const GlassEvents f = burnUntilOut(*floatGlass, 1), t = burnUntilOut(*toughened, 1), d = burnUntilOut(*twoPanes, 1);
    ASSERT_EQ(t.crackS.size(), 1u);
    ASSERT_EQ(d.crackS.size(), 2u);
    ASSERT_GT(t.outS, 0);
    ASSERT_GT(d.outS, 0);
    std::printf("toughened: out at %.1f s (%.0f C, %.1f K); double float: cracked %.1f s and %.1f s, out %.1f s\n", t.outS, t.outLayerC,
                t.crackRiseK[0], d.crackS[0], d.crackS[1], d.outS);
    EXPECT_EQ(t.crackS[0], t.outS);
    EXPECT_GE(t.crackRiseK[0], glassBreakingRiseK(kToughenedGlassStrengthMPa));
    EXPECT_GT(t.outS, f.crackS[0] + 60.0);
    EXPECT_GT(d.crackS[1], d.crackS[0] + 60.0);
    EXPECT_GE(d.outS, f.outS);
}

// A window opened by hand has its sash swung into the room: its glass stands in the room's gas on
// both faces, cracks and falls out there, and the window, its glass gone, cannot be shut again.
TEST(Glazing, TheGlassOfAWindowStandingOpenIsHeatedInTheRoomAndOnceOutTheWindowCannotShut) {
    FireModelDef def = withGlazing(GlassKind::Float);
    def.openings[1].openAtS = 1.0;  // opened a second in (glazing starts shut)
    auto open = FireModel::create(def);
    ASSERT_TRUE(open) << open.error().str();
    const GlassEvents g = burnUntilOut(*open, 1, 1200.0);
    ASSERT_EQ(g.crackS.size(), 1u);
    ASSERT_GT(g.outS, 0) << "the sash's glass in a 2 MW fire's room";
    EXPECT_EQ(g.crackRoom[0], 0);
    EXPECT_EQ(g.outRoom, 0);
    std::printf("open sash: cracked at %.1f s, out at %.1f s (%.0f C)\n", g.crackS[0], g.outS, g.outLayerC);
    open->setOpeningOpen(1, false);
    EXPECT_TRUE(open->openingOpen(1)) << "no glass left to shut";
    // Shut before the glass went, the window shuts.
    auto shut = FireModel::create(def);
    ASSERT_TRUE(shut);
    while (shut->timeS() < 2.0) shut->step(0.5);
    ASSERT_TRUE(shut->openingOpen(1));
    shut->setOpeningOpen(1, false);
    EXPECT_FALSE(shut->openingOpen(1));
}

// The glass is heated from whichever side is hot: a fire in the next room cracks the glazed
// partition between them, and a fire beside a placed window cracks it sooner by its flames.
TEST(Glazing, TheFireOnTheOtherSideAndAFireBesideTheWindowHeatTheGlass) {
    FireModelDef def = withGlazing(GlassKind::Float);
    RoomDef hall;
    hall.id = "hall";
    hall.originM = {0, 5, 0};
    hall.sizeM = {5, 5, 2.7};
    def.rooms.push_back(hall);
    def.openings[1].roomB = "hall";  // the window now looks into the hall: the fire is on side A
    std::swap(def.openings[1].roomA, def.openings[1].roomB);  // ...and now on side B
    auto m = FireModel::create(def);
    ASSERT_TRUE(m) << m.error().str();
    const GlassEvents g = burnUntilOut(*m, 1, 600.0);
    ASSERT_FALSE(g.crackS.empty());
    EXPECT_EQ(g.crackRoom[0], 0);  // the burning room, on the window's B side
    std::printf("partition cracked at %.1f s from the far side\n", g.crackS[0]);

    auto crackAt = [](double fireX) {
        FireModelDef d = withGlazing(GlassKind::Float);
        d.openings[1].placed = true;
        d.openings[1].centerXM = 2.5;
        d.openings[1].centerYM = 0.0;
        d.fires[0].positionM = {2.5, fireX, 0};
        auto fm = FireModel::create(d);
        EXPECT_TRUE(fm);
        const GlassEvents e = burnUntilOut(*fm, 1, 600.0);
        return e.crackS.empty() ? -1.0 : e.crackS[0];
    };
    const double near = crackAt(0.6), far = crackAt(4.4);
    std::printf("fire 0.6 m from the window: cracked at %.1f s; 4.4 m: %.1f s\n", near, far);
    ASSERT_GT(near, 0);
    EXPECT_LT(near, far - 10.0);
}

TEST(Glazing, TheCaseFileReadsTheGlazingAndRejectsWhatCannotBe) {
    const std::string room = "[[room]]\nid = \"r\"\nsize = [4.0, 4.0, 3.0]\n\n";
    const std::string window = room + "[[opening]]\nfrom = \"r\"\nwidth = 1.2\nheight = 1.5\nsill = 0.9\nopen = false\n";
    auto c = parseFireCase(window + "glazing = \"float\"\npanes = 2\nglass_thickness_mm = 6\nglass_gap_mm = 16\nglass_breaking_stress_mpa = 60\n",
                           "case.toml");
    ASSERT_TRUE(c) << c.error().str();
    const GlazingDef& g = c->model.openings[0].glazing;
    EXPECT_EQ(g.kind, GlassKind::Float);
    EXPECT_EQ(g.panes, 2);
    EXPECT_DOUBLE_EQ(g.thicknessM, 0.006);
    EXPECT_DOUBLE_EQ(g.gapM, 0.016);
    EXPECT_DOUBLE_EQ(g.breakingStressMPa, 60.0);
    EXPECT_EQ(errorOf(window + "glazing = \"wired\"\n"), "case.toml:11: opening.glazing: must be float or toughened");
    EXPECT_EQ(errorOf(window + "panes = 2\n"), "case.toml:11: opening.panes: describes heated glass: give glazing = \"float\" or \"toughened\" too");
    EXPECT_EQ(errorOf(window + "glazing = \"float\"\npanes = 3\n"), "case.toml:12: opening.panes: must be 1 or 2");
    EXPECT_EQ(errorOf(window + "glazing = \"float\"\nglass_gap_mm = 12\n"), "case.toml:12: opening.glass_gap_mm: only for double glazing (panes = 2)");
    EXPECT_EQ(errorOf(window + "glazing = \"float\"\nglass_thickness_mm = 40\n"), "case.toml:5: opening.glass_thickness_mm: must be from 2 to 25 mm");
    EXPECT_EQ(errorOf(window + "glazing = \"float\"\nglass_breaking_stress_mpa = 1000\n"),
              "case.toml:5: opening.glass_breaking_stress_mpa: must be from 10 to 400 MPa");
    EXPECT_EQ(errorOf(window + "glazing = \"toughened\"\nglass_breaks_at_c = 450.0\n"),
              "case.toml:5: opening.glass_breaks_at_c: toughened glass falls out as it breaks; a fall-out temperature is for float glass");
    EXPECT_EQ(errorOf(room + "[[opening]]\nfrom = \"r\"\nwidth = 1.2\nheight = 1.5\nglazing = \"float\"\n"),
              "case.toml:5: opening.open: glazing that can break starts shut: give open = false");
}
