// `citydrill flood` end to end: the CSV columns of the issue, the max-depth grid, and bad input
// ending with a message naming file/line/field and exit code 1. Skipped when the citydrill
// binary has not been built (CITYDRILL_BIN_DIR).
#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "core/files.h"

namespace {

std::string binDir() {
    const char* d = std::getenv("CITYDRILL_BIN_DIR");
    return d ? d : "";
}

// One folder per test and process: ctest runs the cases of this file in parallel.
std::string tempDir() {
    const std::string dir = ::testing::TempDir() + "flood_cli_" +
                            ::testing::UnitTest::GetInstance()->current_test_info()->name() + "_" +
                            std::to_string(::getpid());
    (void)cd::makeDirectories(dir);
    return dir;
}

void write(const std::string& path, const std::string& text) { ASSERT_TRUE(cd::writeTextFile(path, text).ok()); }

int run(const std::string& args, const std::string& errPath) {
    const std::string cmd = binDir() + "/citydrill flood " + args + " > /dev/null 2> " + errPath;
    const int rc = std::system(cmd.c_str());
    return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

std::string slurp(const std::string& path) {
    auto t = cd::readTextFile(path);
    return t.ok() ? *t : "";
}

class FloodCli : public ::testing::Test {
protected:
    void SetUp() override {
        if (binDir().empty() || !std::ifstream(binDir() + "/citydrill").good()) GTEST_SKIP() << "citydrill not built";
        dir = tempDir();
        std::ostringstream dem;
        dem << "ncols 20\nnrows 10\nxllcorner 500\nyllcorner 100\ncellsize 2\nNODATA_value -9999\n";
        for (int r = 0; r < 10; ++r) {
            for (int c = 0; c < 20; ++c) dem << (c ? " " : "") << ((r == 4 && c == 15) ? "-9999" : "0.0");
            dem << "\n";
        }
        write(dir + "/dem.asc", dem.str());
        write(dir + "/q.csv", "time_s,value\n0,1\n100,1\n");
    }
    // A failing test keeps its folder to look at.
    void TearDown() override {
        if (!dir.empty() && !HasFailure()) std::filesystem::remove_all(dir);
    }
    std::string dir;
};

}  // namespace

TEST_F(FloodCli, WritesGaugeColumnsAndMaxDepth) {
    const std::string args = "--dem " + dir + "/dem.asc --manning 0.03 --inflow " + dir + "/q.csv:501,110 --gauge 501,110 --gauge 520,110 " +
                             "--until 20 --every 5 --csv " + dir + "/out.csv --max-depth " + dir + "/max.asc";
    ASSERT_EQ(run(args, dir + "/err.txt"), 0) << slurp(dir + "/err.txt");
    const std::string csv = slurp(dir + "/out.csv");
    EXPECT_EQ(csv.substr(0, csv.find('\n')),
              "time_s,g1.depth_m,g1.level_m,g1.u_ms,g1.v_ms,g2.depth_m,g2.level_m,g2.u_ms,g2.v_ms");
    int rows = 0;
    for (char c : csv) rows += c == '\n';
    EXPECT_EQ(rows, 1 + 5);  // header, t = 0, 5, 10, 15, 20
    const std::string maxAsc = slurp(dir + "/max.asc");
    EXPECT_NE(maxAsc.find("ncols 20"), std::string::npos);
    EXPECT_NE(maxAsc.find("-9999"), std::string::npos);
}

TEST_F(FloodCli, GaugeOutsideTheGridExitsWithOne) {
    const std::string args = "--dem " + dir + "/dem.asc --manning 0.03 --gauge 9999,9999 --until 1 --every 1 --csv " + dir + "/o.csv";
    EXPECT_EQ(run(args, dir + "/err.txt"), 1);
    EXPECT_NE(slurp(dir + "/err.txt").find("--gauge"), std::string::npos);
}

TEST_F(FloodCli, MoreRowsThanARunCanWriteAreRefused) {
    // 10 s every 1e-300 s: once a run that wrote rows without end.
    const std::string args = "--dem " + dir + "/dem.asc --manning 0.03 --until 10 --every 1e-300 --csv " + dir + "/o.csv";
    EXPECT_EQ(run(args, dir + "/err.txt"), 1);
    EXPECT_NE(slurp(dir + "/err.txt").find("more than 10 000 000 rows"), std::string::npos) << slurp(dir + "/err.txt");
}

TEST_F(FloodCli, MalformedHeaderNamesFileAndLine) {
    write(dir + "/bad.asc", "ncols 3\nnrows three\n");
    const std::string args = "--dem " + dir + "/bad.asc --until 1 --every 1 --csv " + dir + "/o.csv";
    EXPECT_EQ(run(args, dir + "/err.txt"), 1);
    EXPECT_NE(slurp(dir + "/err.txt").find("bad.asc:2: nrows"), std::string::npos);
}

TEST_F(FloodCli, GridsOfDifferentShapeAreRejected) {
    write(dir + "/n.asc", "ncols 2\nnrows 2\nxllcorner 0\nyllcorner 0\ncellsize 1\n0.03 0.03\n0.03 0.03\n");
    const std::string args = "--dem " + dir + "/dem.asc --manning-grid " + dir + "/n.asc --until 1 --every 1 --csv " + dir + "/o.csv";
    EXPECT_EQ(run(args, dir + "/err.txt"), 1);
    EXPECT_NE(slurp(dir + "/err.txt").find("different shape"), std::string::npos);
}

TEST_F(FloodCli, NegativeManningInAGridNamesTheLine) {
    std::ostringstream n;
    n << "ncols 20\nnrows 10\nxllcorner 500\nyllcorner 100\ncellsize 2\n";
    for (int r = 0; r < 10; ++r) {
        for (int c = 0; c < 20; ++c) n << (c ? " " : "") << (r == 2 && c == 3 ? "-0.1" : "0.03");
        n << "\n";
    }
    write(dir + "/nneg.asc", n.str());
    const std::string args = "--dem " + dir + "/dem.asc --manning-grid " + dir + "/nneg.asc --until 1 --every 1 --csv " + dir + "/o.csv";
    EXPECT_EQ(run(args, dir + "/err.txt"), 1);
    EXPECT_NE(slurp(dir + "/err.txt").find("nneg.asc:8: column 4"), std::string::npos) << slurp(dir + "/err.txt");
}
