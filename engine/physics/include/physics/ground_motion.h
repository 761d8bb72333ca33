#pragma once
/// Earthquake ground acceleration records: loaded from CSV (time_s,ax,ay,az in m/s^2)
/// or synthesised from peak ground acceleration, dominant period and duration.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <glm/vec3.hpp>

#include "core/result.h"

namespace cd::physics {

struct GroundMotion {
    std::string source;               ///< file or "kanai-tajimi(...)"
    std::vector<double> timeS;        ///< strictly increasing
    std::vector<glm::vec3> accelMS2;  ///< ground acceleration at timeS[i]
    /// Linear interpolation; zero before the first and after the last sample.
    glm::vec3 accelerationAt(double tS) const;
    double durationS() const { return timeS.empty() ? 0.0 : timeS.back() - timeS.front(); }
    /// Largest horizontal magnitude |(ax, ay)| over the record.
    double peakHorizontalMS2() const;
};

/// Kanai-Tajimi filtered white noise under a Jennings-Housner-Tsai envelope, scaled to pgaMS2.
struct ParametricGroundMotion {
    double pgaMS2 = 3.0;             ///< peak horizontal ground acceleration (x component)
    double dominantPeriodS = 0.4;    ///< 2 pi / omega_g of the site filter
    double durationS = 20.0;         ///< whole record
    double siteDamping = 0.6;        ///< zeta_g of the Kanai-Tajimi filter
    double sampleStepS = 0.005;
    double secondHorizontalRatio = 0.85;  ///< PGA of y relative to x
    double verticalRatio = 0.667;         ///< PGA of z relative to x (the common 2/3 rule)
    std::uint64_t seed = 1;
};

/// Parses CSV text; errors name sourceName, the line and the column.
Result<GroundMotion> parseGroundMotionCsv(std::string_view text, const std::string& sourceName);
Result<GroundMotion> loadGroundMotionCsv(const std::string& path);
/// Validates the parameters (field names "pgaMS2" etc.) and synthesises a record.
Result<GroundMotion> makeParametricGroundMotion(const ParametricGroundMotion& p);
/// "time_s,ax,ay,az" then one row per sample.
std::string groundMotionToCsv(const GroundMotion& g, const std::string& headerComment = {});

}  // namespace cd::physics
