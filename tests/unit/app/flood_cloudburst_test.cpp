// A cloudburst over the campus: rain alone (no river), on the DEM with its buildings as closed
// cells. Runoff gathers in the low ground, so the deepest water is several times the rain that
// fell, and the model keeps account of every cubic metre.
#include <gtest/gtest.h>

#include <cstdio>

#include "campus_district.h"
#include "flood_hazard.h"

using namespace cd;

TEST(FloodCloudburst, RainOnTheCampusRunsOffAndPondsInTheLowGround) {
    scenario::ScenarioDef sc;
    sc.path = "cloudburst.toml";
    scenario::FloodDef f;
    f.demPath = "assets/districts/school_campus/school_campus_dem_buildings.asc";
    f.manningN = 0.035;
    f.cellM = 2.0;
    // 100 mm/h for 10 minutes: a heavy convective cloudburst (a 1-in-100-year hour in much of Europe).
    f.rainTimesS = {0.0, 600.0};
    f.rainMmPerH = {100.0, 100.0};
    f.source = {"cloudburst.toml", 1, "flood"};
    sc.flood = f;
    auto flood = app::FloodHazard::build(sc, testdata::campus());
    ASSERT_TRUE(flood.ok()) << flood.error().str();
    (*flood)->advanceTo(300.0);
    const double fallenM = 0.100 * 300.0 / 3600.0;  // 8.3 mm on every open cell
    std::printf("cloudburst at 300 s: wet %.0f m2, deepest %.3f m (rain fallen %.4f m)\n", (*flood)->wetAreaM2(),
                (*flood)->maxDepthM(), fallenM);
    EXPECT_GT((*flood)->wetAreaM2(), 1000.0);
    EXPECT_GT((*flood)->maxDepthM(), 10.0 * fallenM) << "water gathers where the ground is low";
    // Where it rains on a roof nothing lands (closed cells); on the playground a film, not a pond.
    const auto play = (*flood)->sample(113.0, 100.0);
    EXPECT_LT(play.depthM, 0.05);
}
