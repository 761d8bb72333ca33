// The Assimp importer against the glTF 2 files that ship with Debian's assimp-testmodels
// (/usr/share/assimp/models/glTF2). Expected counts are read independently from the
// files' own JSON (accessor counts of the primitives the scene's nodes reference).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "assets/model.h"
#include "gltf_json.h"

namespace {

using namespace cd::test;
namespace fs = std::filesystem;
const std::string kModels = "/usr/share/assimp/models/glTF2/";

bool haveModels() { return fs::exists(kModels + "BoxTextured-glTF/BoxTextured.gltf"); }

class ModelLoaderTest : public ::testing::Test {
protected:
    void SetUp() override {
        if (!haveModels()) GTEST_SKIP() << "assimp-testmodels not installed at " << kModels;
    }
};

TEST_F(ModelLoaderTest, TexturedBoxHasTwelveTrianglesAndUnitBounds) {
    const std::string path = kModels + "BoxTextured-glTF/BoxTextured.gltf";
    auto model = cd::assets::loadModel(path);
    ASSERT_TRUE(model.ok()) << model.error().str();
    EXPECT_EQ(model->triangleCount(), 12u);
    EXPECT_EQ(model->triangleCount(), trianglesFromJson(gltfJson(path)));
    EXPECT_EQ(model->meshes.size(), 1u);
    for (int a = 0; a < 3; ++a) {
        EXPECT_NEAR(model->boundsMin[a], -0.5f, 1e-5f);
        EXPECT_NEAR(model->boundsMax[a], 0.5f, 1e-5f);
    }
}

TEST_F(ModelLoaderTest, TexturedBoxMaterialNamesItsTextureBesideTheModel) {
    auto model = cd::assets::loadModel(kModels + "BoxTextured-glTF/BoxTextured.gltf");
    ASSERT_TRUE(model.ok()) << model.error().str();
    const auto& mat = model->materials.at(model->meshes[0].material);
    EXPECT_NE(mat.baseColorTexture.find("CesiumLogoFlat.png"), std::string::npos);
    EXPECT_TRUE(fs::exists(mat.baseColorTexture)) << mat.baseColorTexture;
    EXPECT_NEAR(mat.metallic, 0.0f, 1e-6f);  // the file's pbrMetallicRoughness.metallicFactor
}

TEST_F(ModelLoaderTest, BinaryEngineTriangleCountMatchesItsAccessors) {
    const std::string path = kModels + "2CylinderEngine-glTF-Binary/2CylinderEngine.glb";
    auto model = cd::assets::loadModel(path);
    ASSERT_TRUE(model.ok()) << model.error().str();
    const std::size_t expected = trianglesFromJson(gltfJson(path));
    EXPECT_GT(expected, 100000u);
    EXPECT_EQ(model->triangleCount(), expected);
    EXPECT_GT(model->meshes.size(), 100u);
    EXPECT_GT(model->materials.size(), 10u);
}

TEST_F(ModelLoaderTest, BrokenFilesGiveAnErrorNamingTheFile) {
    // Files Assimp 5.2 rejects (checked one by one); each must fail cleanly, never crash.
    const char* broken[] = {
        "IndexOutOfRange/AllIndicesOutOfRange.gltf", "MissingBin/BoxTextured.gltf",
        "SchemaFailures/sceneWrongType.gltf",        "wrongTypes/badArray.gltf",
        "wrongTypes/badExtension.gltf",              "wrongTypes/badNumber.gltf",
        "wrongTypes/badObject.gltf",                 "wrongTypes/badString.gltf",
        "wrongTypes/badUint.gltf",                   "RecursiveNodes/RecursiveNodes.gltf",
        "TestNoRootNode/NoScene.gltf",               "TestNoRootNode/SceneWithoutNodes.gltf",
        "BoxWithInfinites-glTF-Binary/BoxWithInfinites.glb",
    };
    for (const char* f : broken) {
        const std::string path = kModels + f;
        auto model = cd::assets::loadModel(path);
        ASSERT_FALSE(model.ok()) << f << " loaded but should not";
        EXPECT_EQ(model.error().file, path);
        EXPECT_NE(model.error().str().find(path), std::string::npos);
        EXPECT_FALSE(model.error().message.empty()) << f;
    }
}

TEST_F(ModelLoaderTest, MissingBufferErrorSaysWhichBufferFileIsMissing) {
    auto model = cd::assets::loadModel(kModels + "MissingBin/BoxTextured.gltf");
    ASSERT_FALSE(model.ok());
    EXPECT_NE(model.error().message.find("BoxTextured0.bin"), std::string::npos) << model.error().str();
}

TEST_F(ModelLoaderTest, RepairableFilesLoadWithOnlyValidTriangles) {
    // Assimp drops the out-of-range faces instead of failing: 12 faces in the file, 11 usable.
    auto model = cd::assets::loadModel(kModels + "IndexOutOfRange/IndexOutOfRange.gltf");
    ASSERT_TRUE(model.ok()) << model.error().str();
    EXPECT_EQ(model->triangleCount(), 11u);
    for (const auto& m : model->meshes)
        for (auto i : m.indices) EXPECT_LT(i, m.vertices.size());
    // Vertex arrays of mismatched lengths: Assimp 5.2 loads what is consistent.
    auto arrays = cd::assets::loadModel(kModels + "IncorrectVertexArrays/Cube.gltf");
    ASSERT_TRUE(arrays.ok()) << arrays.error().str();
    EXPECT_GT(arrays->triangleCount(), 0u);
    for (const auto& m : arrays->meshes)
        for (auto i : m.indices) EXPECT_LT(i, m.vertices.size());
}

TEST(ModelLoader, MissingFileIsAnErrorNamingThePath) {
    auto model = cd::assets::loadModel("/nonexistent/dir/district.gltf");
    ASSERT_FALSE(model.ok());
    EXPECT_EQ(model.error().file, "/nonexistent/dir/district.gltf");
    EXPECT_NE(model.error().message.find("not found"), std::string::npos);
}

TEST(ModelLoader, GltfYUpBecomesZUpAndNodeNamesAreKept) {
    // One triangle at glTF (1,2,3), (2,2,3), (1,2,4), under a node that translates by (0,10,0)
    // (glTF up); in CityDrill's frame (x, -z, y) it must sit at z = 12.
    const fs::path dir = fs::temp_directory_path() / "cd_assets_axis_test";
    fs::create_directories(dir);
    const float pos[9] = {1, 2, 3, 2, 2, 3, 1, 2, 4};
    {
        std::ofstream bin(dir / "tri.bin", std::ios::binary);
        bin.write(reinterpret_cast<const char*>(pos), sizeof(pos));
    }
    nlohmann::json j = {
        {"asset", {{"version", "2.0"}}},
        {"scene", 0},
        {"scenes", {{{"nodes", {0}}}}},
        {"nodes", {{{"name", "building.T.storey0.walls"}, {"mesh", 0}, {"translation", {0, 10, 0}}}}},
        {"meshes", {{{"primitives", {{{"attributes", {{"POSITION", 0}}}, {"material", 0}}}}}}},
        {"materials", {{{"name", "brick"}, {"pbrMetallicRoughness", {{"baseColorFactor", {0.6, 0.3, 0.2, 1.0}}, {"metallicFactor", 0.0}, {"roughnessFactor", 0.9}}}}}},
        {"buffers", {{{"uri", "tri.bin"}, {"byteLength", 36}}}},
        {"bufferViews", {{{"buffer", 0}, {"byteLength", 36}}}},
        {"accessors", {{{"bufferView", 0}, {"componentType", 5126}, {"count", 3}, {"type", "VEC3"}, {"min", {1, 2, 3}}, {"max", {2, 2, 4}}}}},
    };
    std::ofstream(dir / "tri.gltf") << j.dump();

    auto model = cd::assets::loadModel((dir / "tri.gltf").string());
    ASSERT_TRUE(model.ok()) << model.error().str();
    ASSERT_EQ(model->meshes.size(), 1u);
    EXPECT_EQ(model->meshes[0].name, "building.T.storey0.walls");
    EXPECT_EQ(model->triangleCount(), 1u);
    EXPECT_NEAR(model->boundsMin.x, 1.0f, 1e-5f);
    EXPECT_NEAR(model->boundsMax.x, 2.0f, 1e-5f);
    EXPECT_NEAR(model->boundsMin.y, -4.0f, 1e-5f);
    EXPECT_NEAR(model->boundsMax.y, -3.0f, 1e-5f);
    EXPECT_NEAR(model->boundsMin.z, 12.0f, 1e-5f);
    EXPECT_NEAR(model->boundsMax.z, 12.0f, 1e-5f);
    const auto& mat = model->materials.at(model->meshes[0].material);
    EXPECT_EQ(mat.name, "brick");
    EXPECT_NEAR(mat.baseColor.r, 0.6f, 1e-5f);
    EXPECT_NEAR(mat.roughness, 0.9f, 1e-5f);
    // The triangle lies in glTF's y = const plane, so its normal is +-Y there and +-Z here.
    EXPECT_NEAR(std::abs(model->meshes[0].vertices[0].normal.z), 1.0f, 1e-4f);
    fs::remove_all(dir);
}

}  // namespace
