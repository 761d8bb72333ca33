#include <gtest/gtest.h>

#include <string>

#include "crowd/crowd_case.h"

namespace cd::crowd {
namespace {

const char* kRoom = R"([settings]
seed = 3

[[area]]
id = "room"
polygon = [[0.0, 0.0], [8.0, 0.0], [8.0, 5.0], [0.0, 5.0]]

[[area]]
id = "hall"
polygon = [[8.0, 0.0], [20.0, 0.0], [20.0, 5.0], [8.0, 5.0]]

[[obstacle]]
polygon = [[3.0, 2.0], [4.0, 2.0], [4.0, 3.0], [3.0, 3.0]]

[[door]]
id = "d1"
from = "room"
to = "hall"
segment = [[8.0, 2.0], [8.0, 3.0]]

[[door]]
id = "exit"
from = "hall"
to = "safe"
segment = [[20.0, 1.0], [20.0, 3.0]]
)";

std::string withGroup(const std::string& group) { return std::string(kRoom) + "\n" + group; }

TEST(CrowdCase, AValidCaseParsesAndEverybodyGetsOut) {
    auto c = parseCrowdCase(withGroup(R"([[group]]
id = "adults"
count = 10
area = "room"
speed_mps = [1.2, 1.4]
premovement_s = [0.0, 5.0]
)"),
                            "case.toml");
    ASSERT_TRUE(c.ok()) << c.error().str();
    EXPECT_EQ(c->building.areas.size(), 2u);
    auto sim = buildCrowdSim(*c);
    ASSERT_TRUE(sim.ok()) << sim.error().str();
    (*sim)->runUntil(120.0);
    EXPECT_EQ((*sim)->evacuatedCount(), 10);
}

TEST(CrowdCase, ASelfIntersectingPolygonIsRejectedWithItsLine) {
    const std::string text = R"([[area]]
id = "bow"
polygon = [[0.0, 0.0], [1.0, 1.0], [1.0, 0.0], [0.0, 1.0]]
)";
    auto c = parseCrowdCase(text, "bad.toml");
    ASSERT_FALSE(c.ok());
    EXPECT_EQ(c.error().str(), "bad.toml:3: polygon: area 'bow' polygon is self-intersecting");
}

// Found by scripts/fuzz: a vertex at 1e9 m made the route grids ask for petabytes (bad_alloc).
TEST(CrowdCase, AnAreaKilometresAcrossIsRejectedAtItsPolygonNotAllocated) {
    std::string text = kRoom;
    text.replace(text.find("[20.0, 5.0], [8.0, 5.0]"), 23, "[20.0, 1e9], [8.0, 5.0]");
    auto c = parseCrowdCase(text, "bad.toml");
    ASSERT_FALSE(c.ok());
    EXPECT_EQ(c.error().line, 10);
    EXPECT_EQ(c.error().field, "polygon");
    EXPECT_NE(c.error().message.find("span 20 m by 1e+09 m over 1 levels"), std::string::npos) << c.error().str();

    text = kRoom;
    text.replace(text.find("id = \"hall\""), 11, "id = \"hall\"\nlevel = 1e9");
    c = parseCrowdCase(text, "bad.toml");
    ASSERT_FALSE(c.ok());
    EXPECT_EQ(c.error().str(), "bad.toml:10: level: must be within +-200") << c.error().str();
}

TEST(CrowdCase, AnAreaTooBigForItsFloorFieldIsRejectedWhenTheSimIsBuilt) {
    // 600 m square: a plan the grids can hold, but 5.76 million floor-field cells at 0.25 m.
    std::string text = kRoom;
    text.replace(text.find("[[8.0, 0.0], [20.0, 0.0], [20.0, 5.0], [8.0, 5.0]]"), 50,
                 "[[8.0, 0.0], [608.0, 0.0], [608.0, 600.0], [20.0, 600.0], [20.0, 5.0], [8.0, 5.0]]");
    text.replace(text.find("[[20.0, 1.0], [20.0, 3.0]]"), 26, "[[608.0, 1.0], [608.0, 3.0]]");
    auto c = parseCrowdCase(text, "big.toml");
    ASSERT_TRUE(c.ok()) << c.error().str();
    auto sim = buildCrowdSim(*c);
    ASSERT_FALSE(sim.ok());
    EXPECT_EQ(sim.error().line, 10);
    EXPECT_EQ(sim.error().field, "polygon");
    EXPECT_NE(sim.error().message.find("area 'hall' spans 600 m by 600 m: its floor field would have 5.76e+06 cells"),
              std::string::npos)
        << sim.error().str();
}

