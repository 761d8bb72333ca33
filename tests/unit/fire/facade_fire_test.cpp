// Flames out of the windows of a flashed-over flat (EN 1991-1-2 Annex B) and what they heat on
// the facade above: the glass of the window of the flat above, and through it, once open, that
// flat's curtains (the "leapfrog" of fire up a facade). Two 5 x 4 x 2.7 m flats, one above the
// other (a 0.3 m slab), each with a 1.8 x 1.5 m float-glass window at 0.9 m sill in the south
// facade; the lower one has a door to outside standing open and a 12 MW fire.
#include <gtest/gtest.h>

#include <cstdio>
#include <string>

#include "fire/fire_case.h"
#include "fire/fire_model.h"

using namespace cd::fire;

namespace {

std::string flats(const std::string& upperWindowCentre) {
    return R"(
[[room]]
id = "flat1"
size = [5.0, 4.0, 2.7]
[[room]]
id = "flat2"
origin = [0.0, 0.0, 3.0]
size = [5.0, 4.0, 2.7]
[[opening]]
id = "door1"
from = "flat1"
width = 0.9
height = 2.0
[[opening]]
id = "win1"
from = "flat1"
width = 1.8
height = 1.5
sill = 0.9
plan_center = [2.5, 0.0]
open = false
glazing = "float"
[[opening]]
id = "win2"
from = "flat2"
width = 1.8
height = 1.5
sill = 0.9
plan_center = )" + upperWindowCentre + R"(
open = false
glazing = "float"
[[opening]]
id = "vent2"
from = "flat2"
width = 0.1
height = 2.0
[[fire]]
room = "flat1"
position = [2.5, 2.0, 0.0]
growth = "fast"
peak_hrr_kw = 12000.0
fuel_mass_kg = 800.0
[[item]]
id = "curtain2"
room = "flat2"
position = [2.5, 0.4, 4.5]
critical_flux_kw_m2 = 5.0
flux_time_product_kj_m2 = 200.0
growth = "fast"
peak_hrr_kw = 300.0
)";
}

struct Facade {
    double flashoverS = -1, flamesS = -1, upperCrackedS = -1, upperOutS = -1, upperOutC = 0, curtainS = -1;
    double fluxBeforeKwM2 = 0, fluxAfterKwM2 = 0;  // at the curtain, from the flames outside
};

Facade burn(const std::string& upperWindowCentre, double untilS = 900.0) {
    auto c = parseFireCase(flats(upperWindowCentre), "flats.toml");
    EXPECT_TRUE(c) << c.error().str();
    Facade out;
    if (!c) return out;
    auto m = FireModel::create(c->model);
    EXPECT_TRUE(m) << m.error().str();
    if (!m) return out;
    const int win1 = m->openingIndex("win1"), win2 = m->openingIndex("win2");
    const Point3 curtain{2.5, 0.4, 4.5};
    while (m->timeS() < untilS) {
        m->step(0.5);
        for (const FireEvent& e : m->drainEvents()) {
            if (e.type == FireEventType::Flashover && e.room == 0) out.flashoverS = e.timeS;
            if (e.type == FireEventType::ExternalFlames && e.device == win1) out.flamesS = e.timeS;
            if (e.type == FireEventType::GlassCracked && e.device == win2 && out.upperCrackedS < 0) out.upperCrackedS = e.timeS;
            if (e.type == FireEventType::GlassBroke && e.device == win2) out.upperOutS = e.timeS, out.upperOutC = e.value;
            if (e.type == FireEventType::ItemIgnited) out.curtainS = e.timeS;
        }
        const double flux = m->jetFlameFluxKwM2(1, curtain);
        if (out.upperOutS < 0) out.fluxBeforeKwM2 = std::max(out.fluxBeforeKwM2, flux);
        else out.fluxAfterKwM2 = std::max(out.fluxAfterKwM2, flux);
    }
    return out;
}

}  // namespace

TEST(FacadeFire, FlamesOutOfTheFlatBreakTheWindowAboveAndCatchItsCurtains) {
    const Facade f = burn("[2.5, 0.0]");
    std::printf("flashover %.1f s, flames out of win1 %.1f s; win2 cracked %.1f s, out %.1f s (%.0f C outside); curtain %.1f s "
                "(flux %.1f kW/m2 through the window)\n",
                f.flashoverS, f.flamesS, f.upperCrackedS, f.upperOutS, f.upperOutC, f.curtainS, f.fluxAfterKwM2);
    ASSERT_GT(f.flashoverS, 0);
    ASSERT_GT(f.flamesS, 0);
    EXPECT_GE(f.flamesS, f.flashoverS);  // Annex B's flames belong to a fully developed fire
    ASSERT_GT(f.upperCrackedS, f.flamesS);
    ASSERT_GT(f.upperOutS, 0);
    EXPECT_GE(f.upperOutC, kSingleGlazingFalloutC);  // the flame's temperature at the pane
    EXPECT_EQ(f.fluxBeforeKwM2, 0.0);                // the glass kept the flame's heat out of the room
    EXPECT_GT(f.fluxAfterKwM2, 5.0);
    ASSERT_GT(f.curtainS, f.upperOutS);
}

// The same fire with the upper window in the flat's east facade, or further along the south one
// (its left edge 0.2 m past the lower window's right), is out of the flames' reach.
TEST(FacadeFire, AWindowOffTheFlamesPathIsNotHeated) {
    for (const char* centre : {"[5.0, 2.0]", "[4.5, 0.0]"}) {
        const Facade f = burn(centre, 700.0);
        EXPECT_GT(f.flamesS, 0) << centre;
        EXPECT_LT(f.upperCrackedS, 0) << centre << ": cracked at " << f.upperCrackedS;
        EXPECT_LT(f.curtainS, 0) << centre;
    }
}
