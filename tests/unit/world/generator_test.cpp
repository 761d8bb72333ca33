// district_gen is deterministic: the same seed writes the same bytes (and the committed
// sample matches a fresh run), a different seed gives a different campus.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <unistd.h>

#include "core/files.h"
#include "world/district.h"

namespace {

namespace fs = std::filesystem;

std::string env(const char* name, const char* fallback) {
    const char* v = std::getenv(name);
    return v ? v : fallback;
}

std::string readBytes(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

const char* kFiles[] = {"school_campus.gltf", "school_campus.bin", "school_campus.json", "school_campus_dem.asc",
                        "school_campus_dem_buildings.asc", "plan_storey0.png"};

class DistrictGenerator : public ::testing::Test {
protected:
    void SetUp() override {
        // Tests are built into the same bin/ folder as the tools; CITYDRILL_BIN_DIR wins when set.
        const std::string ownDir = fs::read_symlink("/proc/self/exe").parent_path().string();
        exe_ = cd::joinPath(env("CITYDRILL_BIN_DIR", ownDir.c_str()), "district_gen");
        if (!fs::exists(exe_)) GTEST_SKIP() << "district_gen not built at " << exe_;
        // ctest runs each case in its own process, side by side: the process id keeps their
        // folders apart (gtest's random seed comes from the clock and two cases started together
        // shared one, so one case's SetUp removed the other's output).
        root_ = fs::temp_directory_path() / ("cd_district_gen_" + std::to_string(::getpid()));
        fs::remove_all(root_);
    }
    void TearDown() override { fs::remove_all(root_); }
    fs::path run(int seed, const std::string& name) {
        const fs::path out = root_ / name;
        const std::string cmd = "\"" + exe_ + "\" --seed " + std::to_string(seed) + " --out \"" + out.string() + "\" --plan \"" +
                                (out / "plan_storey0.png").string() + "\" > /dev/null";
        EXPECT_EQ(std::system(cmd.c_str()), 0) << cmd;
        return out;
    }
    std::string exe_;
    fs::path root_;
};

TEST_F(DistrictGenerator, SameSeedWritesIdenticalBytes) {
    const fs::path a = run(7, "a"), b = run(7, "b");
    for (const char* f : kFiles) {
        const std::string x = readBytes(a / f), y = readBytes(b / f);
        EXPECT_FALSE(x.empty()) << f;
        EXPECT_TRUE(x == y) << f << " differs between two runs with seed 7";
    }
}

TEST_F(DistrictGenerator, CommittedSampleIsWhatSeedSevenGenerates) {
    const fs::path fresh = run(7, "fresh");
    const fs::path committed = fs::path(env("CITYDRILL_SOURCE_DIR", ".")) / "assets/districts/school_campus";
    for (const char* f : kFiles)
        EXPECT_TRUE(readBytes(fresh / f) == readBytes(committed / f))
            << f << " is stale: regenerate with build/bin/district_gen --seed 7 --out assets/districts/school_campus --plan "
                    "assets/districts/school_campus/plan_storey0.png";
}

TEST_F(DistrictGenerator, DifferentSeedGivesADifferentValidLayout) {
    const fs::path a = run(7, "s7"), b = run(8, "s8");
    auto da = cd::world::loadDistrict((a / "school_campus.json").string());
    auto db = cd::world::loadDistrict((b / "school_campus.json").string());
    ASSERT_TRUE(da.ok()) << da.error().str();
    ASSERT_TRUE(db.ok()) << db.error().str();
    bool differ = da->buildings.size() != db->buildings.size() || da->rooms.size() != db->rooms.size();
    for (std::size_t i = 0; !differ && i < da->buildings.size(); ++i)
        differ = da->buildings[i].box.min != db->buildings[i].box.min || da->buildings[i].storeys != db->buildings[i].storeys;
    EXPECT_TRUE(differ) << "seeds 7 and 8 produced the same buildings";
    EXPECT_NE(readBytes(a / "school_campus_dem.asc"), readBytes(b / "school_campus_dem.asc"));
}

TEST_F(DistrictGenerator, BadArgumentsExitWithOneAndAMessage) {
    EXPECT_NE(std::system(("\"" + exe_ + "\" --seed x --out /tmp/never 2>/dev/null").c_str()), 0);
    EXPECT_NE(std::system(("\"" + exe_ + "\" --out /tmp/never 2>/dev/null").c_str()), 0);
}

}  // namespace
