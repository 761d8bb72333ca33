// citydrill fire: CSV columns, rows and exit codes (runs the built binary when present).
#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

namespace {

std::string binDir() {
    const char* d = std::getenv("CITYDRILL_BIN_DIR");
    return d ? d : "build/bin";
}

// File names unique to the test and the process: ctest runs these cases in parallel.
std::string tempPrefix() {
    return ::testing::TempDir() + ::testing::UnitTest::GetInstance()->current_test_info()->name() + "_" +
           std::to_string(::getpid()) + "_";
}

bool haveCli() { return std::ifstream(binDir() + "/citydrill").good(); }

int runCli(const std::string& args, std::string& stderrText) {
    std::string err = tempPrefix() + "fire_cli_err.txt";
    int rc = std::system((binDir() + "/citydrill fire " + args + " > /dev/null 2> " + err).c_str());
    std::ifstream in(err);
    std::stringstream ss;
    ss << in.rdbuf();
    stderrText = ss.str();
    return WEXITSTATUS(rc);
}

std::string writeCase(const std::string& name, const std::string& text) {
    std::string path = tempPrefix() + name;
    std::ofstream(path) << text;
    return path;
}

const char* kCase = R"([[room]]
id = "atrium"
origin = [0.0, 0.0, 0.0]
size = [20.0, 20.0, 10.0]

[[opening]]
from = "atrium"
to = "outside"
width = 1.0
height = 2.0
sill = 0.0

[[fire]]
room = "atrium"
position = [10.0, 10.0, 0.0]
alpha = 0.0469
peak_hrr_kw = 5000.0
area_m2 = 1.0

[[probe]]
id = "p1"
position = [10.0, 10.0, 1.8]
quantities = ["layer_height_m", "upper_temp_c", "fed"]

[[probe]]
id = "p2"
position = [5.0, 5.0, 9.0]
quantities = ["visibility_m"]
)";

}  // namespace

TEST(FireCommand, WritesOneRowPerOutputTimeWithProbeColumnsInFileOrder) {
    if (!haveCli()) GTEST_SKIP() << "citydrill not built";
    std::string path = writeCase("atrium.toml", kCase);
    std::string csv = tempPrefix() + "atrium.csv";
    std::string err;
    ASSERT_EQ(runCli(path + " --until 120 --every 30 --csv " + csv, err), 0) << err;
    std::ifstream in(csv);
    std::string header, line;
    std::getline(in, header);
    EXPECT_EQ(header, "time_s,p1.layer_height_m,p1.upper_temp_c,p1.fed,p2.visibility_m");
    int rows = 0;
    double lastTime = -1, lastLayer = 100;
    while (std::getline(in, line)) {
        ++rows;
        double t, z;
        ASSERT_EQ(std::sscanf(line.c_str(), "%lf,%lf", &t, &z), 2);
        EXPECT_NEAR(t, lastTime < 0 ? 0 : lastTime + 30, 1e-9);
        EXPECT_LE(z, lastLayer);  // the layer only descends
        lastTime = t;
        lastLayer = z;
    }
    EXPECT_EQ(rows, 5);  // 0, 30, 60, 90, 120
}

TEST(FireCommand, BadInputExitsWithOneAndNamesFileLineAndField) {
    if (!haveCli()) GTEST_SKIP() << "citydrill not built";
    std::string text = kCase;
    text.replace(text.find("peak_hrr_kw = 5000.0"), 20, "peak_hrr_kw = -50.0");
    std::string path = writeCase("negative.toml", text);
    std::string err;
    EXPECT_EQ(runCli(path + " --until 10 --every 1 --csv /dev/null", err), 1);
    EXPECT_NE(err.find("negative.toml:17: fire.peak_hrr_kw: heat release rate must be >= 0"), std::string::npos) << err;
    EXPECT_EQ(runCli(path + " --until 10 --csv out.csv", err), 1);  // missing --every
    // An integer where a boolean belongs is bad input too, not a silent true.
    text = kCase;
    text.replace(text.find("sill = 0.0"), 10, "sill = 0.0\nopen = 1");
    path = writeCase("open_one.toml", text);
    EXPECT_EQ(runCli(path + " --until 10 --every 1 --csv /dev/null", err), 1);
    EXPECT_NE(err.find("open_one.toml:12: opening.open: must be true or false, not an integer"), std::string::npos)
        << err;
}
