#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "crowd/crowd_case.h"

namespace cd::crowd {
namespace {

// Guards route choice against climbing out of a stair jam. Three storeys share one stairwell:
// on the first floor the landing of the (slow, narrow) stair down and the landing of the stair
// up lie side by side. A gate's cost to the exit must be that of LEAVING through it, going on
// from its far side: the stair up leads away, and a route that comes back down meets the same
// queue again. With a per-gate cost that could walk back through the area, people queued at
// the down landing priced the up landing next to it below the queue and climbed a storey
// (seen in the school drill: 6 of 73 pupils, about 40 s lost).
constexpr const char* kStairwell = R"(
[settings]
seed = 7
dt_s = 0.05

[[area]]
id = "ground"
polygon = [[0.0, 0.0], [10.0, 0.0], [10.0, 6.0], [0.0, 6.0]]

[[area]]
id = "first"
level = 1
polygon = [[0.0, 0.0], [10.0, 0.0], [10.0, 6.0], [0.0, 6.0]]

[[area]]
id = "second"
level = 2
polygon = [[0.0, 0.0], [10.0, 0.0], [10.0, 6.0], [0.0, 6.0]]

[[door]]
id = "exit"
from = "ground"
to = "safe"
segment = [[10.0, 2.0], [10.0, 4.0]]

# Down: a narrow stair that lets one person on every ~3 s, so a queue builds on the first floor.
[[stair]]
id = "down"
from = "first"
to = "ground"
length_m = 4.0
max_flow_per_m = 0.3
from_segment = [[0.5, 1.0], [0.5, 2.0]]
to_segment = [[0.5, 1.0], [0.5, 2.0]]

# Up: its landing is right beside the queued one, and it is wide and empty.
[[stair]]
id = "up"
from = "first"
to = "second"
length_m = 4.0
from_segment = [[0.5, 2.4], [0.5, 3.4]]
to_segment = [[0.5, 2.4], [0.5, 3.4]]

[[group]]
id = "floor1"
count = 30
area = "first"
speed_mps = 1.3
premovement_s = [0.0, 2.0]
)";

TEST(CrowdStairRoute, AJamAtTheStairDownSendsNobodyUpAStoreyAndEveryoneGetsOut) {
    auto c = parseCrowdCase(kStairwell, "stairwell.toml");
    ASSERT_TRUE(c.ok()) << c.error().str();
    auto built = buildCrowdSim(*c);
    ASSERT_TRUE(built.ok()) << built.error().str();
    CrowdSim& sim = **built;
    std::vector<int> start;
    for (const Agent& a : sim.agents()) start.push_back(a.level);
    ASSERT_EQ(start.size(), 30u);
    ASSERT_EQ(start[0], 1);
    int highest = -1, climbers = 0;
    std::vector<bool> climbed(start.size(), false);
    while (sim.timeS() < 400.0 && sim.insideCount() > 0) {
        sim.step();
        for (size_t i = 0; i < start.size(); ++i) {
            const int level = sim.agents()[i].level;
            highest = std::max(highest, level);
            if (level > start[i] && !climbed[i]) {
                climbed[i] = true;
                ++climbers;
            }
        }
    }
    EXPECT_EQ(climbers, 0) << "people climbed from the jam; highest level reached " << highest;
    EXPECT_EQ(sim.insideCount(), 0) << "everyone leaves through the stair down within 400 s";
    EXPECT_GT(sim.timeS(), 60.0) << "30 people down a stair that takes one every ~3 s";
}

}  // namespace
}  // namespace cd::crowd
