#pragma once
/// A crowd case file (TOML): areas, obstacles, doors, stairs, groups of people and settings.
/// The format is documented in docs/crowd.md.
#include <memory>
#include <string>
#include <vector>

#include "core/result.h"
#include "crowd/building.h"
#include "crowd/crowd_sim.h"
#include "crowd/demography.h"

namespace cd::crowd {

struct GroupSpec {
    std::string id;
    int count = 0;
    int area = -1;                 ///< where people are placed at random, or -1 with positions
    std::vector<Vec2> positions;   ///< explicit start positions
    SpeedDistribution speed;
    PremovementDistribution premovement;
    int exitDoor = -1;             ///< assigned exit, -1 free choice
    std::vector<int> knownExits;
    double familiarityPenaltyS = 0.0;
    int followsGroup = -1;         ///< follow the first person of this group (e.g. the teacher)
    double radiusM = 0.2;
    int sourceLine = 0;
    int countLine = 0;  ///< line of the count field (for "more people than fit")
};

struct CrowdCase {
    Building building;
    CrowdSettings settings;
    std::vector<GroupSpec> groups;
};

/// Reads and checks a case file; errors are "file:line: field: message".
Result<CrowdCase> loadCrowdCase(const std::string& path);
Result<CrowdCase> parseCrowdCase(const std::string& text, const std::string& fileName);

/// Builds the simulation and places every group, seeded by settings.seed. Fails with the
/// group's line when more people are asked for than fit in the area.
Result<std::unique_ptr<CrowdSim>> buildCrowdSim(const CrowdCase& crowdCase);

}  // namespace cd::crowd
