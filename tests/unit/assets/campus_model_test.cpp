// The generated campus model through the Assimp importer: what district_gen wrote (glTF,
// Y up) comes back in CityDrill's frame (Z up) on top of the manifest's terrain.
#include <gtest/gtest.h>

#include <cstdlib>
#include <limits>
#include <map>

#include "assets/model.h"
#include "core/files.h"
#include "gltf_json.h"
#include "world/district.h"

namespace {

using namespace cd::test;

class CampusModel : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        const char* s = std::getenv("CITYDRILL_SOURCE_DIR");
        dir_ = cd::joinPath(s ? s : ".", "assets/districts/school_campus");
        auto m = cd::assets::loadModel(cd::joinPath(dir_, "school_campus.gltf"));
        auto d = cd::world::loadDistrict(cd::joinPath(dir_, "school_campus.json"));
        if (m.ok()) model_ = new cd::assets::Model(std::move(*m));
        else error_ = m.error().str();
        if (d.ok()) district_ = new cd::world::District(std::move(*d));
        else error_ = d.error().str();
    }
    static void TearDownTestSuite() {
        delete model_;
        delete district_;
    }
    void SetUp() override {
        ASSERT_NE(model_, nullptr) << error_;
        ASSERT_NE(district_, nullptr) << error_;
    }
    static const cd::assets::Mesh* mesh(const std::string& name) {
        for (const auto& m : model_->meshes)
            if (m.name == name) return &m;
        return nullptr;
    }
    static inline std::string dir_, error_;
    static inline cd::assets::Model* model_ = nullptr;
    static inline cd::world::District* district_ = nullptr;
};

TEST_F(CampusModel, TriangleCountMatchesTheGltfAccessorsAndStaysWithinBudget) {
    const std::size_t expected = trianglesFromJson(gltfJson(cd::joinPath(dir_, "school_campus.gltf")));
    EXPECT_EQ(model_->triangleCount(), expected);
    EXPECT_LT(model_->triangleCount(), 300000u);
}

TEST_F(CampusModel, PartsAreNamedAfterTheDistrict) {
    EXPECT_NE(mesh("terrain"), nullptr);
    EXPECT_NE(mesh("water.stream"), nullptr);
    EXPECT_NE(mesh("road"), nullptr);
    EXPECT_NE(mesh("fence"), nullptr);
    EXPECT_NE(mesh("tree.0"), nullptr);
    for (const auto& b : district_->buildings) {
        EXPECT_NE(mesh("building." + b.id + ".roof"), nullptr) << b.id;
        for (int s = 0; s < b.storeys; ++s) {
            EXPECT_NE(mesh("building." + b.id + ".storey" + std::to_string(s) + ".walls"), nullptr) << b.id << s;
            EXPECT_NE(mesh("building." + b.id + ".storey" + std::to_string(s) + ".windows"), nullptr) << b.id << s;
            EXPECT_NE(mesh("building." + b.id + ".storey" + std::to_string(s) + ".floor"), nullptr) << b.id << s;
        }
    }
}

TEST_F(CampusModel, BoundsAreTheCampusSquareWithZUp) {
    EXPECT_NEAR(model_->boundsMin.x, 0.0f, 0.01f);
    EXPECT_NEAR(model_->boundsMax.x, 300.0f, 0.01f);
    EXPECT_NEAR(model_->boundsMin.y, 0.0f, 0.01f);  // glTF -z back to +y
    EXPECT_NEAR(model_->boundsMax.y, 300.0f, 0.01f);
    float tallest = 0;
    for (const auto& b : district_->buildings) tallest = std::max(tallest, b.box.max.z);
    EXPECT_NEAR(model_->boundsMax.z, tallest, 0.5f);  // the highest roof (trees are lower)
    EXPECT_GT(model_->boundsMin.z, 4.0f);              // the stream bed
}

TEST_F(CampusModel, TerrainVerticesLieOnTheManifestTerrain) {
    const auto* t = mesh("terrain");
    ASSERT_NE(t, nullptr);
    for (std::size_t i = 0; i < t->vertices.size(); i += 97) {
        const glm::vec3 p = t->vertices[i].position;
        EXPECT_NEAR(p.z, district_->terrain.heightAt(p.x, p.y), 1e-3f) << p.x << "," << p.y;
        EXPECT_GT(t->vertices[i].normal.z, 0.5f);  // gentle slopes, normals up
    }
}

TEST_F(CampusModel, WallsOfEveryStoreyStayInsideTheirBuildingAndStorey) {
    for (const auto& b : district_->buildings) {
        for (int s = 0; s < b.storeys; ++s) {
            const auto* w = mesh("building." + b.id + ".storey" + std::to_string(s) + ".walls");
            ASSERT_NE(w, nullptr);
            const float floorZ = b.box.min.z + 0.2f + float(s) * b.storeyHeightM;
            for (const auto& v : w->vertices) {
                ASSERT_GE(v.position.x, b.box.min.x - 1e-3f);
                ASSERT_LE(v.position.x, b.box.max.x + 1e-3f);
                ASSERT_GE(v.position.y, b.box.min.y - 1e-3f);
                ASSERT_LE(v.position.y, b.box.max.y + 1e-3f);
                ASSERT_GE(v.position.z, floorZ - 0.21f);
                ASSERT_LE(v.position.z, floorZ + b.storeyHeightM + 1e-3f);
            }
        }
    }
}

TEST_F(CampusModel, MaterialsCarryTheirColoursAndGlassIsTransparent) {
    std::map<std::string, cd::assets::Material> byName;
    for (const auto& m : model_->materials) byName[m.name] = m;
    ASSERT_TRUE(byName.count("glass"));
    ASSERT_TRUE(byName.count("brick"));
    ASSERT_TRUE(byName.count("water"));
    EXPECT_LT(byName["glass"].baseColor.a, 0.5f);
    EXPECT_LT(byName["water"].baseColor.a, 1.0f);
    EXPECT_GT(byName["brick"].baseColor.r, byName["brick"].baseColor.b * 2.0f);  // red-brown
    EXPECT_NEAR(byName["fence_metal"].metallic, 0.6f, 1e-4f);
}

}  // namespace
