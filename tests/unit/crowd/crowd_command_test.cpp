// The `citydrill crowd` command end to end (skipped when the citydrill binary is not built).
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include <unistd.h>

namespace {

std::string binary() {
    // CITYDRILL_BIN_DIR, else the directory of this test (citydrill is built next to it).
    std::string dirs[2];
    if (const char* dir = std::getenv("CITYDRILL_BIN_DIR")) dirs[0] = dir;
    char self[4096] = {};
    const ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
    if (n > 0) dirs[1] = std::string(self, static_cast<size_t>(n)).substr(0, std::string(self).rfind('/'));
    for (const std::string& d : dirs)
        if (!d.empty() && std::ifstream(d + "/citydrill").good()) return d + "/citydrill";
    return {};
}

std::string readAll(const std::string& path) {
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

TEST(CrowdCommand, TheSchoolWingCaseWritesOneRowPerPersonAndTrajectories) {
    const std::string bin = binary();
    if (bin.empty()) GTEST_SKIP() << "citydrill not built";
    const char* srcEnv = std::getenv("CITYDRILL_SOURCE_DIR");
    const std::string src = srcEnv ? srcEnv : ".";
    const std::string cmd = bin + " crowd " + src + "/tests/verification/crowd/cases/school_wing.toml --until 300" +
                            " --csv crowd_cmd_agents.csv --trajectories crowd_cmd_traj.csv --every 5 > /dev/null";
    ASSERT_EQ(std::system(cmd.c_str()), 0);
    const std::string agents = readAll("crowd_cmd_agents.csv");
    EXPECT_EQ(agents.rfind("agent,group,start_x,start_y,exit,exit_time_s,path_length_m\n", 0), 0u);
    int rows = 0, out = 0;
    std::istringstream lines(agents);
    std::string line;
    std::getline(lines, line);
    while (std::getline(lines, line)) {
        ++rows;
        out += line.find(",main_exit,") != std::string::npos || line.find(",side_exit,") != std::string::npos;
    }
    EXPECT_EQ(rows, 76);
    EXPECT_EQ(out, 76) << "the whole wing is out within 300 s";
    EXPECT_EQ(readAll("crowd_cmd_traj.csv").rfind("time_s,agent,x,y,level\n", 0), 0u);
    std::remove("crowd_cmd_agents.csv");
    std::remove("crowd_cmd_traj.csv");
}

TEST(CrowdCommand, AMalformedCaseExitsWithOneAndNamesFileLineAndField) {
    const std::string bin = binary();
    if (bin.empty()) GTEST_SKIP() << "citydrill not built";
    {
        std::ofstream f("crowd_cmd_bad.toml");
        f << "[[area]]\nid = \"a\"\npolygon = [[0.0, 0.0], [4.0, 4.0], [4.0, 0.0], [0.0, 4.0]]\n";
    }
    const std::string cmd = bin + " crowd crowd_cmd_bad.toml --until 10 --csv crowd_cmd_x.csv 2> crowd_cmd_err.txt";
    const int rc = std::system(cmd.c_str());
    EXPECT_EQ(WEXITSTATUS(rc), 1);
    EXPECT_EQ(readAll("crowd_cmd_err.txt"), "crowd_cmd_bad.toml:3: polygon: area 'a' polygon is self-intersecting\n");
    std::remove("crowd_cmd_bad.toml");
    std::remove("crowd_cmd_err.txt");
}

}  // namespace
