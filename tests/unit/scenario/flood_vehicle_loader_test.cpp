// [flood] vehicles ([[flood.vehicle]]) and the crowd's outdoor route (crowd_route).
#include <gtest/gtest.h>

#include <algorithm>

#include "scenario/scenario_loader.h"

using namespace cd::scenario;

namespace {

const char* kBase = R"([scenario]
id = "flood"
title = "Flood"
district = "../assets/districts/x.json"
duration_s = 120
assembly_point = "field"
instructions = ["Walk to the field."]

[trainee]
role = "student"
start_position = [10.0, 10.0, 0.0]

[rubric]
id = "r"
[[rubric.criterion]]
id = "out"
kind = "reach_assembly"
description = "Reach the assembly point"
points = 50
target_s = 90
limit_s = 120

[flood]
dem = "dem.asc"
)";

std::string join(const std::vector<cd::Error>& errors) {
    std::string s;
    for (const auto& e : errors) s += e.str() + "\n";
    return s;
}

long lineOf(const std::string& text, const std::string& what) {
    auto p = text.find(what);
    return p == std::string::npos ? -1 : 1 + std::count(text.begin(), text.begin() + static_cast<long>(p), '\n');
}

}  // namespace

TEST(ScenarioLoaderFloodVehicles, VehiclesAndTheCrowdRouteAreReadInOrder) {
    const std::string text = std::string(kBase) + R"(crowd_route = [[128.0, 140.0], [160.0, 112.0]]
[[flood.inflow]]
segment = [[0, 10], [100, 12]]
hydrograph = [[0, 0], [30, 80]]
[[flood.vehicle]]
id = "car.staff1"
position = [80.0, 130.0]
kind = "small_car"
[[flood.vehicle]]
id = "car.head"
position = [128.5, 126.0]
kind = "4wd"
)";
    auto load = parseScenario(text, "s.toml");
    ASSERT_TRUE(load.errors.empty()) << join(load.errors);
    ASSERT_TRUE(load.def.flood.has_value());
    const FloodDef& f = *load.def.flood;
    ASSERT_EQ(f.vehicles.size(), 2u);
    EXPECT_EQ(f.vehicles[0].id, "car.staff1");
    EXPECT_EQ(f.vehicles[0].kind, "small_car");
    EXPECT_DOUBLE_EQ(f.vehicles[1].x, 128.5);
    EXPECT_DOUBLE_EQ(f.vehicles[1].y, 126.0);
    EXPECT_EQ(f.vehicles[1].kind, "4wd");
    EXPECT_EQ(f.vehicles[1].source.line, lineOf(text, "[[flood.vehicle]]\nid = \"car.head\""));
    EXPECT_EQ(f.vehicles[1].source.field, "flood.vehicle[1]");
    EXPECT_EQ(f.crowdRouteXM, (std::vector<double>{128.0, 160.0}));
    EXPECT_EQ(f.crowdRouteYM, (std::vector<double>{140.0, 112.0}));
    EXPECT_EQ(f.crowdRouteLine, lineOf(text, "crowd_route"));
}

TEST(ScenarioLoaderFloodVehicles, AFloodWithoutVehiclesOrRouteHasNone) {
    auto load = parseScenario(std::string(kBase) + "[[flood.inflow]]\nsegment = [[0, 1], [2, 3]]\nhydrograph = [[0, 1]]\n", "s.toml");
    ASSERT_TRUE(load.errors.empty()) << join(load.errors);
    EXPECT_TRUE(load.def.flood->vehicles.empty());
    EXPECT_TRUE(load.def.flood->crowdRouteXM.empty());
}

TEST(ScenarioLoaderFloodVehicles, BadVehicleFieldsNameFileLineAndField) {
    const std::string text = std::string(kBase) + R"(crowd_route = [[1.0, 2.0, 3.0]]
[[flood.inflow]]
segment = [[0, 10], [100, 12]]
hydrograph = [[0, 0], [30, 80]]
[[flood.vehicle]]
id = "bus"
position = [80.0, 130.0]
kind = "bus"
[[flood.vehicle]]
id = "bus"
position = [80.0]
kind = "4wd"
[[flood.vehicle]]
position = [1.0, 2.0]
kind = "large_car"
colour = "red"
)";
    auto load = parseScenario(text, "s.toml");
    const std::string all = join(load.errors);
    auto at = [&](const std::string& what, long offset, const std::string& field) {
        return "s.toml:" + std::to_string(lineOf(text, what) + offset) + ": " + field;
    };
    EXPECT_NE(all.find(at("crowd_route", 0, "flood.crowd_route: expected an array")), std::string::npos) << all;
    EXPECT_NE(all.find(at("kind = \"bus\"", 0, "flood.vehicle[0].kind: expected \"small_car\"")), std::string::npos) << all;
    EXPECT_NE(all.find(at("position = [80.0]", -1, "flood.vehicle[1].id: duplicate vehicle id 'bus'")), std::string::npos) << all;
    EXPECT_NE(all.find(at("position = [80.0]", 0, "flood.vehicle[1].position: expected an array of 2 numbers")), std::string::npos) << all;
    EXPECT_NE(all.find("flood.vehicle[2].id: missing"), std::string::npos) << all;
    EXPECT_NE(all.find(at("colour", 0, "flood.vehicle[2].colour: unknown key")), std::string::npos) << all;
}