TEST(CrowdCase, ADoorNotOnASharedEdgeIsRejectedWithItsLine) {
    std::string text = kRoom;
    text.replace(text.find("[[8.0, 2.0], [8.0, 3.0]]"), 24, "[[7.0, 2.0], [7.0, 3.0]]");
    auto c = parseCrowdCase(text, "bad.toml");
    ASSERT_FALSE(c.ok());
    EXPECT_EQ(c.error().line, 19);
    EXPECT_EQ(c.error().field, "segment");
    EXPECT_NE(c.error().message.find("not on an edge"), std::string::npos) << c.error().str();
}

TEST(CrowdCase, MorePeopleThanFitAreRejectedAtTheGroupsCount) {
    auto c = parseCrowdCase(withGroup(R"([[group]]
id = "crowd"
count = 400
area = "room"
)"),
                            "bad.toml");
    ASSERT_TRUE(c.ok()) << c.error().str();
    auto sim = buildCrowdSim(*c);
    ASSERT_FALSE(sim.ok());
    EXPECT_EQ(sim.error().line, 29);
    EXPECT_EQ(sim.error().field, "count");
    EXPECT_NE(sim.error().message.find("more people than fit"), std::string::npos) << sim.error().str();
}

TEST(CrowdCase, ADoorOpenGivenAsANumberIsRejected) {
    std::string text = kRoom;
    text.replace(text.find("segment = [[8.0, 2.0], [8.0, 3.0]]"), 34, "segment = [[8.0, 2.0], [8.0, 3.0]]\nopen = 1");
    auto c = parseCrowdCase(withGroup("[[group]]\nid = \"a\"\ncount = 1\narea = \"room\"\n").replace(0, std::string(kRoom).size(), text), "bad.toml");
    ASSERT_FALSE(c.ok());
    EXPECT_EQ(c.error().field, "open");
    EXPECT_EQ(c.error().line, 20);
}

TEST(CrowdCase, AnUnknownExitIsRejectedNamingTheKnownOnes) {
    auto c = parseCrowdCase(withGroup(R"([[group]]
id = "adults"
count = 3
area = "room"
exit = "d9"
)"),
                            "bad.toml");
    ASSERT_FALSE(c.ok());
    EXPECT_EQ(c.error().str(), "bad.toml:31: exit: unknown exit 'd9' (exits are: exit)");
}

TEST(CrowdCase, ATomlSyntaxErrorNamesItsLine) {
    auto c = parseCrowdCase("[[area]]\nid = \"a\"\npolygon = [[0.0, 0.0]\n", "bad.toml");
    ASSERT_FALSE(c.ok());
    EXPECT_EQ(c.error().file, "bad.toml");
    EXPECT_GE(c.error().line, 3);
}

TEST(CrowdCase, FollowersTakeTheirLeadersExitAndStartWithThem) {
    auto c = parseCrowdCase(withGroup(R"([[group]]
id = "teacher"
positions = [[1.0, 1.0]]
premovement_s = [10.0, 10.0]

[[group]]
id = "class"
count = 12
area = "room"
follows = "teacher"
)"),
                            "case.toml");
    ASSERT_TRUE(c.ok()) << c.error().str();
    auto sim = buildCrowdSim(*c);
    ASSERT_TRUE(sim.ok()) << sim.error().str();
    (*sim)->runUntil(9.0);
    for (const Agent& a : (*sim)->agents()) EXPECT_EQ(a.state, AgentState::Waiting) << "the class waits for the teacher";
    (*sim)->runUntil(200.0);
    EXPECT_EQ((*sim)->evacuatedCount(), 13);
}

}  // namespace
}  // namespace cd::crowd
