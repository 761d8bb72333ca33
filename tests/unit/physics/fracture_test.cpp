#include <gtest/gtest.h>

#include <limits>

#include "physics/structure_def.h"

namespace cd::physics {
namespace {

StructureDef oneWall(std::uint64_t seed) {
    StructureDef s;
    s.name = "wall";
    s.seed = seed;
    s.chunkSizeM = 1.0f;
    MemberDef w;
    w.kind = MemberKind::Wall;
    w.centerM = {2.0f, 0.0f, 1.5f};
    w.halfExtentsM = {2.0f, 0.1f, 1.5f};  // 4 m x 0.2 m x 3 m
    s.members.push_back(w);
    return s;
}

TEST(Fracture, AWallSplitsIntoAGridOfChunksThatKeepsItsVolume) {
    auto f = fractureStructure(oneWall(1));
    ASSERT_TRUE(f.ok()) << f.error().str();
    EXPECT_EQ(f->chunks.size(), 4u * 1u * 3u);
    double volume = 0;
    for (const ChunkDef& c : f->chunks) volume += 8.0 * c.halfExtentsM.x * c.halfExtentsM.y * c.halfExtentsM.z;
    EXPECT_NEAR(volume, 4.0 * 0.2 * 3.0, 1e-4);
    // Grid neighbours: 3 x 3 across x, 4 x 2 across z, and 4 to the ground.
    EXPECT_EQ(f->joints.size(), 9u + 8u + 4u);
    for (const JointDef& j : f->joints) EXPECT_GT(j.capacityN, 0.0f);
}

TEST(Fracture, TheSameSeedGivesTheSameChunksAndAnotherSeedDifferentOnes) {
    auto a = fractureStructure(oneWall(5)).value();
    auto b = fractureStructure(oneWall(5)).value();
    auto c = fractureStructure(oneWall(6)).value();
    ASSERT_EQ(a.chunks.size(), b.chunks.size());
    bool differs = false;
    for (std::size_t i = 0; i < a.chunks.size(); ++i) {
        EXPECT_EQ(a.chunks[i].centerM, b.chunks[i].centerM);
        if (a.chunks[i].centerM != c.chunks[i].centerM) differs = true;
    }
    EXPECT_TRUE(differs);
}

TEST(Fracture, TouchingMembersAreJoinedAcrossTheirSharedFace) {
    StructureDef s;
    s.chunkSizeM = 10.0f;  // one chunk per member
    MemberDef column;
    column.kind = MemberKind::Column;
    column.centerM = {0.0f, 0.0f, 1.5f};
    column.halfExtentsM = {0.2f, 0.2f, 1.5f};
    MemberDef slab;
    slab.kind = MemberKind::Slab;
    slab.centerM = {0.0f, 0.0f, 3.1f};
    slab.halfExtentsM = {2.0f, 2.0f, 0.1f};
    s.members = {column, slab};
    auto f = fractureStructure(s).value();
    ASSERT_EQ(f.chunks.size(), 2u);
    ASSERT_EQ(f.joints.size(), 2u);  // column-slab and column-ground
    EXPECT_EQ(f.joints[0].chunkB, -1);
    EXPECT_NEAR(f.joints[1].areaM2, 0.16f, 1e-5f);
    EXPECT_NEAR(f.joints[1].pointM.z, 3.0f, 1e-5f);
    EXPECT_NEAR(f.joints[1].capacityN, 0.16f * materials::concrete().jointStrengthPa, 1.0f);
}

TEST(Fracture, AStructureWithNoGeometryOrBadMembersIsAnErrorNamingTheField) {
    StructureDef empty;
    empty.source = "school.toml";
    auto e = fractureStructure(empty);
    ASSERT_FALSE(e.ok());
    EXPECT_EQ(e.error().field, "members");
    EXPECT_EQ(e.error().file, "school.toml");
    StructureDef bad = oneWall(1);
    bad.members[0].halfExtentsM.y = 0.0f;
    EXPECT_EQ(fractureStructure(bad).error().field, "members[0].halfExtentsM");
    bad = oneWall(1);
    bad.members[0].material.densityKgM3 = -5.0f;
    EXPECT_EQ(fractureStructure(bad).error().field, "members[0].material.densityKgM3");
    for (float f : {0.0f, -0.5f, 1.5f}) {
        bad = oneWall(1);
        bad.members[0].fireBucklingLengthFactor = f;
        EXPECT_EQ(fractureStructure(bad).error().field, "members[0].fireBucklingLengthFactor") << f;
    }
    bad = oneWall(1);
    bad.buildingHeightM = -3.0f;
    EXPECT_EQ(fractureStructure(bad).error().field, "buildingHeightM");
    bad = oneWall(1);
    bad.buildingHeightM = 20.0f;
    bad.buildingBaseZM = std::numeric_limits<float>::quiet_NaN();
    EXPECT_EQ(fractureStructure(bad).error().field, "buildingBaseZM");
}

// EN 1993-1-2 4.2.3.2(5): a frame braced by its walls, each storey a fire compartment, has its
// columns buckle in fire over 0.5 of their height in the intermediate storeys, 0.7 in the top
// one (and the ground one); an unbraced frame, or a single storey, keeps the whole height.
TEST(FrameBuilding, ItsColumnsBuckleInFireOverTheLengthsOfABracedFrame) {
    FrameBuildingParams p;
    p.storeys = 4;
    auto factors = [](const StructureDef& s) {
        std::vector<float> byStorey(8, -1.0f);
        for (const MemberDef& m : s.members) {
            if (m.kind != MemberKind::Column) continue;
            float& f = byStorey[static_cast<std::size_t>(m.storey)];
            EXPECT_TRUE(f < 0.0f || f == m.fireBucklingLengthFactor) << "storey " << m.storey;
            f = m.fireBucklingLengthFactor;
        }
        return byStorey;
    };
    const std::vector<float> braced = factors(makeFrameBuilding(p));
    EXPECT_EQ(braced[0], 0.7f);
    EXPECT_EQ(braced[1], 0.5f);
    EXPECT_EQ(braced[2], 0.5f);
    EXPECT_EQ(braced[3], 0.7f);
    p.perimeterWalls = false;
    for (int k = 0; k < 4; ++k) EXPECT_EQ(factors(makeFrameBuilding(p))[static_cast<std::size_t>(k)], 1.0f);
    p.perimeterWalls = true;
    p.storeys = 1;
    EXPECT_EQ(factors(makeFrameBuilding(p))[0], 1.0f);
}

TEST(FrameBuilding, TenStoreysAtTheDefaultChunkSizeGiveAboutTwoThousandChunks) {
    FrameBuildingParams p;
    auto f = fractureStructure(makeFrameBuilding(p)).value();
    EXPECT_GE(f.chunks.size(), 1500u);
    EXPECT_LE(f.chunks.size(), 3000u);
}

}  // namespace
}  // namespace cd::physics
